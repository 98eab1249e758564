import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Sys {
    /// The limits on threads, processes, descriptors and memory that decide how many workers a
    /// model can start, as the kernel reports them now; nil where one cannot be read.
    public struct Limits: Sendable, Equatable {
        /// `ulimit -u`: threads and processes of this user (nil when unlimited).
        public var processesPerUser: Int?
        /// `ulimit -n`: open descriptors of one process (the soft limit).
        public var openFiles: Int?
        /// `kernel.threads-max`: threads on the whole machine.
        public var threadsMax: Int?
        /// `kernel.pid_max`: the highest process (and thread) id, so a cap on both.
        public var pidMax: Int?
        /// `vm.max_map_count`: memory mappings of one process; each thread's stack takes two.
        public var maxMapCount: Int?
        /// Memory the kernel could give without swapping, in bytes.
        public var availableMemoryBytes: Int?
    }

    /// `RLIMIT_NPROC`, which Glibc's module names only as the C enumerator `__RLIMIT_NPROC`.
    static let nprocResource: UInt32 = 6

    /// The current limits.
    public static func limits() -> Limits {
        func number(_ path: String) -> Int? {
            (try? String(contentsOfFile: path, encoding: .utf8)).flatMap {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        func soft(_ resource: UInt32) -> Int? {
            var limit = rlimit()
            guard getrlimit(__rlimit_resource_t(resource), &limit) == 0, limit.rlim_cur != rlim_t.max
            else { return nil }
            return Int(clamping: limit.rlim_cur)
        }
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let available = meminfo.split(separator: "\n").first { $0.hasPrefix("MemAvailable:") }.flatMap {
            $0.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return Limits(
            processesPerUser: soft(nprocResource), openFiles: soft(RLIMIT_NOFILE.rawValue),
            threadsMax: number("/proc/sys/kernel/threads-max"), pidMax: number("/proc/sys/kernel/pid_max"),
            maxMapCount: number("/proc/sys/vm/max_map_count"), availableMemoryBytes: available)
    }

    /// Raises this process's soft limit on open descriptors to its hard limit, as servers do at
    /// start-up: a pool of thousands of worker processes needs two pipes each.
    public static func raiseDescriptorLimit() {
        var limit = rlimit()
        let resource = __rlimit_resource_t(UInt32(RLIMIT_NOFILE.rawValue))
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(resource, &limit)
    }

    /// This process's resident memory, in bytes (`VmRSS`); nil if unreadable.
    public static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
    }
}
