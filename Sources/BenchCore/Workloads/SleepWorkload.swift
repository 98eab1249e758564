/// The `io` workload: each task waits for a fixed time, the way each model really waits.
///
/// Blocking models park their thread in `clock_nanosleep`; async models `await Task.sleep`, which
/// frees the thread for other tasks. Neither spins, so a sample's CPU time stays near zero.
public struct SleepWorkload: Workload {
    public let name: String
    public var kind: WorkloadKind { .io }
    public let taskSeconds: Double

    /// Creates a workload whose tasks each wait `taskSeconds`.
    public init(name: String = "io", taskSeconds: Double) {
        self.name = name
        self.taskSeconds = taskSeconds
    }

    public var spec: WorkloadSpec {
        WorkloadSpec(name: name, kind: .io, taskSeconds: taskSeconds)
    }

    public var taskDescription: String {
        "a wait of \(Format.milliseconds(taskSeconds)) (blocking sleep on threads, Task.sleep in async models)"
    }

    private var nanoseconds: UInt64 { UInt64((taskSeconds * 1e9).rounded()) }

    public func runBlocking(task index: Int) -> UInt64 {
        Sys.sleep(nanoseconds: nanoseconds)
        return UInt64(truncatingIfNeeded: index)
    }

    public func runAsync(task index: Int) async -> UInt64 {
        // Cancellation is never requested by the models; a cancelled sleep just ends early.
        try? await Task.sleep(nanoseconds: nanoseconds)
        return UInt64(truncatingIfNeeded: index)
    }
}
