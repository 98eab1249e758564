/// The `mixed` workload: each task computes for (1 − f) of its duration, then waits for f.
///
/// One parameter, the I/O fraction f, spans the range from pure compute (f = 0, like `cpu`) to
/// pure waiting (f = 1, like `io`), which is what `bench sweep` walks to find where the winning
/// model changes.
public struct MixedWorkload: Workload {
    public let name: String
    public var kind: WorkloadKind { .mixed }
    public let taskSeconds: Double
    /// Kernel iterations for the compute part of one task.
    public let iterations: Int
    /// The share of each task spent waiting, 0…1.
    public let ioFraction: Double

    /// How the waiting part is done.
    public let waiting: Waiting

    /// Creates a mixed workload.
    public init(
        name: String = "mixed", taskSeconds: Double, iterations: Int, ioFraction: Double, waiting: Waiting? = nil
    ) {
        self.name = name
        self.taskSeconds = taskSeconds
        self.iterations = iterations
        self.ioFraction = ioFraction
        self.waiting =
            waiting
            ?? Waiting(
                kind: .sleep, nanoseconds: UInt64((taskSeconds * ioFraction * 1e9).rounded()),
                fileBytes: WorkloadDefaults.fileBytes)
    }

    public var spec: WorkloadSpec {
        var spec = WorkloadSpec(
            name: name, kind: .mixed, taskSeconds: taskSeconds, iterations: iterations, ioFraction: ioFraction)
        spec.ioKind = waiting.kind
        spec.fileBytes = waiting.fileBytes
        spec.socketPort = waiting.port
        return spec
    }

    public var taskDescription: String {
        "\(Format.milliseconds(taskSeconds * (1 - ioFraction))) of hash chain (\(iterations) iterations), then a wait of \(Format.milliseconds(taskSeconds * ioFraction)) (I/O fraction \(Format.number(ioFraction)))"
    }

    /// Whether a task has a waiting part at all (an I/O fraction of 0 means pure compute).
    private var waits: Bool { ioFraction > 0 }

    public func runBlocking(task index: Int) -> UInt64 {
        let checksum = HashChainKernel.run(iterations: iterations, seed: HashChainKernel.seed(forTask: index))
        return waits ? checksum &+ waiting.block(task: index) : checksum
    }

    public func runAsync(task index: Int) async -> UInt64 {
        let checksum = HashChainKernel.run(iterations: iterations, seed: HashChainKernel.seed(forTask: index))
        return waits ? checksum &+ (await waiting.suspend(task: index)) : checksum
    }
}
