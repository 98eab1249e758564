import BenchCore
import BenchTestSupport
import Foundation
import Testing

@Suite struct ProcessModelTests {
    @Test func processesAndSpawnRunEveryTaskInWorkerProcesses() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run([
            "--workload", "cpu", "--cores", "2", "--tasks", "4", "--task-ms", "2",
            "--repetitions", "2", "--warmup", "0", "--models", "processes,spawn",
            "--out", folder.path, "--quiet",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        #expect(rows.count == 3 * 2)
        #expect(rows.allSatisfy { $0["status"] == "ok" })
        // Same work, same checksum, whichever process ran it.
        #expect(Set(rows.map { $0["checksum"]! }).count == 1)
        #expect(rows.filter { $0["model"] == "processes" }.allSatisfy { Double($0["startup_s"]!)! > 0 })
        #expect(rows.filter { $0["model"] == "spawn" }.allSatisfy { $0["startup_s"]!.isEmpty })
        // The workers' CPU time reaches the sample through wait4.
        #expect(rows.filter { $0["model"] != "serial" }.allSatisfy { Double($0["cpu_s"]!)! > 0 })
    }

    @Test func inProcessIsolationStillMeasures() throws {
        let outcome = try BenchBinary.run([
            "--workload", "io", "--cores", "2", "--tasks", "2", "--task-ms", "2",
            "--repetitions", "1", "--warmup", "0", "--isolation", "none",
            "--csv", "-", "--markdown", "/dev/null", "--json", "/dev/null",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(csvRows(outcome.stdout).count == ModelKind.defaults.count)
    }
}

@Suite struct FaultTests {
    func run(_ extra: [String], in folder: URL) throws -> (BenchBinary.Outcome, [[String: String]]) {
        let outcome = try BenchBinary.run(
            [
                "--workload", "cpu", "--cores", "2", "--tasks", "4", "--task-ms", "2",
                "--repetitions", "3", "--warmup", "0", "--out", folder.path, "--quiet",
            ] + extra)
        let csv = (try? String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8)) ?? ""
        return (outcome, csv.isEmpty ? [] : csvRows(csv))
    }

    @Test func crashedSampleIsReportedAndRunContinues() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (outcome, rows) = try run(["--models", "threads", "--inject-fault", "segv:threads:2"], in: folder)
        #expect(outcome.status == ExitStatus.sampleFailed.rawValue)
        #expect(rows.count == 2 * 3, "every sample has a row, the failed one too")
        let failed = rows.filter { $0["status"] != "ok" }
        #expect(failed.count == 1)
        #expect(failed.first?["model"] == "threads" && failed.first?["repetition"] == "2")
        #expect(failed.first?["failure_reason"]?.contains("SIGSEGV") == true)
        #expect(failed.first?["wall_s"] == "", "a failed sample's figures are empty, not zero")
        #expect(rows.contains { $0["model"] == "threads" && $0["repetition"] == "3" && $0["status"] == "ok" })
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## Failed samples") && report.contains("SIGSEGV"))
    }

    @Test func killedPoolWorkerFailsOnlyItsSample() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (outcome, rows) = try run(["--models", "processes", "--inject-fault", "kill:processes:1"], in: folder)
        #expect(outcome.status == ExitStatus.sampleFailed.rawValue)
        let failed = rows.filter { $0["status"] == "failed" }
        #expect(failed.count == 1)
        #expect(failed.first?["failure_reason"]?.contains("worker process") == true)
        #expect(failed.first?["failure_reason"]?.contains("SIGKILL") == true)
        #expect(rows.filter { $0["model"] == "processes" && $0["status"] == "ok" }.count == 2)
    }

    @Test func hungSampleIsKilledAtTheTimeout() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (outcome, rows) = try run(
            [
                "--models", "async", "--repetitions", "1", "--inject-fault", "hang:async:1",
                "--timeout", "1",
            ], in: folder)
        #expect(outcome.status == ExitStatus.sampleFailed.rawValue)
        #expect(rows.first { $0["model"] == "async" }?["status"] == "timed_out")
        #expect(rows.first { $0["model"] == "serial" }?["status"] == "ok")
    }

    @Test func interruptKeepsTheSamplesSoFarAndExits130() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = BenchBinary.url
        process.arguments = [
            "--workload", "io", "--cores", "2", "--tasks", "4", "--task-ms", "50",
            "--repetitions", "50", "--warmup", "0", "--models", "processes",
            "--out", folder.path, "--quiet",
        ]
        try process.run()
        // Wait until at least one sample has been written, then interrupt.
        let csv = folder.appendingPathComponent("samples.csv")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOf: csv, encoding: .utf8), csvRows(text).count >= 2 { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == ExitStatus.interrupted.rawValue)
        let rows = csvRows(try String(contentsOf: csv, encoding: .utf8))
        #expect(rows.count >= 2 && rows.count < 100)
        #expect(rows.allSatisfy { $0["status"] == "ok" }, "the sample killed by the stop is not recorded as failed")
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("interrupted"))
    }

    @Test func timeoutMustBePositive() throws {
        let outcome = try BenchBinary.run(["--workload", "io", "--timeout", "0"])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("--timeout"))
    }
}

@Suite struct SweepCLITests {
    @Test func aSmallSweepReportsTheCrossover() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run([
            "sweep", "--cores", "1,2", "--io-fraction", "0,1", "--tasks", "4", "--task-ms", "4",
            "--repetitions", "2", "--warmup", "0", "--models", "threads,event-loop",
            "--isolation", "none", "--out", folder.path, "--quiet",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## Crossover"))
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        // Per fraction and repetition: serial once, then 2 models × 2 worker counts.
        #expect(rows.count == 2 * 2 * (1 + 2 * 2))
        #expect(Set(rows.map { $0["io_fraction"]! }) == ["0", "1"])
    }

    @Test func aNegativeIoFractionIsRejectedNamingTheFlag() throws {
        let outcome = try BenchBinary.run(["sweep", "--io-fraction", "0,-0.5"])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("--io-fraction"))
    }
}

@Suite struct RealIOCLITests {
    @Test(arguments: ["socket", "file"])
    func realIORunsUnderEveryModel(kind: String) throws {
        let outcome = try BenchBinary.run(
            [
                "--workload", "io", "--io-kind", kind, "--cores", "2", "--tasks", "4", "--task-ms", "2",
                "--repetitions", "1", "--warmup", "0",
            ] + (kind == "file" ? ["--file-bytes", "4096"] : []) + [
                "--models", ModelKind.defaults.map(\.rawValue).joined(separator: ","),
                "--csv", "-", "--markdown", "/dev/null", "--json", "/dev/null",
            ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let rows = csvRows(outcome.stdout)
        #expect(rows.count == ModelKind.defaults.count)
        #expect(rows.allSatisfy { $0["status"] == "ok" })
    }
}
