import Foundation

/// The machine's real CPU capacity, from the kernel's files: the cgroup this process is in (v2, or
/// v1's cpu and cpuset controllers), its CPU quota, cpuset and throttling counters, CPU steal from
/// `/proc/stat`, and the frequency governor, turbo and SMT state.
extension Sys {
    /// A cgroup controller's folder for this process: where its files are read.
    public struct CgroupFolder: Sendable, Equatable {
        /// 1 or 2.
        public var version: Int
        /// The controller's mount point joined with this process's path in it.
        public var path: String
        /// The mount point (the hierarchy's root).
        public var root: String
    }

    /// Where this process's `controller` ("cpu", "cpuset") lives: cgroup v2 when its unified
    /// hierarchy has that controller enabled, else the v1 hierarchy that mounts it; nil when none.
    public static func cgroupFolder(_ controller: String) -> CgroupFolder? {
        let memberships = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        let mounts = (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? ""
        var v1: [String: String] = [:]  // controller → path in its hierarchy
        var v2Path: String?
        for line in memberships.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            if parts[0] == "0" && parts[1].isEmpty {
                v2Path = String(parts[2])
            } else {
                for name in parts[1].split(separator: ",") { v1[String(name)] = String(parts[2]) }
            }
        }
        var v2Root: String?
        var v1Root: String?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 4 else { continue }
            if fields[2] == "cgroup2" { v2Root = String(fields[1]) }
            if fields[2] == "cgroup", fields[3].split(separator: ",").contains(Substring(controller)) {
                v1Root = String(fields[1])
            }
        }
        if let v2Root, let v2Path,
            let enabled = try? String(contentsOfFile: "\(v2Root)/cgroup.controllers", encoding: .utf8),
            enabled.split(whereSeparator: \.isWhitespace).contains(Substring(controller))
        {
            return CgroupFolder(version: 2, path: join(v2Root, v2Path), root: v2Root)
        }
        if let v1Root, let path = v1[controller] {
            return CgroupFolder(version: 1, path: join(v1Root, path), root: v1Root)
        }
        return nil
    }

    private static func join(_ root: String, _ path: String) -> String {
        path == "/" ? root : root + path
    }

    /// The CPU quota in CPUs (quota ÷ period) of `folder` and every ancestor up to its root, the
    /// smallest binding; nil when no level sets one.
    public static func cpuQuota(_ folder: CgroupFolder) -> Double? {
        var smallest: Double?
        var path = folder.path
        while true {
            var quota: Double?
            if folder.version == 2 {
                let fields = readText("\(path)/cpu.max")?.split(separator: " ") ?? []
                if fields.count == 2, let limit = Double(fields[0]), let period = Double(fields[1]), period > 0 {
                    quota = limit / period
                }
            } else if let limit = readText("\(path)/cpu.cfs_quota_us").flatMap(Double.init), limit > 0,
                let period = readText("\(path)/cpu.cfs_period_us").flatMap(Double.init), period > 0
            {
                quota = limit / period
            }
            if let quota { smallest = min(smallest ?? quota, quota) }
            guard path.count > folder.root.count, let slash = path.lastIndex(of: "/") else { break }
            path = String(path[..<slash])
        }
        return smallest
    }

    /// The CPUs of the cpuset `folder` lets this process use, counted; nil when unreadable.
    public static func cpusetCount(_ folder: CgroupFolder) -> Int? {
        let names =
            folder.version == 2
            ? ["cpuset.cpus.effective"] : ["cpuset.effective_cpus", "cpuset.cpus"]
        for name in names {
            if let text = readText("\(folder.path)/\(name)"), let count = countCPUList(text) { return count }
        }
        return nil
    }

    /// The number of CPUs in a kernel CPU list such as "0-3,5"; nil when it does not parse or is empty.
    public static func countCPUList(_ text: String) -> Int? {
        var count = 0
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            switch bounds.count {
            case 1:
                guard bounds[0] != nil else { return nil }
                count += 1
            case 2:
                guard let low = bounds[0], let high = bounds[1], high >= low else { return nil }
                count += high - low + 1
            default: return nil
            }
        }
        return count > 0 ? count : nil
    }

    /// The cgroup's throttling counters so far: periods throttled and time throttled, in seconds
    /// (v2 `nr_throttled`/`throttled_usec`, v1 `nr_throttled`/`throttled_time` in nanoseconds).
    public static func cpuThrottling(_ folder: CgroupFolder) -> (periods: Int, seconds: Double)? {
        guard let text = readText("\(folder.path)/cpu.stat") else { return nil }
        var values: [Substring: Double] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, let value = Double(fields[1]) { values[fields[0]] = value }
        }
        guard let periods = values["nr_throttled"] else { return nil }
        let seconds = values["throttled_usec"].map { $0 / 1e6 } ?? values["throttled_time"].map { $0 / 1e9 } ?? 0
        return (Int(periods), seconds)
    }

    /// CPU time stolen by the hypervisor so far, in seconds (`/proc/stat`'s steal field, in clock
    /// ticks): summed over `cpus` (the `cpuN` lines), or over the whole machine when nil; nil when
    /// unreadable.
    public static func stealSeconds(cpus: Set<Int>? = nil) -> Double? {
        guard let text = readText("/proc/stat") else { return nil }
        return stealSeconds(procStat: text, cpus: cpus).map { $0 / Double(sysconf(Int32(_SC_CLK_TCK))) }
    }

    /// The steal ticks in a `/proc/stat` text, over `cpus` or (nil) the machine's total line.
    static func stealSeconds(procStat text: String, cpus: Set<Int>?) -> Double? {
        var total = 0.0
        var found = false
        for line in text.split(separator: "\n") where line.hasPrefix("cpu") {
            let fields = line.split(separator: " ")
            guard fields.count > 8, let ticks = Double(fields[8]) else { continue }
            let name = fields[0].dropFirst(3)
            if let cpus {
                guard let number = Int(name), cpus.contains(number) else { continue }
            } else if !name.isEmpty {
                continue
            }
            total += ticks
            found = true
        }
        return found ? total : nil
    }

    /// A small kernel file's contents, trimmed; nil when it cannot be read.
    public static func readText(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
