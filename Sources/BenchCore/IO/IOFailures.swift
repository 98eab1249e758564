import Synchronization

/// The first task of this process whose I/O could not be done, since it was last taken: a wait
/// that failed is a failed sample, never a fast one. ``Waiting`` records; the sample's measurer
/// (or a pool worker, after its batch) takes it.
enum IOFailures {
    private static let first = Mutex<String?>(nil)

    /// Records that task `task`'s wait of kind `kind` failed with `error`, unless one already has.
    static func record(task: Int, _ kind: IOKind, _ error: String) {
        first.withLock { if $0 == nil { $0 = "task \(task)'s \(kind.rawValue) I/O failed: \(error)" } }
    }

    /// The failure recorded since the last call, cleared; nil when every wait was done.
    static func take() -> String? {
        first.withLock { failure in
            defer { failure = nil }
            return failure
        }
    }
}
