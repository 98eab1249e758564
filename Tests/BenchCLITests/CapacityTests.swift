import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// The machine's real capacity: fewer CPUs in the affinity mask, or a cgroup CPU quota, are what the
/// report calls usable, warns about, and counts throttling against.
@Suite(.serialized) struct CapacityTests {
    /// Runs `command` (a shell line that ends by exec'ing bench) and returns its exit status.
    static func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let quick =
        "--workload cpu --models serial,threads --cores 2 --tasks 4 --task-ms 20 --repetitions 3 --warmup 0 --quiet"

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset"),
            "/usr/bin/taskset (util-linux) is not installed"))
    func anAffinityMaskOfOneCPUIsOneUsableCPUAndTwoWorkersAreOversubscribed() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let status = try Self.shell(
            "exec /usr/bin/taskset -c 0 '\(BenchBinary.url.path)' \(Self.quick) --out '\(folder.path)'")
        #expect(status == 0)
        let report = try Golden.report(folder)
        #expect(report.contains("| Usable CPUs | 1 (set by the affinity mask"), "\(report.prefix(1200))")
        #expect(report.contains("**oversubscribed**: more workers than the 1 usable CPU"))
    }

    /// A child cgroup limited to half a CPU (quota 50000 µs per 100000 µs period), v1 or v2,
    /// created and removed here; nil with the reason where this machine does not allow it.
    static func halfCPUGroup() -> (path: String, procs: String)? {
        let name = "bench-test-\(UUID().uuidString.prefix(8))"
        let manager = FileManager.default
        if let v1 = ["/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct"].first(where: {
            manager.fileExists(atPath: "\($0)/cpu.cfs_quota_us")
        }) {
            let path = "\(v1)/\(name)"
            guard (try? manager.createDirectory(atPath: path, withIntermediateDirectories: false)) != nil else {
                return nil
            }
            guard (try? "50000".write(toFile: "\(path)/cpu.cfs_quota_us", atomically: false, encoding: .utf8)) != nil
            else {
                try? manager.removeItem(atPath: path)
                return nil
            }
            return (path, "\(path)/cgroup.procs")
        }
        let v2 = "/sys/fs/cgroup"
        guard let controllers = try? String(contentsOfFile: "\(v2)/cgroup.subtree_control", encoding: .utf8),
            controllers.split(separator: " ").contains(where: {
                $0.trimmingCharacters(in: .whitespacesAndNewlines) == "cpu"
            })
        else { return nil }
        let path = "\(v2)/\(name)"
        guard (try? manager.createDirectory(atPath: path, withIntermediateDirectories: false)) != nil else {
            return nil
        }
        guard (try? "50000 100000".write(toFile: "\(path)/cpu.max", atomically: false, encoding: .utf8)) != nil else {
            try? manager.removeItem(atPath: path)
            return nil
        }
        return (path, "\(path)/cgroup.procs")
    }

    /// Whether this machine lets the tests create a cgroup with a CPU quota (tried, then removed).
    static var canLimitACgroup: Bool {
        guard let group = halfCPUGroup() else { return false }
        _ = rmdir(group.path)
        return true
    }

    @Test(
        .enabled(
            if: canLimitACgroup,
            "this machine does not let the tests create a cgroup with a CPU quota (needs root and a cpu controller, v1 or v2)"
        ))
    func aCgroupQuotaOfHalfACPUIsHalfAUsableCPUAndItsThrottlingIsReported() throws {
        let group = try #require(Self.halfCPUGroup())
        // rmdir removes a cgroup (its files are virtual); it is empty once bench has exited.
        defer { _ = rmdir(group.path) }
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let status = try Self.shell(
            "echo $$ > '\(group.procs)' && exec '\(BenchBinary.url.path)' \(Self.quick) --out '\(folder.path)'")
        #expect(status == 0)
        let report = try Golden.report(folder)
        #expect(report.contains("| Usable CPUs | 0.5 (set by the cgroup v"), "\(report.prefix(1500))")
        #expect(report.contains("throttled by the cgroup CPU quota"))
        let csv = try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8)
        let rows = csvRows(csv)
        #expect(!rows.isEmpty)
        #expect(rows.contains { Int($0["throttled_periods"] ?? "") ?? 0 > 0 }, "some sample was throttled")
        #expect(rows.allSatisfy { $0["usable_cpus"] == "0.5" })
    }
}
