import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// CPython's subinterpreters (`--models interpreters`, 3.12 and newer): refused with the version
/// it needs, measured in parallel where it exists, skipped for Swift with a word.
@Suite struct InterpretersTests {
    /// The newest CPython 3.12+ pyenv holds here, if any (`$PYENV_ROOT`, else `~/.pyenv`).
    static let modern: String? = {
        let root =
            ProcessInfo.processInfo.environment["PYENV_ROOT"]
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".pyenv")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/versions")) ?? []
        let found = versions.compactMap { name -> (Int, Int, String)? in
            let parts = name.split(separator: ".").compactMap { Int($0) }
            guard parts.count >= 2, parts[0] == 3, parts[1] >= 12 else { return nil }
            let path = "\(root)/versions/\(name)/bin/python3"
            return FileManager.default.isExecutableFile(atPath: path) ? (parts[0], parts[1], path) : nil
        }
        return found.max { ($0.0, $0.1) < ($1.0, $1.1) }?.2
    }()

    static let hasPython = (try? PythonInterpreter.locate(nil)) != nil
    /// Whether the default python3 is older than 3.12 (it is 3.11 on these machines).
    static let defaultIsOld: Bool = {
        guard let info = try? PythonInterpreter.locate(nil), let version = info.majorMinor else { return false }
        return version < (3, 12)
    }()

    @Test func interpretersWithoutCPythonIsRefused() throws {
        let outcome = try BenchBinary.run([
            "--workload", "cpu", "--models", "interpreters", "--quiet", "--out", "/nonexistent-never-written",
        ])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("--models interpreters is CPython's model"), "\(outcome.stderr)")
    }

    @Test(.enabled(if: hasPython && defaultIsOld, "needs a python3 older than 3.12"))
    func interpretersOnAnOlderCPythonIsRefusedNamingTheVersionItNeeds() throws {
        let outcome = try BenchBinary.run([
            "--workload", "cpu", "--runtime", "python", "--models", "interpreters", "--quiet", "--out",
            "/nonexistent-never-written",
        ])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("needs CPython 3.12 or newer"), "\(outcome.stderr)")
    }

    @Test(.enabled(if: modern != nil, "needs CPython 3.12 or newer (pyenv)"))
    func subinterpretersRunEveryTaskWithTheirStartUpTimedApartAndSwiftSaysItSkipped() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run([
            "--workload", "cpu,io", "--task-ms", "5", "--runtime", "swift,python", "--python", Self.modern!,
            "--models", "threads,interpreters", "--tasks", "6", "--cores", "2", "--repetitions", "1", "--warmup", "0",
            "--quiet", "--out", folder.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        let interpreters = rows.filter { $0["model"] == "interpreters" }
        #expect(interpreters.count == 2, "cpu and io, CPython only")
        #expect(interpreters.allSatisfy { $0["runtime"] == "python" && $0["status"] == "ok" && $0["startup_s"] != "" })
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("Swift has no counterpart of `interpreters`"))
        // The kernel's checksum is the same in a subinterpreter as anywhere: the run would have
        // stopped on a mismatch.
    }

    @Test(.enabled(if: modern != nil, "needs CPython 3.12 or newer (pyenv)"))
    func aUserFunctionThatRaisesInASubinterpreterIsAFailedSampleWithItsWords() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BenchBinary.run([
            "--task", UserTaskTests.faulty + ":raises", "--python", Self.modern!, "--models", "interpreters",
            "--tasks", "4", "--cores", "2", "--repetitions", "1", "--warmup", "0", "--quiet", "--out", folder.path,
        ])
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        let row = rows.first { $0["model"] == "interpreters" }
        #expect(row?["failure_reason"]?.contains("task 3: faulty:raises raised ValueError: bad input 3") == true)
    }
}

/// multiprocessing's start method as a dimension of CPython's process models (`--start-method`).
@Suite struct StartMethodTests {
    @Test(arguments: [
        (["--start-method", "fork"], "add --runtime python"),
        (["--runtime", "python", "--models", "threads", "--start-method", "fork"], "this run has neither"),
        (["--runtime", "python", "--start-method", "vfork"], "the unknown start method 'vfork'"),
        (["--runtime", "python", "--start-method", "fork,"], "an empty start method"),
    ])
    func aStartMethodThatCannotApplyIsRefused(arguments: [String], message: String) throws {
        let outcome = try BenchBinary.run(
            ["--workload", "noop", "--simulate", "2", "--quiet", "--out", "/nonexistent-never-written"] + arguments)
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test(.enabled(if: InterpretersTests.hasPython, "needs python3"))
    func eachStartMethodIsACellWithItsOwnStartUpAndTheReportComparesThem() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run([
            "--workload", "noop", "--tasks", "20", "--cores", "2", "--runtime", "python", "--start-method",
            "fork,forkserver,spawn,fork", "--models", "processes", "--repetitions", "1", "--warmup", "0", "--quiet",
            "--out", folder.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        let pools = rows.filter { $0["model"] == "processes" }
        #expect(pools.map { $0["start_method"] ?? "" } == ["fork", "forkserver", "spawn"], "de-duplicated, in order")
        #expect(pools.allSatisfy { ($0["startup_s"].flatMap(Double.init) ?? 0) > 0 })
        #expect(rows.first { $0["model"] == "serial" }?["start_method"] == "", "serial has no start method")
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("The process pool's start-up by start method: fork "), "\(report)")
    }
}
