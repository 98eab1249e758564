/// The `cpu` workload: each task runs the hash-chain kernel for a calibrated number of iterations.
///
/// A task never suspends, even in the async models: on the event loop it holds the one thread
/// until it is done, which is exactly why concurrency without parallelism cannot speed it up.
public struct ComputeWorkload: Workload {
    public let spec: WorkloadSpec
    public var name: String { spec.name }
    public var kind: WorkloadKind { .cpu }
    public var taskSeconds: Double { spec.taskSeconds }
    /// Kernel iterations per task.
    public let iterations: Int

    /// The workload of a compute (or noop) spec.
    init(_ spec: WorkloadSpec) {
        self.spec = spec
        iterations = spec.iterations
    }

    /// Creates a compute workload whose tasks run `iterations` kernel steps, calibrated to take
    /// `taskSeconds` on one core.
    public init(name: String = "cpu", taskSeconds: Double, iterations: Int) {
        self.init(WorkloadSpec(name: name, shape: .compute(taskSeconds: taskSeconds, iterations: iterations)))
    }

    public var taskDescription: String {
        if iterations == 0 { return "nothing at all: it measures what handing out one task costs" }
        return "hash chain of \(iterations) iterations (calibrated to \(Format.milliseconds(taskSeconds)) on one core)"
    }

    public func runBlocking(task index: Int) -> UInt64 {
        HashChainKernel.run(iterations: iterations, seed: HashChainKernel.seed(forTask: index))
    }

    public func runAsync(task index: Int) async -> UInt64 {
        runBlocking(task: index)
    }
}
