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

    /// Blocks the calling thread for the wait; returns a checksum of what it read. The wait's
    /// moments go to the running sample's log (``TaskLog/current``): a sleep could go on at its
    /// deadline; a blocking call's completion is the moment it returns.
    public func block(task: Int) -> UInt64 {
        let began = Sys.monotonicNanoseconds()
        let checksum = blockingWait(task: task)
        let resumed = Sys.monotonicNanoseconds()
        let ended = kind == .sleep ? began + nanoseconds : resumed
        TaskLog.current?.waited(task, began: began, ended: ended, resumed: resumed)
        return checksum
    }

    private func blockingWait(task: Int) -> UInt64 {
        switch kind {
        case .sleep:
            Sys.sleep(nanoseconds: nanoseconds)
            return 0
        case .file:
            do {
                return try Sys.fileRoundTrip(bytes: fileBytes, directory: NSTemporaryDirectory(), tag: task)
            } catch {
                return failed(task, error)
            }
        case .socket:
            do {
                let fd = try Sys.connectLoopback(port: port, nonBlocking: false)
                defer { Sys.close(fd) }
                try Sys.writeAll(fd, request(task))
                guard let reply = try Sys.readExactly(fd, 8) else {
                    return failed(task, "the server closed the connection before answering")
                }
                return Self.decode(reply)
            } catch {
                return failed(task, error)
            }
        }
    }

    /// Waits without blocking a cooperative thread; returns a checksum of what it read. The
    /// wait's moments go to the running sample's log: a sleep could go on at its deadline, a
    /// file round trip when its thread finished, a socket when the reactor saw it ready.
    public func suspend(task: Int) async -> UInt64 {
        let began = Sys.monotonicNanoseconds()
        let (checksum, completed) = await suspendingWait(task: task)
        let resumed = Sys.monotonicNanoseconds()
        let ended = kind == .sleep ? began + nanoseconds : (completed ?? resumed)
        TaskLog.current?.waited(task, began: began, ended: ended, resumed: resumed)
        return checksum
    }

    /// The wait, its checksum, and when its I/O completed where known.
    private func suspendingWait(task: Int) async -> (UInt64, UInt64?) {
        switch kind {
        case .sleep:
            try? await Task.sleep(nanoseconds: nanoseconds)
            return (0, nil)
        case .file:
            // Regular files cannot be polled (they are always "ready"), so, as asyncio's
            // run_in_executor and SwiftNIO's NonBlockingFileIO do, the blocking calls run on a
            // thread of their own while the task is suspended.
            let bytes = fileBytes
            do {
                return try await runOnDedicatedThread {
                    let checksum = try Sys.fileRoundTrip(bytes: bytes, directory: NSTemporaryDirectory(), tag: task)
                    return (checksum, Sys.monotonicNanoseconds())
                }
            } catch {
                return (failed(task, error), nil)
            }
        case .socket:
            let fd: Int32
            do { fd = try Sys.connectLoopback(port: port, nonBlocking: true) } catch {
                return (failed(task, error), nil)
            }
            defer { Sys.close(fd) }
            await Reactor.shared.wait(fd, writable: true)
            let code = Sys.socketError(fd)
            guard code == 0 else { return (failed(task, SystemCallError(call: "connect", errno: code)), nil) }
            do { try Sys.writeAll(fd, request(task)) } catch { return (failed(task, error), nil) }
            var received: [UInt8] = []
            var ready: UInt64?
            while received.count < 8 {
                ready = await Reactor.shared.wait(fd, writable: false)
                var chunk = [UInt8](repeating: 0, count: 8 - received.count)
                let got: Int
                do { got = try chunk.withUnsafeMutableBytes { try Sys.read(fd, into: $0) } } catch {
                    return (failed(task, error), nil)
                }
                guard got > 0 else {
                    return (failed(task, "the server closed the connection before answering"), nil)
                }
                received += chunk[0..<got]
            }
            return (Self.decode(received), ready)
        }
    }

    /// Records that task `task`'s wait failed (the sample then fails) and returns no checksum.
    private func failed(_ task: Int, _ error: any Error) -> UInt64 {
        failed(task, (error as? SystemCallError)?.description ?? String(describing: error))
    }

    private func failed(_ task: Int, _ reason: String) -> UInt64 {
        let place = kind == .file ? " in \(NSTemporaryDirectory()) (TMPDIR must name a writable folder)" : ""
        TaskFailures.record(task: task, kind, reason + place)
        return 0
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
