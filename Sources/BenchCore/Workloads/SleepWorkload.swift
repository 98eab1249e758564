/// The `io` workload: each task waits, the way each model really waits.
///
/// With the default `sleep` kind, blocking models park their thread in `clock_nanosleep` and async
/// models `await Task.sleep`, which frees the thread for other tasks. With `file` or `socket`, the
/// wait is real I/O (see ``Waiting``). Nothing spins, so a sample's CPU time stays near zero.
public struct SleepWorkload: Workload {
    public let name: String
    public var kind: WorkloadKind { .io }
    public let taskSeconds: Double

    /// How each task waits.
    public let waiting: Waiting

    /// Creates a workload whose tasks each wait `taskSeconds` (by default, sleeping).
    public init(name: String = "io", taskSeconds: Double, waiting: Waiting? = nil) {
        self.name = name
        self.taskSeconds = taskSeconds
        self.waiting =
            waiting
            ?? Waiting(
                kind: .sleep, nanoseconds: UInt64((taskSeconds * 1e9).rounded()), fileBytes: WorkloadDefaults.fileBytes)
    }

    public var spec: WorkloadSpec {
        var spec = WorkloadSpec(name: name, kind: .io, taskSeconds: taskSeconds)
        spec.ioKind = waiting.kind
        spec.fileBytes = waiting.fileBytes
        spec.socketPort = waiting.port
        return spec
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
