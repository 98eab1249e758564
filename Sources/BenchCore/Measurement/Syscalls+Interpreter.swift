import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What driving another interpreter (CPython) needs from the kernel: another process's CPU time
/// so far, and a scratch file for its error output.
extension Sys {
    /// The CPU time `pid` has used so far (all its threads, not its children), split into user and
    /// system time: the total from the process's CPU clock (nanoseconds), the split in the
    /// proportion of `/proc/<pid>/stat`'s tick counts (all user time when they are still zero).
    /// Nil when the process is gone.
    public static func processCPU(_ pid: Int32) -> (userSeconds: Double, systemSeconds: Double)? {
        var clock = clockid_t()
        guard clock_getcpuclockid(pid, &clock) == 0 else { return nil }
        var ts = timespec()
        guard clock_gettime(clock, &ts) == 0 else { return nil }
        let total = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return (total, 0) }
        // Fields after the command's closing parenthesis start at field 3; utime and stime are 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]), user + system > 0
        else { return (total, 0) }
        return (total * user / (user + system), total * system / (user + system))
    }

    /// An unnamed temporary file open for reading and writing (created in `directory` and
    /// unlinked at once), for a child's error output.
    public static func scratchFile(directory: String = NSTemporaryDirectory()) throws -> Int32 {
        var template = Array("\(directory)/bench-scratch-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SystemCallError(call: "mkstemp", errno: errno) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    /// The last `limit` bytes of the file open at `fd`, as text.
    public static func tail(_ fd: Int32, limit: Int = 4096) -> String {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return "" }
        let start = max(0, Int(size) - limit)
        var bytes = [UInt8](repeating: 0, count: Int(size) - start)
        let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
        return String(decoding: bytes.prefix(max(0, got)), as: UTF8.self)
    }
}
