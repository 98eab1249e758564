import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// The user's own Python function as the task (`--task`): bad input is one sentence and exit 64
/// before anything runs; at run time a call that raises, a coroutine that never finishes and a
/// setup that raises are failed or timed-out samples, and the run goes on.
@Suite struct UserTaskTests {
    /// A file of functions that go wrong in each way, beside this test.
    static let faulty = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tasks/faulty.py").path
    /// The examples that teach, in the checkout.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/python/tasks.py")
        .path

    static let hasPython = (try? PythonInterpreter.locate(nil)) != nil

    @Test(
        .enabled(if: hasPython, "needs python3"),
        arguments: [
            (
                ["--task", "nosuchmodule_bench:f"],
                "cannot import nosuchmodule_bench: No module named 'nosuchmodule_bench'"
            ),
            (["--task", "\(faulty):NOT_CALLABLE"], "is not callable: it is of type int"),
            (["--task", "\(faulty):nothere"], "has no attribute 'nothere'"),
            (["--task", "\(faulty):raises", "--task-setup", "\(faulty):nothere"], "has no attribute 'nothere'"),
        ])
    func aFunctionThatCannotBeImportedOrCalledIsRefusedWithTheImportsOwnWords(arguments: [String], message: String)
        throws
    {
        let outcome = try BenchBinary.run(arguments + ["--quiet", "--out", "/nonexistent-never-written"])
        #expect(outcome.status == ExitStatus.usage.rawValue, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one sentence: \(outcome.stderr)")
    }

    @Test(arguments: [
        (["--task", "/nonexistent/tasks.py:f"], "the file /nonexistent/tasks.py does not exist"),
        (["--task", "tasks"], "--task 'tasks' names no function"),
        (["--task", "\(faulty):raises", "--task-args", "{x"], "--task-args '{x' is not JSON"),
        (["--task", "\(faulty):raises", "--task-args-each", "3"], "--task-args-each takes a non-empty JSON list"),
        (["--task", "\(faulty):raises", "--task-args", "1", "--task-args-each", "[1]"], "give one of them"),
        (["--task", "\(faulty):raises", "--workload", "cpu"], "cannot go beside --workload"),
        (["--task", "\(faulty):raises", "--runtime", "swift"], "--runtime python is implied"),
        (["--task", "\(faulty):raises", "--task-ms", "5"], "--task-ms does not apply to raises"),
        (["--task", "\(faulty):raises", "--task-path", "/nonexistent"], "--task-path /nonexistent is not a folder"),
        (["--task-args", "[1]"], "--task-args applies to --task only"),
        (["--workload", "cpu", "--no-result-check"], "--no-result-check applies to your own code"),
    ])
    func badTaskInputIsRefusedBeforeAnythingRuns(arguments: [String], message: String) throws {
        let outcome = try BenchBinary.run(
            arguments + ["--simulate", "2", "--quiet", "--out", "/nonexistent-never-written"])
        #expect(outcome.status == ExitStatus.usage.rawValue, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    /// Runs `function` of the faulty file and returns the outcome and the results folder's samples.
    func run(_ function: String, _ extra: [String]) throws -> (BenchBinary.Outcome, [[String: String]]) {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run(
            [
                "--task", "\(Self.faulty):\(function)", "--tasks", "4", "--cores", "2", "--repetitions", "1",
                "--warmup", "0", "--quiet", "--out", folder.path,
            ] + extra)
        let csv = try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8)
        return (outcome, csvRows(csv))
    }

    @Test(.enabled(if: hasPython, "needs python3"))
    func aCallThatRaisesIsAFailedSampleWithTheExceptionAndItsLine() throws {
        let (outcome, rows) = try run("raises", ["--models", "threads,processes,spawn,event-loop"])
        #expect(outcome.status == ExitStatus.sampleFailed.rawValue, "\(outcome.stderr)")
        #expect(rows.count == 5)
        for row in rows {
            #expect(row["status"] == "failed")
            #expect(
                row["failure_reason"]?.contains(
                    "task 3: faulty:raises raised ValueError: bad input 3 (faulty.py:5 in raises)")
                    == true, "\(row)")
        }
    }

    @Test(.enabled(if: hasPython, "needs python3"))
    func aCoroutineThatNeverFinishesIsATimedOutSample() throws {
        let (outcome, rows) = try run("never", ["--models", "event-loop", "--timeout", "2"])
        #expect(outcome.status == ExitStatus.sampleFailed.rawValue, "\(outcome.stderr)")
        #expect(rows.map { $0["status"] } == ["timed_out", "timed_out"], "\(rows)")
    }

    @Test(.enabled(if: hasPython, "needs python3"))
    func aSetupThatRaisesFailsItsCellsSamplesNotTheRun() throws {
        let (outcome, rows) = try run(
            "uses", ["--task-setup", "\(Self.faulty):failing_setup", "--models", "threads,processes,spawn,event-loop"])
        #expect(outcome.status == ExitStatus.sampleFailed.rawValue, "\(outcome.stderr)")
        #expect(rows.count == 5, "every model still ran")
        for row in rows {
            #expect(row["failure_reason"]?.contains("the setup faulty:failing_setup raised OSError: no server") == true)
        }
    }

    @Test(.enabled(if: hasPython, "needs python3"))
    func aReturnValueThatCannotBePickledIsNamedUnderTheProcessModels() throws {
        let (_, rows) = try run("unpicklable", ["--models", "processes,spawn"])
        let crossing = rows.filter { $0["model"] != "serial" }
        #expect(crossing.count == 2)
        for row in crossing {
            #expect(row["failure_reason"]?.contains("(generator) cannot be pickled") == true, "\(row)")
        }
        #expect(rows.first { $0["model"] == "serial" }?["status"] == "ok", "serial needs no pickling")
    }

    @Test(.enabled(if: hasPython, "needs python3"))
    func anAsyncFunctionIsAwaitedOnTheLoopAndAsyncBlockingIsSkippedWithAWord() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run(
            [
                "--task", "\(Self.faulty):async_index", "--tasks", "4", "--cores", "2", "--repetitions", "1",
                "--warmup", "0", "--models", "threads,event-loop,async-blocking", "--out", folder.path, "--quiet",
            ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("async_index is a coroutine function: async-blocking"))
        #expect(report.contains("run with asyncio.run per call under serial, threads and processes"))
        #expect(report.contains("Every model returned serial's results for all 4 tasks (threads × 2, event-loop × 2)"))
    }

    @Test(.enabled(if: hasPython, "needs python3"))
    func theRacyExampleIsFlaggedUnderThreadsAndNotUnderProcesses() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run(
            [
                "--task", "\(Self.examples):racy_scratch", "--tasks", "8", "--cores", "2", "--repetitions", "2",
                "--warmup", "0", "--models", "threads,processes", "--out", folder.path, "--quiet",
            ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("threads × 2 returned other results than serial for"), "\(report)")
        #expect(report.contains("the function is not safe to run in threads"))
        #expect(!report.contains("processes × 2 returned other results"))
    }

    @Test func aUserTaskOnTheSimulatedMachineReportsWordForWord() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--task", Self.examples + ":pure_python", "--tasks", "8", "--cores", "2",
            "--repetitions", "7",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Golden.report(folder)
        #expect(report == (try Golden.text("user-task-2.md", actual: report)))
        #expect(report.contains("so the function holds the GIL and one thread runs Python at a time"))
        let csv = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        #expect(csv.allSatisfy { $0["kind"] == "user" && $0["function"] == "tasks:pure_python" })
    }

    @Test func twoArgumentSetsAreTwoCells() throws {
        func cells(_ arguments: String) throws -> Set<String> {
            let folder = try Golden.simulate([
                "--simulate", "2", "--task", Self.examples + ":pure_python", "--tasks", "4", "--cores", "2",
                "--repetitions", "1", "--task-args", arguments, "--models", "threads",
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
            return Set(rows.compactMap { $0["arguments"] })
        }
        let one = try cells("[1]")
        #expect(one.count == 1 && one.first?.count == 16)
        #expect(try cells("{\"b\": 1, \"a\": 2}") == cells("{\"a\": 2, \"b\": 1}"), "keys sorted: the same arguments")
        #expect(try cells("[2]") != one)
    }

    @Test func aWorkloadFileCanNameTheFunctionItsArgumentsAndSetup() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hashing.yaml")
        try """
        task:
          python: \(Self.examples):zlib_1mib
          args_each: [[1], [2]]
        tasks: 4
        """.write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let outcome = try BenchBinary.run([
            "--simulate", "2", "--workload", file.path, "--models", "threads", "--repetitions", "1", "--quiet",
            "--out", out.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = csvRows(try String(contentsOf: out.appendingPathComponent("samples.csv"), encoding: .utf8))
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["workload"] == "hashing" && $0["kind"] == "user" && $0["arguments"]?.count == 16 })
        try """
        task: {python: "\(Self.examples):zlib_1mib"}
        task_ms: 5
        """.write(to: file, atomically: true, encoding: .utf8)
        let refused = try BenchBinary.run(["--simulate", "2", "--workload", file.path, "--quiet", "--out", out.path])
        #expect(refused.status == ExitStatus.usage.rawValue)
        #expect(refused.stderr.contains("field 'task_ms' does not apply to a task of the user's function"))
    }

    @Test func aSweepOfTheUserTaskMeasuresEveryWorkerCount() throws {
        let folder = try Golden.simulate([
            "sweep", "--simulate", "4", "--task", Self.examples + ":pure_python", "--cores", "1,2,4", "--tasks", "8",
            "--repetitions", "3", "--models", "threads,processes",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        #expect(Set(rows.map { $0["workers"] ?? "" }) == ["1", "2", "4"])
        #expect(rows.allSatisfy { $0["kind"] == "user" && $0["runtime"] == "python" })
        let refused = try BenchBinary.run([
            "sweep", "--simulate", "4", "--task", Self.examples + ":pure_python", "--task-ms", "5", "--quiet",
            "--out", "/nonexistent-never-written",
        ])
        #expect(refused.status == ExitStatus.usage.rawValue)
        #expect(refused.stderr.contains("--task-ms does not apply to pure_python"), "\(refused.stderr)")
    }

    @Test(.enabled(if: hasPython, "needs python3"))
    func equalResultsHashAlikeInEveryProcessAndFloatArgumentsStayFloats() throws {
        let (outcome, rows) = try run("sets", ["--models", "processes,spawn", "--repetitions", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try BenchBinary.run(
            [
                "--task", "\(Self.faulty):sets", "--tasks", "4", "--cores", "2", "--repetitions", "2", "--warmup", "0",
                "--models", "processes,spawn", "--quiet", "--out", folder.path,
            ])
        #expect(report.status == 0)
        let text = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(text.contains("Every model returned serial's results for all 4 tasks"), "sets and slots, any hash seed")
        #expect(rows.allSatisfy { $0["status"] == "ok" })
        func arguments(_ json: String) throws -> String? {
            let (outcome, rows) = try run("echo_type", ["--models", "threads", "--task-args", json])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return rows.first?["arguments"]
        }
        #expect(try arguments("[1.0]") != arguments("[1]"), "1.0 reaches Python as a float: another cell")
    }

    @Test func setupsAndFileOptionsAreTheirOwnAndNothingIsSilentlyDropped() throws {
        func arguments(_ extra: [String]) throws -> String {
            let folder = try Golden.simulate(
                [
                    "--simulate", "2", "--task", Self.examples + ":pure_python", "--tasks", "2", "--repetitions", "1",
                    "--models", "threads",
                ] + extra)
            defer { try? FileManager.default.removeItem(at: folder) }
            let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
            return rows.first?["arguments"] ?? ""
        }
        #expect(try arguments([]) == "", "the index alone: no hash")
        #expect(
            try arguments(["--task-setup", Self.examples + ":start_server"]).count == 16, "a setup is its own cell")
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("own.yaml")
        try "task: {python: \"\(Self.examples):pure_python\"}\n".write(to: file, atomically: true, encoding: .utf8)
        let stray = try BenchBinary.run([
            "--simulate", "2", "--workload", file.path, "--task-args", "[1]", "--quiet", "--out", folder.path,
        ])
        #expect(stray.status == ExitStatus.usage.rawValue)
        #expect(stray.stderr.contains("--task-args applies to --task only"), "\(stray.stderr)")
        let extrapolated = try BenchBinary.run([
            "--simulate", "2", "--task", Self.examples + ":pure_python", "--baseline", "extrapolated", "--quiet",
            "--out", folder.path,
        ])
        #expect(extrapolated.status == ExitStatus.usage.rawValue)
        #expect(extrapolated.stderr.contains("its serial baseline is always measured in full"))
    }
}
