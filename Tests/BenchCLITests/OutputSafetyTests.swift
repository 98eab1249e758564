import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// Every report asked for arrives whole, or the run says it did not: outputs that are not regular
/// files, lost writes, collisions, shared folders, and failures during the warm-up.
@Suite struct OutputSafetyTests {
    static let small = [
        "--workload", "io", "--tasks", "4", "--task-ms", "5", "--repetitions", "2", "--warmup", "0",
        "--models", "threads", "--quiet",
    ]

    @Test func aCSVOnAFIFOArrivesOnceWholeAndNothingIsMadeBesideIt() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let outcome = try BenchBinary.run(
            Self.small + ["--csv", fifo, "--out", folder.appendingPathComponent("run").path])
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(
            text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 4, "header and 4 samples, once")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pipe.summary.csv").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run/summary.csv").path))
    }

    @Test func aReportThatCannotBeWrittenToStdoutFailsTheRun() throws {
        let process = Process()
        process.executableURL = BenchBinary.url
        process.arguments = Self.small + ["--json", "-", "--out", try BenchBinary.temporaryFolder().path]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == ExitStatus.failure.rawValue)
        #expect(message.contains("Could not write the --json report to stdout"))
    }

    @Test func aReaderThatStopsEarlyLosesTheReportAndTheRunSaysSo() throws {
        let process = Process()
        process.executableURL = BenchBinary.url
        process.arguments = Self.small + ["--csv", "-", "--out", try BenchBinary.temporaryFolder().path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = try out.fileHandleForReading.read(upToCount: 10)  // like `head -c 10`
        try out.fileHandleForReading.close()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == ExitStatus.failure.rawValue, "stderr: \(message)")
        #expect(message.contains("--csv report"))
    }

    @Test func stdoutByAnotherNameIsStillStdoutAndALinkIsItsTarget() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let twice = try BenchBinary.run(Self.small + ["--csv", "-", "--json", "/dev/stdout", "--out", folder.path])
        #expect(twice.status == ExitStatus.usage.rawValue)
        #expect(twice.stderr.contains("would all go to stdout"))
        let target = folder.appendingPathComponent("target.csv").path
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let linked = try BenchBinary.run(Self.small + ["--csv", target, "--json", link, "--out", folder.path])
        #expect(linked.status == ExitStatus.usage.rawValue)
        #expect(linked.stderr.contains("so one report would overwrite the other"))
    }

    @Test func aTraceOfAResultWithoutTimelinesIsRefused() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BenchBinary.run(Self.small + ["--out", folder.path])
        let outcome = try BenchBinary.run(["report", folder.path, "--format", "trace"])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("holds no task timelines"))
    }

    @Test func twoRunsIntoOneFolderCannotMixTheirReports() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = Process()
        first.executableURL = BenchBinary.url
        first.arguments = [
            "--workload", "io", "--tasks", "8", "--task-ms", "100", "--repetitions", "3", "--warmup", "0",
            "--models", "threads", "--quiet", "--out", folder.path,
        ]
        try first.run()
        defer { first.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.5)
        let second = try BenchBinary.run(Self.small + ["--out", folder.path])
        #expect(second.status == ExitStatus.usage.rawValue)
        #expect(second.stderr.contains("is in use by another bench run (pid \(first.processIdentifier))"))
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
    }

    @Test func aFailedWarmUpIsReportedLikeAnyFailedSample() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run([
            "--workload", "io", "--tasks", "4", "--task-ms", "5", "--repetitions", "2", "--warmup", "1",
            "--models", "threads", "--inject-fault", "kill:threads:0", "--quiet", "--out", folder.path,
        ])
        #expect(outcome.status == ExitStatus.sampleFailed.rawValue)
        #expect(outcome.stderr.contains("threads × 2 · warm-up failed"))
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("| io | threads | 2 | warm-up | failed |"))
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        #expect(rows.filter { $0["status"] == "ok" }.count == 4, "the recorded repetitions all ran")
    }
}
