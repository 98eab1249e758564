import BenchCore
import Foundation
import Testing

@Suite struct CompareCLITests {
    /// A real run's results, written once for these tests.
    static let baseline: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-compare-\(UUID().uuidString)")
        _ = try? BenchBinary.run([
            "--workload", "io", "--cores", "2", "--tasks", "2", "--task-ms", "5",
            "--repetitions", "6", "--warmup", "0", "--models", "threads",
            "--isolation", "none", "--out", folder.path, "--quiet",
        ])
        return folder
    }()

    @Test func aResultComparedWithItselfHasNoRegression() throws {
        let outcome = try BenchBinary.run(["compare", Self.baseline.path, Self.baseline.path])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("No regression"))
        #expect(outcome.stdout.contains("| io · threads × 2"))
    }

    @Test func aSlowerResultIsARegressionWithItsOwnExitStatus() throws {
        // The same cell, measured with every wait twice as long: a doubling of wall time.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bench-compare-slow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try String(contentsOf: Self.baseline.appendingPathComponent("samples.csv"), encoding: .utf8)
        var records = try CSVReader.records(csv)
        let wall = records[0].firstIndex(of: "wall_s")!
        for row in records.indices.dropFirst() { records[row][wall] = String(Double(records[row][wall])! * 2) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(records.map(CSVFormatter.row).joined().utf8).write(to: folder.appendingPathComponent("samples.csv"))
        let outcome = try BenchBinary.run([
            "compare", Self.baseline.appendingPathComponent("samples.csv").path, folder.path, "--format", "text",
        ])
        #expect(outcome.status == ExitStatus.regression.rawValue)
        #expect(outcome.stdout.contains("regressed"))
        #expect(outcome.stdout.contains("io · threads × 2"))
    }

    @Test func anUnreadableBaselineExits4WithOneSentence() throws {
        let outcome = try BenchBinary.run(["compare", "/nonexistent", Self.baseline.path])
        #expect(outcome.status == ExitStatus.incomparable.rawValue)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stderr.contains("/nonexistent does not exist"))
    }

    @Test func aBadThresholdIsUsage() throws {
        let outcome = try BenchBinary.run(["compare", Self.baseline.path, Self.baseline.path, "--threshold", "lots"])
        #expect(outcome.status == ExitStatus.usage.rawValue)
    }
}
