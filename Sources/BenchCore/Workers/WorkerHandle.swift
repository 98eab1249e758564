/// A worker as the process models see it: a connection to talk over, a descriptor to poll for its
/// replies, a name for sentences, and how it ends. ``WorkerProcess`` is the real one; a test can
/// hand the models workers served on threads of its own process.
public protocol WorkerHandle: AnyObject, Sendable {
    /// Requests out, replies in.
    var connection: any WorkerConnection { get }
    /// The descriptor that becomes readable when a reply arrives.
    var replyFD: Int32 { get }
    /// Whether a reply already read from the descriptor is waiting.
    var hasBufferedReply: Bool { get }
    /// The worker in a sentence: "worker process 1234".
    var label: String { get }
    /// Whether it has been reaped.
    var isReaped: Bool { get }
    /// Asks the worker to exit and waits for it. - Returns: how it ended.
    @discardableResult func finish() throws -> ExitReason
    /// Closes the connection and waits for the worker to end. - Returns: how it ended.
    @discardableResult func reap() throws -> ExitReason
    /// Ends the worker now and waits for it. - Returns: how it ended.
    @discardableResult func kill() throws -> ExitReason
}

/// Starts the workers of the process models.
public protocol WorkerLauncher: Sendable {
    /// Starts one worker.
    /// - Throws: ``SystemCallError`` when it cannot be started.
    func start() throws -> any WorkerHandle
}

/// Starts `bench worker` processes.
public struct WorkerProcessLauncher: WorkerLauncher {
    /// Creates the launcher.
    public init() {}

    public func start() throws -> any WorkerHandle { try WorkerProcess.start() }
}
