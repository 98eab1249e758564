import Foundation

/// The worker's side of a connection to its parent: requests in, replies out.
///
/// ``WorkerLoop`` is written against this protocol, so tests can serve it in-process
/// (``InProcessTransport``) exactly as a worker process serves it over pipes (``PipeTransport``).
public protocol WorkerEndpoint: Sendable {
    /// The next request, or nil when the parent has closed the connection.
    func receive() throws -> WorkerRequest?
    /// Sends a reply.
    func send(_ reply: WorkerReply) throws
}

/// The parent's side of a connection to one worker: requests out, replies in.
public protocol WorkerConnection: Sendable {
    /// Sends a request.
    func send(_ request: WorkerRequest) throws
    /// The next reply, or nil when the worker has gone; throws ``Frame/Error/timedOut`` after `deadline`.
    func receive(deadline: UInt64?) throws -> WorkerReply?
}

/// Length-prefixed frames (binary or JSON, see ``FrameMessage``) over a pair of pipe descriptors.
public final class PipeTransport: WorkerEndpoint, WorkerConnection, @unchecked Sendable {
    /// The descriptor messages are read from.
    public let readFD: Int32
    /// The descriptor messages are written to.
    public let writeFD: Int32
    private let reader: FrameReader

    /// Creates a transport over descriptors the caller owns until ``close()``.
    public init(readFD: Int32, writeFD: Int32) {
        self.readFD = readFD
        self.writeFD = writeFD
        reader = FrameReader(fd: readFD)
    }

    public func receive() throws -> WorkerRequest? {
        try reader.next(WorkerRequest.self)
    }

    public func send(_ reply: WorkerReply) throws {
        try Sys.writeAll(writeFD, Frame.encode(reply))
    }

    public func send(_ request: WorkerRequest) throws {
        try Sys.writeAll(writeFD, Frame.encode(request))
    }

    public func receive(deadline: UInt64?) throws -> WorkerReply? {
        try reader.next(WorkerReply.self, deadline: deadline)
    }

    /// Whether a reply already read from the pipe is waiting (see ``FrameReader/hasBufferedBytes``).
    public var hasBufferedReply: Bool { reader.hasBufferedBytes }

    /// Closes the write side only, telling the peer no more messages are coming.
    public func closeWriting() {
        Sys.close(writeFD)
    }

    /// Closes the read side.
    public func closeReading() {
        Sys.close(readFD)
    }
}

/// A worker served on a thread of this process, connected by in-memory queues that carry the
/// same encoded frames as the pipes do, so the protocol is exercised byte for byte.
public final class InProcessTransport: WorkerConnection, @unchecked Sendable {
    private let requests = FrameQueue()
    private let replies = FrameQueue()

    /// Starts ``WorkerLoop`` on a new thread, serving this connection.
    public init() throws {
        let endpoint = Endpoint(requests: requests, replies: replies)
        try Sys.startDetachedThread {
            try? WorkerLoop.serve(endpoint)
            endpoint.replies.close()
        }
    }

    public func send(_ request: WorkerRequest) throws {
        requests.push(try Frame.encode(request))
    }

    public func receive(deadline: UInt64?) throws -> WorkerReply? {
        guard let frame = try replies.pop(deadline: deadline) else { return nil }
        return try Frame.decode(WorkerReply.self, frame: frame)
    }

    /// Closes the request queue: the worker sees the end of its input and returns.
    public func close() {
        requests.close()
    }

    private struct Endpoint: WorkerEndpoint {
        let requests: FrameQueue
        let replies: FrameQueue

        func receive() throws -> WorkerRequest? {
            guard let frame = try requests.pop(deadline: nil) else { return nil }
            return try Frame.decode(WorkerRequest.self, frame: frame)
        }

        func send(_ reply: WorkerReply) throws {
            replies.push(try Frame.encode(reply))
        }
    }
}

/// A blocking, closable FIFO of encoded frames.
final class FrameQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var frames: [[UInt8]] = []
    private var closed = false

    func push(_ frame: [UInt8]) {
        condition.lock()
        frames.append(frame)
        condition.signal()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func pop(deadline: UInt64?) throws -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while frames.isEmpty && !closed {
            if let deadline {
                let now = Sys.monotonicNanoseconds()
                guard now < deadline else { throw Frame.Error.timedOut }
                _ = condition.wait(until: Date(timeIntervalSinceNow: Double(deadline - now) / 1e9))
            } else {
                condition.wait()
            }
        }
        return frames.isEmpty ? nil : frames.removeFirst()
    }
}
