/// Every process bench starts, Swift worker or CPython interpreter, started one way: requests on
/// its fd 3 and replies on its fd 4 (plus any other descriptors), leading a process group of its
/// own when the harness starts it (so killing the group kills its whole tree), told its parent's
/// process id so it can die with it, in the ``ChildRegistry`` until it is reaped with `wait4`.
public final class Subprocess: @unchecked Sendable {
    /// The child.
    public let child: ChildProcess
    /// The write end of its request pipe (its fd 3).
    public let requestFD: Int32
    /// The read end of its reply pipe (its fd 4).
    public let replyFD: Int32
    private var reaped = false

    /// Whether the process has been reaped.
    public var isReaped: Bool { reaped }

    /// Starts `arguments` with the request and reply pipes, `descriptors` also mapped into it, and
    /// `environment` added to bench's own.
    /// - Throws: ``SystemCallError`` when a pipe or the process cannot be made; nothing is left open.
    public static func start(
        _ arguments: [String], environment: [String: String] = [:],
        descriptors: [(child: Int32, parent: Int32)] = []
    ) throws -> Subprocess {
        let requests = try Sys.pipe()
        var opened = [requests.read, requests.write]
        do {
            let replies = try Sys.pipe()
            opened += [replies.read, replies.write]
            let child = try Sys.spawn(
                arguments: arguments,
                fileDescriptors: descriptors + [(3, requests.read), (4, replies.write)],
                newProcessGroup: !ProcessRole.isWorker,
                environment: environment.merging([ProcessRole.parentVariable: String(Sys.processID)]) { $1 })
            Sys.close(requests.read)
            Sys.close(replies.write)
            ChildRegistry.shared.add(child)
            return Subprocess(child: child, requestFD: requests.write, replyFD: replies.read)
        } catch {
            opened.forEach(Sys.close)
            throw error
        }
    }

    private init(child: ChildProcess, requestFD: Int32, replyFD: Int32) {
        self.child = child
        self.requestFD = requestFD
        self.replyFD = replyFD
    }

    /// Closes the pipes and waits for the process to exit.
    /// - Returns: how it ended and its resource usage (with the children it waited for).
    @discardableResult
    public func reap() throws -> (reason: ExitReason, usage: ResourceUsage) {
        precondition(!reaped, "process \(child.pid) reaped twice")
        reaped = true
        Sys.close(requestFD)
        Sys.close(replyFD)
        defer { ChildRegistry.shared.remove(child) }
        return try Sys.reap(child)
    }

    /// Kills the process (its whole group if it leads one), reaps it, then waits for the rest of
    /// its group to be gone, so nothing it started outlives it.
    @discardableResult
    public func kill() throws -> (reason: ExitReason, usage: ResourceUsage) {
        Sys.kill(child)
        let ending = try reap()
        Sys.awaitGroupExit(child)
        return ending
    }
}
