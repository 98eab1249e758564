/// A workload as plain data: everything needed to rebuild it in another process.
///
/// The harness calibrates once, in its own process, and sends specs to sample and worker processes,
/// so every process runs exactly the same number of kernel iterations.
public struct WorkloadSpec: Codable, Sendable, Equatable {
    /// The name users select it by.
    public var name: String
    /// What its tasks spend their time on.
    public var kind: WorkloadKind
    /// One task's duration on one core, in seconds.
    public var taskSeconds: Double
    /// Compute kernel iterations per task (0 for waiting workloads and `noop`).
    public var iterations: Int
    /// The share of each task spent waiting (mixed workloads; 0 for cpu, 1 for io).
    public var ioFraction: Double
    /// How tasks wait.
    public var ioKind: IOKind = .sleep
    /// Bytes each task writes and reads back, for the file I/O kind.
    public var fileBytes = WorkloadDefaults.fileBytes
    /// The loopback server's port, for the socket I/O kind (set by the harness).
    public var socketPort: UInt16 = 0
    /// Objects each alloc task allocates.
    public var allocObjects = WorkloadDefaults.allocObjects
    /// Bytes per object for alloc tasks.
    public var allocObjectBytes = WorkloadDefaults.allocObjectBytes
    /// The runtime the tasks run in; its own calibration sets ``iterations``.
    public var runtime: Runtime = .swift
    /// A fault to trigger, for tests of failure handling; nil in every real run.
    public var fault: InjectedFault?
    /// How many times its work each task does, for tests of `bench compare`; nil in every real run.
    public var slowdown: Double?

    /// How a task of this workload waits.
    public var waiting: Waiting {
        Waiting(
            kind: ioKind, nanoseconds: UInt64((taskSeconds * ioFraction * 1e9).rounded()), fileBytes: fileBytes,
            port: socketPort)
    }

    /// Creates a spec.
    public init(
        name: String, kind: WorkloadKind, taskSeconds: Double, iterations: Int = 0,
        ioFraction: Double? = nil, fault: InjectedFault? = nil
    ) {
        self.name = name
        self.kind = kind
        self.taskSeconds = taskSeconds
        self.iterations = iterations
        self.ioFraction = ioFraction ?? (kind == .io ? 1 : 0)
        self.fault = fault
    }

    /// Builds the runnable workload.
    public func make() -> any Workload {
        let base: any Workload =
            switch kind {
            case .cpu: ComputeWorkload(name: name, taskSeconds: taskSeconds, iterations: iterations)
            case .io: SleepWorkload(name: name, taskSeconds: taskSeconds, waiting: waiting)
            case .alloc: AllocWorkload(name: name, objects: allocObjects, objectBytes: allocObjectBytes)
            case .mixed:
                MixedWorkload(
                    name: name, taskSeconds: taskSeconds, iterations: iterations, ioFraction: ioFraction,
                    waiting: waiting)
            }
        let slowed: any Workload = slowdown.map { SlowdownWorkload(base: base, factor: $0) } ?? base
        guard let fault else { return slowed }
        return FaultInjectingWorkload(base: slowed, fault: fault)
    }
}

extension WorkloadSpec {
    /// What the workload is, for a report.
    public var description: WorkloadDescription {
        let workload = make()
        return WorkloadDescription(
            name: workload.name, kind: workload.kind, taskDescription: workload.taskDescription,
            runtime: runtime == .swift ? nil : runtime)
    }
}
