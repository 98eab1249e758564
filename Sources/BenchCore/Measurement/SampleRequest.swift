/// Everything needed to measure one sample, in this process or another.
public struct SampleRequest: Codable, Sendable, Equatable {
    /// The cell the sample measures, as planned (``Planner``).
    public var cell: Cell
    /// The workload, calibrated.
    public var workload: WorkloadSpec
    /// 1-based repetition within its cell, 0 for a warm-up.
    public var repetition: Int
    /// CPUs available to the harness.
    public var coresAvailable: Int
    /// Whether to keep every task's span for a trace.
    public var recordTimeline: Bool = false
    /// For an extrapolated serial baseline: the prefix of the tasks to run, whose times are scaled
    /// to all `tasks`; nil runs every task.
    public var measuredTasks: Int?
    /// The interpreter that runs the sample, for a runtime that runs in one; nil for Swift.
    public var interpreter: String?
    /// The GIL state every process of the sample is asked for (`--gil`, on a free-threaded
    /// build); nil leaves the build's own default, which an extension module may still change.
    public var gil: GILState?

    /// Creates a request for a planned cell.
    public init(cell: Cell, workload: WorkloadSpec, repetition: Int, coresAvailable: Int) {
        self.cell = cell
        self.workload = workload
        self.repetition = repetition
        self.coresAvailable = coresAvailable
    }

    /// Creates a request for `workload` under `model`, its cell made from them.
    public init(
        workload: WorkloadSpec, model: ModelKind, workers: Int, tasks: Int, repetition: Int, coresAvailable: Int,
        allocator: Allocator = .system
    ) {
        self.init(
            cell: Cell(workload, model: model, workers: workers, tasks: tasks, allocator: allocator),
            workload: workload, repetition: repetition, coresAvailable: coresAvailable)
    }
}

extension SampleRequest {
    /// The model.
    public var model: ModelKind { cell.model }
    /// Workers the model uses.
    public var workers: Int { cell.workers }
    /// Tasks in the sample.
    public var tasks: Int { cell.tasks }
    /// The allocator the sample runs under.
    public var allocator: Allocator { cell.allocator }

    /// The tasks the sample really runs: the prefix of an extrapolated baseline, or all of them.
    public var tasksToRun: Int { min(measuredTasks ?? tasks, tasks) }
}
