import BenchCore
import Foundation
import Testing

/// However the harness ends, no worker process it started outlives it for more than a moment.
@Suite struct OrphanTests {
    /// Processes whose environment carries `mark` (inherited from the harness by every descendant).
    static func processes(marked mark: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return String(decoding: data, as: UTF8.self).contains(mark)
        }
    }

    @Test(arguments: [SIGKILL, SIGTERM, SIGHUP])
    func aHarnessEndedBySignalLeavesNoWorkerBehind(signal: Int32) throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mark = "BENCH_TEST_MARK=\(UUID().uuidString)"
        let process = Process()
        process.executableURL = BenchBinary.url
        process.arguments = [
            "--workload", "cpu", "--models", "processes", "--cores", "2", "--tasks", "16",
            "--task-ms", "500", "--repetitions", "3", "--warmup", "0", "--quiet", "--out", folder.path,
        ]
        let parts = mark.split(separator: "=", maxSplits: 1).map(String.init)
        process.environment = ProcessInfo.processInfo.environment.merging([parts[0]: parts[1]]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the pool's workers are up (the harness, its sample process and 2 workers).
        let deadline = Date().addingTimeInterval(20)
        while Self.processes(marked: mark).count < 4 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(Self.processes(marked: mark).count >= 4, "the pool started")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        // "A moment": generous for a loaded machine, far below the seconds a task still had to run.
        let gone = Date().addingTimeInterval(3)
        while !Self.processes(marked: mark).isEmpty && Date() < gone { Thread.sleep(forTimeInterval: 0.05) }
        #expect(Self.processes(marked: mark).isEmpty, "no process of the run is left")
        if signal != SIGKILL { #expect(process.terminationStatus == ExitStatus.interrupted.rawValue) }
    }
}
