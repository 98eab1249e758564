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

    /// Creates a mixed workload.
    public init(name: String = "mixed", taskSeconds: Double, iterations: Int, ioFraction: Double) {
        self.name = name
        self.taskSeconds = taskSeconds
        self.iterations = iterations
        self.ioFraction = ioFraction
    }

    public var spec: WorkloadSpec {
        WorkloadSpec(name: name, kind: .mixed, taskSeconds: taskSeconds, iterations: iterations, ioFraction: ioFraction)
    }

    public var taskDescription: String {
        "\(Format.milliseconds(taskSeconds * (1 - ioFraction))) of hash chain (\(iterations) iterations), then a wait of \(Format.milliseconds(taskSeconds * ioFraction)) (I/O fraction \(Format.number(ioFraction)))"
    }

    private var waitNanoseconds: UInt64 { UInt64((taskSeconds * ioFraction * 1e9).rounded()) }

    public func runBlocking(task index: Int) -> UInt64 {
        let checksum = HashChainKernel.run(iterations: iterations, seed: HashChainKernel.seed(forTask: index))
        if waitNanoseconds > 0 { Sys.sleep(nanoseconds: waitNanoseconds) }
        return checksum
    }

    public func runAsync(task index: Int) async -> UInt64 {
        let checksum = HashChainKernel.run(iterations: iterations, seed: HashChainKernel.seed(forTask: index))
        if waitNanoseconds > 0 { try? await Task.sleep(nanoseconds: waitNanoseconds) }
        return checksum
    }
}
