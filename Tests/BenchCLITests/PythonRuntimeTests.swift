import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// `--runtime python` from the command line: refusals with a sentence and exit 64, and one report
/// that puts Swift and CPython side by side.
@Suite struct PythonRuntimeTests {
    @Test(arguments: [
        (["--python", "/nonexistent/python3"], "no such executable"),
        (["--python", "/bin/true"], "is not a usable CPython"),
    ])
    func anInterpreterThatIsNotCPythonIsRefusedWithExit64(extra: [String], message: String) throws {
        let outcome = try BenchBinary.run(
            ["--workload", "cpu", "--runtime", "python", "--quiet", "--out", "/nonexistent-never-written"] + extra)
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("apt-get install python3"))
    }

    @Test func noPython3OnPathIsRefusedWithASentenceSayingHowToInstallIt() throws {
        let process = Process()
        process.executableURL = BenchBinary.url
        process.arguments = ["--workload", "io", "--runtime", "swift,python", "--quiet"]
        process.environment = ["PATH": "/nonexistent"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == ExitStatus.usage.rawValue)
        #expect(text.contains("no python3 on PATH"), "\(text)")
        #expect(text.contains("apt-get install python3"))
    }

    @Test func pythonWithoutThePythonRuntimeIsRefused() throws {
        let outcome = try BenchBinary.run(["--workload", "cpu", "--python", "python3", "--quiet"])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("has no effect without --runtime python"))
    }

    @Test(arguments: [
        ("segv:threads:1", "threads", "CPython worker killed by SIGSEGV"),
        ("kill:processes:1", "processes", "pool died while running a task"),
        ("exit:spawn:1", "spawn", "exited with 3"),
    ])
    func aCPythonWorkerThatDiesIsAFailedSampleAndTheRunGoesOn(fault: String, model: String, reason: String) throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run([
            "--runtime", "python", "--workload", "cpu", "--models", model, "--cores", "2", "--tasks", "4",
            "--task-ms", "5", "--repetitions", "2", "--warmup", "0", "--inject-fault", fault, "--timeout", "30",
            "--out", folder.path, "--quiet",
        ])
        #expect(outcome.status == ExitStatus.sampleFailed.rawValue, "\(outcome.stderr)")
        let csv = try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8)
        let rows = csvRows(csv)
        let failed = rows.filter { $0["status"] == "failed" }
        #expect(failed.count == 1, "\(csv)")
        #expect(failed.first?["failure_reason"]?.contains(reason) == true, "\(failed)")
        #expect(failed.first?["runtime"] == "python")
        #expect(rows.filter { $0["model"] == model && $0["status"] == "ok" }.count == 1)
    }

    @Test func aReportOfBothRuntimesComparesThemCellByCellAgainstTheirOwnSerial() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "cpu", "--cores", "2", "--tasks", "16", "--task-ms", "50",
            "--repetitions", "7", "--runtime", "swift,python",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Golden.report(folder)
        #expect(report == (try Golden.text("runtimes-2.md", actual: report)))
        #expect(report.contains("## Swift and CPython"))
        #expect(
            report.contains(
                "CPython 3.11.0 threads 1.00x over CPython 3.11.0 serial (the GIL lets one thread run Python at a time)"
            ))
        #expect(report.contains("Swift threads 1.9"))
        #expect(report.contains("no counterpart of `async`"))
        #expect(report.contains("| Python | CPython 3.11.0"))
        let csv = try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8)
        #expect(csv.contains(",python,"))
        #expect(!csv.contains("async,2,16,50,0,sleep,,,,system,python"), "async never runs in CPython")
    }
}
