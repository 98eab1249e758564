/// A workload as plain data: everything needed to rebuild it in another process, as its common
/// fields and one shape. Built whole by ``WorkloadCatalog`` and sent as it is to sample
/// processes, worker processes and CPython alike, so every process runs exactly the same number
/// of kernel iterations.
public struct WorkloadSpec: Codable, Sendable, Equatable {
    /// What one task does: compute, wait, both, allocate, nothing, or the user's own code.
    public enum Shape: Codable, Sendable, Equatable {
        /// Each task runs `iterations` of the kernel, calibrated to `taskSeconds` on one core.
        case compute(taskSeconds: Double, iterations: Int)
        /// Each task waits `taskSeconds`, as `io` says.
        case wait(taskSeconds: Double, io: IOSpec)
        /// Each task computes `iterations` for (1 − `ioFraction`) of `taskSeconds`, then waits the rest.
        case mixed(taskSeconds: Double, iterations: Int, ioFraction: Double, io: IOSpec)
        /// Each task allocates and frees `objects` objects of `objectBytes` bytes.
        case alloc(objects: Int, objectBytes: Int)
        /// Each task does nothing: what handing out a task costs.
        case noop
        /// Each task is one call of the user's own code.
        case user(UserTask)
    }

    /// The name users select it by.
    public var name: String
    /// What one task does.
    public var shape: Shape
    /// The runtime the tasks run in; its own calibration set the iterations.
    public var runtime: Runtime = .swift
    /// The interpreter the tasks run in (``InterpreterInfo/label``), for a runtime that runs in
    /// one; its own calibration set the iterations. Nil for Swift.
    public var interpreter: String?
    /// The GIL state of a free-threaded build's tasks (`--gil`); nil for every other build.
    public var gil: GILState?
    /// A fault to trigger, for tests of failure handling; nil in every real run.
    public var fault: InjectedFault?
    /// How many times its work each task does, for tests of `bench compare`; nil in every real run.
    public var slowdown: Double?

    /// Creates a spec of `shape`.
    public init(name: String, shape: Shape, runtime: Runtime = .swift, interpreter: String? = nil) {
        self.name = name
        self.shape = shape
        self.runtime = runtime
        self.interpreter = runtime == .swift ? nil : interpreter
    }

    /// The runtime instance the tasks run in.
    public var instance: RuntimeInstance { RuntimeInstance(runtime, interpreter: interpreter) }

    /// Builds the runnable workload; its ``Workload/spec`` is this spec, unchanged.
    public func make() -> any Workload {
        let base: any Workload =
            switch shape {
            case .compute, .noop: ComputeWorkload(self)
            case .wait: SleepWorkload(self)
            case .mixed: MixedWorkload(self)
            case .alloc: AllocWorkload(self)
            case .user(let task): ClosureWorkload(self, task: task)
            }
        let slowed: any Workload = slowdown.map { SlowdownWorkload(base: base, factor: $0) } ?? base
        guard let fault else { return slowed }
        return FaultInjectingWorkload(base: slowed, fault: fault)
    }
}

/// How a waiting task waits, as data: sleep, a file round trip, or a loopback request.
public struct IOSpec: Codable, Sendable, Equatable {
    /// The kind of wait.
    public var kind: IOKind
    /// Bytes each task writes and reads back, for the file kind.
    public var fileBytes: Int
    /// The loopback server's port, for the socket kind.
    public var socketPort: UInt16

    /// Creates a description of a wait.
    public init(kind: IOKind = .sleep, fileBytes: Int = WorkloadDefaults.fileBytes, socketPort: UInt16 = 0) {
        self.kind = kind
        self.fileBytes = fileBytes
        self.socketPort = socketPort
    }
}
