import Foundation

/// How a task's wait is carried out, for each I/O kind, in the two ways models wait: blocking the
/// calling thread (serial, threads, processes), or suspending without blocking (async models).
public struct Waiting: Sendable {
    /// What kind of I/O.
    public var kind: IOKind
    /// For sleep: how long.
    public var nanoseconds: UInt64
    /// For file: how many bytes to write and read back.
    public var fileBytes: Int
    /// For socket: the loopback server's port.
    public var port: UInt16

    /// Blocks the calling thread for the wait; returns a checksum of what it read.
    public func block(task: Int) -> UInt64 {
        switch kind {
        case .sleep:
            Sys.sleep(nanoseconds: nanoseconds)
            return 0
        case .file:
            return (try? Sys.fileRoundTrip(bytes: fileBytes, directory: NSTemporaryDirectory(), tag: task)) ?? 0
        case .socket:
            guard let fd = try? Sys.connectLoopback(port: port, nonBlocking: false) else { return 0 }
            defer { Sys.close(fd) }
            try? Sys.writeAll(fd, request(task))
            return (try? Sys.readExactly(fd, 8)).flatMap { $0 }.map(Self.decode) ?? 0
        }
    }

    /// Waits without blocking a cooperative thread; returns a checksum of what it read.
    public func suspend(task: Int) async -> UInt64 {
        switch kind {
        case .sleep:
            try? await Task.sleep(nanoseconds: nanoseconds)
            return 0
        case .file:
            // Regular files cannot be polled (they are always "ready"), so, as asyncio's
            // run_in_executor and SwiftNIO's NonBlockingFileIO do, the blocking calls run on a
            // thread of their own while the task is suspended.
            let bytes = fileBytes
            return
                (try? await runOnDedicatedThread {
                    try Sys.fileRoundTrip(bytes: bytes, directory: NSTemporaryDirectory(), tag: task)
                }) ?? 0
        case .socket:
            guard let fd = try? Sys.connectLoopback(port: port, nonBlocking: true) else { return 0 }
            defer { Sys.close(fd) }
            await Reactor.shared.wait(fd, writable: true)
            guard Sys.socketError(fd) == 0 else { return 0 }
            try? Sys.writeAll(fd, request(task))
            var received: [UInt8] = []
            while received.count < 8 {
                await Reactor.shared.wait(fd, writable: false)
                var chunk = [UInt8](repeating: 0, count: 8 - received.count)
                guard let got = try? chunk.withUnsafeMutableBytes({ try Sys.read(fd, into: $0) }), got > 0 else {
                    break
                }
                received += chunk[0..<got]
            }
            return received.count == 8 ? Self.decode(received) : 0
        }
    }

    /// Creates a description of a wait.
    public init(
        kind: IOKind, nanoseconds: UInt64, fileBytes: Int, port: UInt16 = 0
    ) {
        self.kind = kind
        self.nanoseconds = nanoseconds
        self.fileBytes = fileBytes
        self.port = port
    }

    /// The request: the task number, then how long the server should wait, in nanoseconds.
    func request(_ task: Int) -> [UInt8] {
        withUnsafeBytes(of: UInt64(truncatingIfNeeded: task).littleEndian) { Array($0) }
            + withUnsafeBytes(of: nanoseconds.littleEndian) { Array($0) }
    }

    static func decode(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    }
}
