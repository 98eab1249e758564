import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// At a limit of the system, a model stops with one sentence naming the limit and how to raise it,
/// and the cell is not tried again: never a hang, never a crash.
@Suite struct SystemLimitTests {
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"),
            "/usr/bin/prlimit (util-linux) is not installed"))
    func workerProcessesBeyondTheDescriptorLimitFailOnceWithASentenceNamingIt() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        // 48 descriptors, hard and soft: bench cannot raise it, and 100 workers need two pipes each.
        process.arguments = [
            "--nofile=48:48", BenchBinary.url.path, "--workload", "io", "--models", "threads,processes",
            "--cores", "100", "--tasks", "100", "--task-ms", "1", "--repetitions", "3", "--warmup", "0",
            "--quiet", "--out", folder.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == ExitStatus.sampleFailed.rawValue)
        let csv = try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8)
        let rows = csvRows(csv)
        let failed = rows.filter { $0["status"] == "failed" }
        #expect(failed.count == 1, "the cell is abandoned after its first limit failure")
        #expect(failed.first?["model"] == "processes")
        #expect(failed.first?["failure_reason"]?.hasPrefix("system limit:") == true)
        #expect(failed.first?["failure_reason"]?.contains("ulimit -n") == true, "the sentence says how to raise it")
        #expect(rows.filter { $0["model"] == "threads" && $0["status"] == "ok" }.count == 3, "threads still ran")
    }
}
