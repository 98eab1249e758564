import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// Several CPython interpreters in one run (`--python A,B`): each its own runtime in the cell,
/// compared in one section, and never compared with another interpreter's result by `compare`.
@Suite struct SeveralInterpretersTests {
    static let modern = InterpretersTests.modern
    static let python3Version = (try? PythonInterpreter.locate(nil))?.version

    /// A short real run of `workloads` in `pythons`, into a fresh folder.
    static func run(_ pythons: String, workloads: String = "cpu,io", models: String = "threads,processes") throws -> (
        folder: URL, outcome: BenchBinary.Outcome
    ) {
        let folder = try BenchBinary.temporaryFolder()
        let outcome = try BenchBinary.run([
            "--workload", workloads, "--task-ms", "5", "--runtime", "python", "--python", pythons, "--models", models,
            "--tasks", "4", "--cores", "2", "--repetitions", "2", "--warmup", "0", "--quiet", "--out", folder.path,
        ])
        return (folder, outcome)
    }

    @Test(.enabled(if: modern != nil && python3Version != nil, "needs python3 and CPython 3.12+ (pyenv)"))
    func twoInterpretersAreTwoRuntimesInOneReportComparedModelByModel() throws {
        let (folder, outcome) = try Self.run("python3,\(Self.modern!)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        let versions = Set(rows.compactMap { $0["interpreter"] })
        #expect(versions.count == 2 && versions.contains(Self.python3Version!), "\(versions)")
        for version in versions {
            #expect(
                rows.filter { $0["interpreter"] == version && $0["model"] == "serial" }.count == 4,
                "each interpreter its own serial baseline, for cpu and io")
        }
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## CPython interpreters"), "\(report)")
        #expect(report.contains("| Model | Workers | CPython \(Self.python3Version!) | CPython "))
        #expect(report.contains("serial did the same work"), "the serial figures compared on the same work")
        #expect(report.contains("(per kernel iteration, each calibrated in its own interpreter)"))
        let json = try String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(json.contains("\"python \(Self.python3Version!)\""), "calibrations and interpreters by instance")
    }

    @Test(.enabled(if: modern != nil && python3Version != nil, "needs python3 and CPython 3.12+ (pyenv)"))
    func resultsOfTwoInterpretersShareNoCellAndCompareNamesTheRuntime() throws {
        let (old, first) = try Self.run("python3", workloads: "io", models: "threads")
        let (new, second) = try Self.run(Self.modern!, workloads: "io", models: "threads")
        defer {
            try? FileManager.default.removeItem(at: old)
            try? FileManager.default.removeItem(at: new)
        }
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let compare = try BenchBinary.run(
            [
                "compare", old.appendingPathComponent("results.json").path,
                new.appendingPathComponent("results.json").path,
            ])
        #expect(compare.status == ExitStatus.incomparable.rawValue, "\(compare.stdout)\(compare.stderr)")
        #expect(compare.stderr.contains("share no cell"), "\(compare.stderr)")
        #expect(compare.stderr.contains("runtime's interpreter (interpreter) python \(Self.python3Version!)"))
    }

    @Test(.enabled(if: python3Version != nil, "needs python3"))
    func theSameInterpreterSpeltTwoWaysIsMeasuredOnce() throws {
        let real = try PythonInterpreter.locate(nil).executable
        let (folder, outcome) = try Self.run("python3,\(real)", workloads: "io", models: "threads")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        #expect(rows.count == 4, "serial and threads, twice each, once: \(rows.count)")
    }

    @Test func anInterpreterThatIsNotThereIsRefusedWithOneSentence() throws {
        let outcome = try BenchBinary.run([
            "--workload", "io", "--runtime", "python", "--python", "python3,/nowhere/python3.99", "--quiet", "--out",
            "/nonexistent-never-written",
        ])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("--python /nowhere/python3.99: no such executable"), "\(outcome.stderr)")
    }
}
