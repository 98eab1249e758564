import Synchronization

/// Every child process alive right now, so an interruption can kill them all before exiting.
public final class ChildRegistry: Sendable {
    /// The registry of this process.
    public static let shared = ChildRegistry()

    private let children = Mutex<[Int32: ChildProcess]>([:])

    /// Records a started child.
    public func add(_ child: ChildProcess) {
        children.withLock { $0[child.pid] = child }
    }

    /// Forgets a reaped child.
    public func remove(_ child: ChildProcess) {
        children.withLock { $0[child.pid] = nil }
    }

    /// Sends SIGKILL to every live child (and its group). Their owners still reap them.
    public func killAll() {
        for child in children.withLock({ Array($0.values) }) { Sys.kill(child) }
    }
}
