import BenchCore
import Foundation
import Testing

/// Results written by earlier bench versions (schema 3, and schema 4 before runtimes were maps)
/// still load in every command that reads results.
@Suite struct SchemaCompatibilityTests {
    /// The committed documents of older schemas, under BenchCoreTests/Fixtures.
    static let documents = [
        "v3/alloc.json", "v3/sweep.json", "v4/results.json", "v4/runtimes.json", "v4/sweep.json", "v4/sweep-auto.json",
    ]

    static func fixture(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BenchCoreTests/Fixtures/\(name)").path
    }

    /// A second run of `name`'s experiment, in a fresh folder: the same samples, started a day
    /// later (merge refuses the same run twice), for the commands that need two results.
    static func copy(_ name: String) throws -> (folder: URL, path: String) {
        let folder = try BenchBinary.temporaryFolder()
        let path = folder.appendingPathComponent("later.json").path
        var text = try String(contentsOfFile: fixture(name), encoding: .utf8)
        let data = try #require(text.data(using: .utf8))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let started = try #require((document["result"] as? [String: Any])?["startedAt"] as? String)
        let later = "2099" + started.dropFirst(4)
        text = text.replacingOccurrences(of: "\"startedAt\" : \"\(started)\"", with: "\"startedAt\" : \"\(later)\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    @Test(arguments: documents)
    func anOlderResultLoadsInReportCompareMergeAndHistory(document: String) throws {
        let original = Self.fixture(document)
        let (folder, copy) = try Self.copy(document)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try BenchBinary.run(["report", original])
        #expect(report.status == 0, "report: \(report.stderr)")
        #expect(report.stdout.contains("## "))
        let compare = try BenchBinary.run(["compare", original, copy])
        #expect(compare.status == 0, "compare: \(compare.stderr)")
        let merged = folder.appendingPathComponent("merged")
        let merge = try BenchBinary.run(["merge", original, copy, "--out", merged.path, "--quiet"])
        #expect(merge.status == 0, "merge: \(merge.stderr)")
        let json = try String(contentsOf: merged.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(json.contains("\"schemaVersion\" : \(ResultDocument.currentSchemaVersion)"))
        let history = try BenchBinary.run(["history", original, copy])
        #expect(history.status == 0, "history: \(history.stderr)")
    }

    @Test(arguments: ["runtimes", "sweep", "sweep-auto"])
    func aSchemaFourResultReportsExactlyAsItDidWhenWritten(name: String) throws {
        let report = try BenchBinary.run(["report", Self.fixture("v4/\(name).json")])
        let written = try String(contentsOfFile: Self.fixture("v4/\(name).md"), encoding: .utf8)
        #expect(report.status == 0)
        // Word for word, but for one thing: an old CPython result's cells are named after the
        // interpreter its fingerprint describes (so it compares with today's), "CPython 3.11.0".
        // The machine table's description of the interpreter ("CPython 3.11.0 (…") was there before.
        let unnamed = report.stdout.replacingOccurrences(
            of: "CPython 3.11.0(?! \\()", with: "CPython", options: .regularExpression)
        #expect(unnamed == written)
        #expect(name != "runtimes" || report.stdout.contains("| Model | Workers | Swift | CPython 3.11.0 |"))
    }

    @Test func aCPythonResultFromBeforeInterpretersWereNamedComparesWithTheSameInterpreterToday() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The experiment v4/runtimes.json measured, on the same simulated machine (CPython 3.11.0).
        let run = try BenchBinary.run([
            "--simulate", "2", "--workload", "cpu", "--cores", "2", "--tasks", "16", "--task-ms", "50",
            "--repetitions", "7", "--runtime", "swift,python", "--quiet", "--out", folder.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let compare = try BenchBinary.run([
            "compare", Self.fixture("v4/runtimes.json"), folder.appendingPathComponent("results.json").path,
        ])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("| cpu · CPython 3.11.0 · threads × 2 · 16 × 50 ms |"), "\(compare.stdout)")
    }

    @Test func aSchemaFourCPythonResultKeepsItsCalibrationAndInterpreterAsMapsWhenMerged() throws {
        let original = Self.fixture("v4/runtimes.json")
        let (folder, copy) = try Self.copy("v4/runtimes.json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let merged = folder.appendingPathComponent("merged")
        let merge = try BenchBinary.run(["merge", original, copy, "--out", merged.path, "--quiet"])
        #expect(merge.status == 0, "merge: \(merge.stderr)")
        let data = try Data(contentsOf: merged.appendingPathComponent("results.json"))
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let result = document?["result"] as? [String: Any]
        let calibrations = result?["calibrations"] as? [String: Any]
        // Named after the interpreter the fingerprint describes, as today's results are.
        #expect(Set(calibrations?.keys.map { $0 } ?? []) == ["swift", "python 3.11.0"])
        let machine = result?["machine"] as? [String: Any]
        let interpreters = machine?["interpreters"] as? [String: Any]
        #expect(interpreters?.keys.map { $0 } == ["python 3.11.0"])
        #expect(result?["pythonCalibration"] == nil)
        let samples = result?["samples"] as? [[String: Any]] ?? []
        let cells = samples.compactMap { $0["cell"] as? [String: Any] }.filter { $0["runtime"] as? String == "python" }
        #expect(!cells.isEmpty && cells.allSatisfy { $0["interpreter"] as? String == "3.11.0" })
    }
}
