/// Everything needed to measure one sample, in this process or another.
public struct SampleRequest: Codable, Sendable, Equatable {
    /// The workload, calibrated.
    public var workload: WorkloadSpec
    /// The model.
    public var model: ModelKind
    /// Workers the model uses.
    public var workers: Int
    /// Tasks in the sample.
    public var tasks: Int
    /// 1-based repetition within its cell, 0 for a warm-up.
    public var repetition: Int
    /// CPUs available to the harness.
    public var coresAvailable: Int
    /// The allocator the sample runs under.
    public var allocator: Allocator = .system
    /// Whether to keep every task's span for a trace.
    public var recordTimeline: Bool = false
    /// For an extrapolated serial baseline: the prefix of the tasks to run, whose times are scaled
    /// to all `tasks`; nil runs every task.
    public var measuredTasks: Int?
    /// The Python interpreter that runs a CPython sample (``Runtime/python``); nil for Swift.
    public var python: String?

    /// Creates a request.
    public init(
        workload: WorkloadSpec, model: ModelKind, workers: Int, tasks: Int, repetition: Int, coresAvailable: Int
    ) {
        self.workload = workload
        self.model = model
        self.workers = workers
        self.tasks = tasks
        self.repetition = repetition
        self.coresAvailable = coresAvailable
    }
}

extension SampleRequest {
    /// The tasks the sample really runs: the prefix of an extrapolated baseline, or all of them.
    public var tasksToRun: Int { min(measuredTasks ?? tasks, tasks) }

    /// The cell this request measures.
    public var cell: Cell {
        Cell(
            workload: workload.name, kind: workload.kind, model: model, workers: workers, tasks: tasks,
            taskSeconds: workload.taskSeconds, ioFraction: workload.ioFraction, ioKind: workload.ioKind,
            fileBytes: workload.fileBytes, allocObjects: workload.allocObjects,
            allocObjectBytes: workload.allocObjectBytes, allocator: allocator, runtime: workload.runtime)
    }
}
