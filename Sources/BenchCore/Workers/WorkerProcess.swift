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

/// A `bench worker` child process and the pipes to it.
public final class WorkerProcess: @unchecked Sendable {
    /// The child.
    public let child: ChildProcess
    /// Requests out, replies in.
    public let transport: PipeTransport
    private var reaped = false

    /// The descriptor to poll for this worker's replies.
    public var replyFD: Int32 { transport.readFD }

    /// Starts `bench worker` (this executable, re-executed) with its request pipe on fd 3 and its
    /// reply pipe on fd 4.
    ///
    /// The harness puts each worker it starts in a new process group, so Ctrl-C reaches only the
    /// harness; a worker's own workers stay in its group, so killing the group kills the tree.
    public static func start(environment: [String: String] = [:]) throws -> WorkerProcess {
        let requests = try Sys.pipe()
        let replies: (read: Int32, write: Int32)
        do { replies = try Sys.pipe() } catch {
            Sys.close(requests.read)
            Sys.close(requests.write)
            throw error
        }
        let child: ChildProcess
        do {
            child = try Sys.spawn(
                arguments: [Sys.executablePath(), "worker"],
                fileDescriptors: [(3, requests.read), (4, replies.write)],
                newProcessGroup: !ProcessRole.isWorker,
                environment: ["SWIFT_BACKTRACE": "enable=no", ProcessRole.parentVariable: String(Sys.processID)]
                    .merging(environment) { $1 })
        } catch {
            [requests.read, requests.write, replies.read, replies.write].forEach(Sys.close)
            throw error
        }
        Sys.close(requests.read)
        Sys.close(replies.write)
        ChildRegistry.shared.add(child)
        return WorkerProcess(child: child, transport: PipeTransport(readFD: replies.read, writeFD: requests.write))
    }

    private init(child: ChildProcess, transport: PipeTransport) {
        self.child = child
        self.transport = transport
    }

    /// Asks the worker to exit, closes the pipes and reaps it.
    /// - Returns: how it ended and its resource usage.
    @discardableResult
    public func finish() throws -> (reason: ExitReason, usage: ResourceUsage) {
        try? transport.send(WorkerRequest.shutdown)
        return try reap()
    }

    /// Kills the worker (its whole group if it leads one), closes the pipes and reaps it, then
    /// waits for the rest of its group to be gone, so nothing it started outlives it.
    @discardableResult
    public func kill() throws -> (reason: ExitReason, usage: ResourceUsage) {
        Sys.kill(child)
        let ending = try reap()
        Sys.awaitGroupExit(child)
        return ending
    }

    /// Closes the pipes and waits for the worker to exit.
    @discardableResult
    public func reap() throws -> (reason: ExitReason, usage: ResourceUsage) {
        precondition(!reaped, "worker \(child.pid) reaped twice")
        reaped = true
        transport.closeWriting()
        transport.closeReading()
        defer { ChildRegistry.shared.remove(child) }
        return try Sys.reap(child)
    }

    /// Whether the worker has been reaped.
    public var isReaped: Bool { reaped }
}
