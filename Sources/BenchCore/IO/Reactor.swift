import Foundation

/// Lets async code wait for a socket to become readable or writable without blocking a thread:
/// a task registers the descriptor and suspends; one reactor thread `poll`s every registered
/// descriptor and resumes each task when its socket is ready. The resumed task continues on its
/// own executor (the cooperative pool, or the event loop's one thread).
public final class Reactor: @unchecked Sendable {
    /// The reactor of this process, started on first use.
    public static let shared = try! Reactor()

    private struct Waiter {
        var fd: Int32
        var writable: Bool
        var continuation: CheckedContinuation<UInt64, Never>
    }

    private let lock = NSLock()
    private var waiters: [Waiter] = []
    private let wake: (read: Int32, write: Int32)

    private init() throws {
        wake = try Sys.pipe()
        try Sys.startDetachedThread { [self] in loop() }
    }

    /// Suspends until `fd` is readable (or writable).
    /// - Returns: when the reactor saw `fd` ready (monotonic nanoseconds): from then the waiting
    ///   task could run.
    @discardableResult
    public func wait(_ fd: Int32, writable: Bool) async -> UInt64 {
        await withCheckedContinuation { continuation in
            lock.lock()
            waiters.append(Waiter(fd: fd, writable: writable, continuation: continuation))
            lock.unlock()
            try? Sys.writeAll(wake.write, [1])
        }
    }

    private func loop() {
        var drain = [UInt8](repeating: 0, count: 256)
        while true {
            lock.lock()
            let current = waiters
            lock.unlock()
            let entries: [(fd: Int32, writable: Bool)] =
                [(fd: wake.read, writable: false)] + current.map { (fd: $0.fd, writable: $0.writable) }
            guard let ready = try? Sys.pollMany(entries, timeoutMilliseconds: -1) else { continue }
            if ready.contains(0) { _ = try? drain.withUnsafeMutableBytes { try Sys.read(wake.read, into: $0) } }
            let readyFDs = Set(ready.filter { $0 > 0 }.map { entries[$0].fd })
            guard !readyFDs.isEmpty else { continue }
            lock.lock()
            var resumed: [CheckedContinuation<UInt64, Never>] = []
            waiters.removeAll { waiter in
                guard readyFDs.contains(waiter.fd) else { return false }
                resumed.append(waiter.continuation)
                return true
            }
            lock.unlock()
            let now = Sys.monotonicNanoseconds()
            for continuation in resumed { continuation.resume(returning: now) }
        }
    }
}
