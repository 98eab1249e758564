import Foundation

/// Whether this process is the harness or a worker it started: decides who leads process groups.
public enum ProcessRole {
    /// Set by the `worker` subcommand before it serves requests.
    nonisolated(unsafe) public static var isWorker = false

    /// The environment variable that tells a worker its parent's process id, so it can tell whether
    /// the parent died before the worker asked to die with it.
    public static let parentVariable = "BENCH_PARENT_PID"

    /// Called first by a worker: it dies with its parent (the kernel's parent-death signal), so
    /// nothing a harness started outlives it, however the harness ended.
    public static func becomeWorker() {
        isWorker = true
        let parent = ProcessInfo.processInfo.environment[parentVariable].flatMap { Int32($0) }
        Sys.dieWithParent(expectedParent: parent)
    }
}
