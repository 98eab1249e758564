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
        #expect(json.contains("\"schemaVersion\" : 5"))
        let history = try BenchBinary.run(["history", original, copy])
        #expect(history.status == 0, "history: \(history.stderr)")
    }

    @Test(arguments: ["runtimes", "sweep", "sweep-auto"])
    func aSchemaFourResultReportsExactlyAsItDidWhenWritten(name: String) throws {
        let report = try BenchBinary.run(["report", Self.fixture("v4/\(name).json")])
        let written = try String(contentsOfFile: Self.fixture("v4/\(name).md"), encoding: .utf8)
        #expect(report.status == 0)
        #expect(report.stdout == written)
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
        #expect(Set(calibrations?.keys.map { $0 } ?? []) == ["swift", "python"])
        let machine = result?["machine"] as? [String: Any]
        let interpreters = machine?["interpreters"] as? [String: Any]
        #expect(interpreters?.keys.map { $0 } == ["python"])
        #expect(result?["pythonCalibration"] == nil)
    }
}
