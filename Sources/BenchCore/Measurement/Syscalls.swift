import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call, named, with the `errno` it returned.
public struct SystemCallError: Error, CustomStringConvertible, Equatable {
    /// The call that failed, e.g. `"clock_gettime"`.
    public var call: String
    /// The `errno` value it reported.
    public var errno: Int32

    public var description: String {
        "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}

/// The one place that talks to the C library: clocks, resource usage, sleeping, threads, affinity.
///
/// Every call that can be interrupted retries `EINTR`; every failure throws a ``SystemCallError``
/// naming the call.
public enum Sys {
    /// Nanoseconds on the monotonic clock, for wall-time measurement.
    public static func monotonicNanoseconds() -> UInt64 {
        nanoseconds(CLOCK_MONOTONIC)
    }

    /// Nanoseconds of CPU time consumed by the calling thread.
    public static func threadCPUNanoseconds() -> UInt64 {
        nanoseconds(CLOCK_THREAD_CPUTIME_ID)
    }

    private static func nanoseconds(_ clock: clockid_t) -> UInt64 {
        var ts = timespec()
        // clock_gettime cannot fail for these clocks on Linux; a zero reading would be obvious.
        _ = clock_gettime(clock, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// Whose resource usage to read.
    public enum UsageTarget: Sendable {
        /// This process, all its threads.
        case process
        /// The calling thread only.
        case thread
        /// Terminated and waited-for children of this process.
        case children
    }

    /// Reads `getrusage` for `target`.
    public static func resourceUsage(_ target: UsageTarget = .process) -> ResourceUsage {
        var usage = rusage()
        let who: Int32
        switch target {
        case .process: who = RUSAGE_SELF.rawValue
        case .thread: who = 1  // RUSAGE_THREAD
        case .children: who = RUSAGE_CHILDREN.rawValue
        }
        _ = getrusage(__rusage_who_t(who), &usage)
        return ResourceUsage(usage)
    }

    /// Blocks the calling thread for `nanoseconds` on the monotonic clock, resuming after signals.
    ///
    /// Uses an absolute deadline, so interruptions never lengthen or shorten the wait.
    public static func sleep(nanoseconds: UInt64) {
        let deadline = monotonicNanoseconds() &+ nanoseconds
        var ts = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while true {
            let rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nil)
            if rc != EINTR { return }
        }
    }

    /// The number of CPUs this process may run on (its affinity mask), at least 1.
    ///
    /// Read from `Cpus_allowed` in `/proc/self/status`, the mask `sched_getaffinity` returns
    /// (the C function itself needs `_GNU_SOURCE`, which the Glibc module does not define).
    public static func affinityCPUCount() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") })
        else { return max(1, onlineCPUCount()) }
        let mask = line.dropFirst("Cpus_allowed:".count)
        let count = mask.reduce(0) { total, character in
            total + (character.hexDigitValue.map { $0.nonzeroBitCount } ?? 0)
        }
        return max(1, count)
    }

    /// The CPUs this process may run on (its affinity mask), by number, from `Cpus_allowed_list`
    /// in `/proc/self/status` ("0-3,8"); nil when unreadable.
    public static func affinityCPUs() -> Set<Int>? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
        else { return nil }
        return parseCPUList(line.dropFirst("Cpus_allowed_list:".count).trimmingCharacters(in: .whitespaces))
    }

    /// The CPUs of a kernel CPU list such as "0-3,8"; nil when it is not one.
    public static func parseCPUList(_ text: String) -> Set<Int>? {
        var cpus = Set<Int>()
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard let low = bounds.first ?? nil, bounds.count <= 2 else { return nil }
            guard let high = bounds.count == 2 ? bounds[1] : low, high >= low else { return nil }
            cpus.formUnion(low...high)
        }
        return cpus.isEmpty ? nil : cpus
    }

    /// The number of CPUs online on the machine.
    public static func onlineCPUCount() -> Int {
        Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// Whether `fd` refers to a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    /// The kernel's name and release, e.g. `"Linux 6.1.0-18-amd64"`.
    public static func kernel() -> String {
        var name = utsname()
        guard uname(&name) == 0 else { return "unknown" }
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return "\(field(name.sysname)) \(field(name.release))"
    }

    /// An identifier of the calling OS thread, unique among the process's live threads.
    public static func currentThreadID() -> UInt64 {
        UInt64(UInt(bitPattern: Int(bitPattern: UInt(pthread_self()))))
    }

    /// Starts an OS thread running `body`; join it with ``join(_:)``.
    public static func startThread(_ body: @escaping @Sendable () -> Void) throws -> OSThread {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(
            &thread, nil,
            { argument in
                let body = Unmanaged<ThreadBody>.fromOpaque(argument!).takeRetainedValue()
                body.run()
                return nil
            }, box)
        guard rc == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            throw SystemCallError(call: "pthread_create", errno: rc)
        }
        return OSThread(handle: thread)
    }

    /// Starts an OS thread running `body` that nobody joins: its resources are freed when it ends.
    public static func startDetachedThread(_ body: @escaping @Sendable () -> Void) throws {
        let thread = try startThread(body)
        _ = pthread_detach(thread.handle)
    }

    /// Waits, without spinning, for a thread started by ``startThread(_:)`` to finish.
    public static func join(_ thread: OSThread) {
        _ = pthread_join(thread.handle, nil)
    }
}

/// A joinable OS thread started by ``Sys/startThread(_:)``.
public struct OSThread: @unchecked Sendable {
    fileprivate let handle: pthread_t
}

private final class ThreadBody {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
