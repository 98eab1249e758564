import Synchronization

/// The first task of this process that could not be done, since it was last taken: a wait that
/// failed, or a user's closure that threw, is a failed sample, never a fast one. ``Waiting`` and
/// ``ClosureWorkload`` record; the sample's measurer (or a pool worker, after its batch) takes it.
enum TaskFailures {
    private static let first = Mutex<String?>(nil)

    /// Records that task `task`'s wait of kind `kind` failed with `error`, unless one already has.
    static func record(task: Int, _ kind: IOKind, _ error: String) {
        first.withLock { if $0 == nil { $0 = "task \(task)'s \(kind.rawValue) I/O failed: \(error)" } }
    }

    /// Records that task `task` failed for `reason`, unless one already has.
    static func record(task: Int, _ reason: String) {
        first.withLock { if $0 == nil { $0 = "task \(task) \(reason)" } }
    }

    /// The failure recorded since the last call, cleared; nil when every wait was done.
    static func take() -> String? {
        first.withLock { failure in
            defer { failure = nil }
            return failure
        }
    }
}
