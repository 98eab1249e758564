/// The `cpu` workload: each task runs the hash-chain kernel for a calibrated number of iterations.
///
/// A task never suspends, even in the async models: on the event loop it holds the one thread
/// until it is done, which is exactly why concurrency without parallelism cannot speed it up.
public struct ComputeWorkload: Workload {
    public let name: String
    public var kind: WorkloadKind { .cpu }
    public let taskSeconds: Double
    /// Kernel iterations per task.
    public let iterations: Int

    /// Creates a compute workload whose tasks run `iterations` kernel steps, calibrated to take
    /// `taskSeconds` on one core.
    public init(name: String = "cpu", taskSeconds: Double, iterations: Int) {
        self.name = name
        self.taskSeconds = taskSeconds
        self.iterations = iterations
    }

    public var spec: WorkloadSpec {
        WorkloadSpec(name: name, kind: .cpu, taskSeconds: taskSeconds, iterations: iterations)
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
