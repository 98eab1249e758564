/// The `io` workload: each task waits, the way each model really waits.
///
/// With the default `sleep` kind, blocking models park their thread in `clock_nanosleep` and async
/// models `await Task.sleep`, which frees the thread for other tasks. With `file` or `socket`, the
/// wait is real I/O (see ``Waiting``). Nothing spins, so a sample's CPU time stays near zero.
public struct SleepWorkload: Workload {
    public let spec: WorkloadSpec
    public var name: String { spec.name }
    public var kind: WorkloadKind { .io }
    public var taskSeconds: Double { spec.taskSeconds }

    /// How each task waits.
    public let waiting: Waiting

    /// The workload of a waiting spec.
    init(_ spec: WorkloadSpec) {
        self.spec = spec
        waiting = spec.waiting
    }

    /// Creates a workload whose tasks each wait `taskSeconds` as `io` says (by default, sleeping).
    public init(name: String = "io", taskSeconds: Double, io: IOSpec = IOSpec()) {
        self.init(WorkloadSpec(name: name, shape: .wait(taskSeconds: taskSeconds, io: io)))
    }

    public var taskDescription: String {
        switch waiting.kind {
        case .sleep:
            "a wait of \(Format.milliseconds(taskSeconds)) (blocking sleep on threads, Task.sleep in async models)"
        case .file:
            "writing, fsyncing and reading back a \(Format.bytes(waiting.fileBytes)) temporary file (blocking on threads; on a thread of its own while async tasks wait)"
        case .socket:
            "a request to a loopback TCP server that answers after \(Format.milliseconds(taskSeconds)) (blocking sockets on threads, non-blocking with await in async models)"
        }
    }

    public func runBlocking(task index: Int) -> UInt64 {
        waiting.block(task: index) &+ UInt64(truncatingIfNeeded: index)
    }

    public func runAsync(task index: Int) async -> UInt64 {
        await waiting.suspend(task: index) &+ UInt64(truncatingIfNeeded: index)
    }
}
