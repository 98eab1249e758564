/// A `bench worker` child process (this executable, re-executed) and the pipes to it.
public final class WorkerProcess: WorkerHandle, @unchecked Sendable {
    /// The process.
    public let process: Subprocess
    /// Requests out, replies in.
    public let transport: PipeTransport

    /// The child.
    public var child: ChildProcess { process.child }

    /// Starts `bench worker` with its request pipe on fd 3 and its reply pipe on fd 4; the
    /// harness's workers lead their own process groups, a worker's own workers stay in its group.
    public static func start(environment: [String: String] = [:]) throws -> WorkerProcess {
        let process = try Subprocess.start(
            [Sys.executablePath(), "worker"], environment: ["SWIFT_BACKTRACE": "enable=no"].merging(environment) { $1 })
        return WorkerProcess(process)
    }

    private init(_ process: Subprocess) {
        self.process = process
        transport = PipeTransport(readFD: process.replyFD, writeFD: process.requestFD)
    }

    public var connection: any WorkerConnection { transport }
    public var replyFD: Int32 { process.replyFD }
    public var hasBufferedReply: Bool { transport.hasBufferedReply }
    public var label: String { "worker process \(child.pid)" }
    public var isReaped: Bool { process.isReaped }

    /// Asks the worker to exit, closes the pipes and reaps it.
    /// - Returns: how it ended and its resource usage.
    @discardableResult
    public func finishMeasured() throws -> (reason: ExitReason, usage: ResourceUsage) {
        try? transport.send(WorkerRequest.shutdown)
        return try process.reap()
    }

    @discardableResult
    public func finish() throws -> ExitReason { try finishMeasured().reason }

    @discardableResult
    public func reap() throws -> ExitReason { try process.reap().reason }

    @discardableResult
    public func kill() throws -> ExitReason { try process.kill().reason }
}
