/// The `mixed` workload: each task computes for (1 − f) of its duration, then waits for f.
///
/// One parameter, the I/O fraction f, spans the range from pure compute (f = 0, like `cpu`) to
/// pure waiting (f = 1, like `io`), which is what `bench sweep` walks to find where the winning
/// model changes.
public struct MixedWorkload: Workload {
    public let spec: WorkloadSpec
    public var name: String { spec.name }
    public var kind: WorkloadKind { .mixed }
    public var taskSeconds: Double { spec.taskSeconds }
    /// Kernel iterations for the compute part of one task.
    public let iterations: Int
    /// The share of each task spent waiting, 0…1.
    public let ioFraction: Double

    /// How the waiting part is done.
    public let waiting: Waiting

    /// The workload of a mixed spec.
    init(_ spec: WorkloadSpec) {
        self.spec = spec
        iterations = spec.iterations
        ioFraction = spec.ioFraction
        waiting = spec.waiting
    }

    /// Creates a mixed workload.
    public init(
        name: String = "mixed", taskSeconds: Double, iterations: Int, ioFraction: Double, io: IOSpec = IOSpec()
    ) {
        self.init(
            WorkloadSpec(
                name: name,
                shape: .mixed(taskSeconds: taskSeconds, iterations: iterations, ioFraction: ioFraction, io: io)))
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
