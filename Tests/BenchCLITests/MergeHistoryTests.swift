import BenchCore
import Foundation
import Testing

/// Beyond one machine: `bench merge` puts machines side by side, the matrix workflow's merge job
/// runs here as it would on GitHub, and `bench history` judges the latest result against the ones
/// before it.
@Suite struct MergeHistoryTests {
    /// The repository's root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A simulated result of `cores` cores in `folder`.
    static func simulated(_ cores: Int, in folder: URL, extra: [String] = []) throws {
        let outcome = try BenchBinary.run(
            [
                "--simulate", String(cores), "--workload", "cpu,io", "--cores", "2", "--tasks", "8", "--task-ms", "50",
                "--models", "threads,event-loop,processes", "--repetitions", "7", "--out", folder.path, "--quiet",
            ]
                + extra)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test func twoMachinesMergeIntoOneReportThatPutsThemSideBySide() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (small, large) = (folder.appendingPathComponent("two"), folder.appendingPathComponent("sixteen"))
        try Self.simulated(2, in: small)
        try Self.simulated(16, in: large)
        let merged = folder.appendingPathComponent("merged")
        let outcome = try BenchBinary.run(["merge", small.path, large.path, "--out", merged.path, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try Golden.report(merged)
        #expect(report.contains("## Machines"))
        #expect(report.contains(", 2 CPUs") && report.contains(", 16 CPUs"))
        #expect(report.contains("waiting does not need cores"), "\(report.prefix(3000))")
        let csv = try String(contentsOf: merged.appendingPathComponent("samples.csv"), encoding: .utf8)
        #expect(csv.contains("16 CPUs"), "the machine is a column of every sample")
        // Merging two runs of the same machine and configuration adds repetitions, not a machine.
        let second = folder.appendingPathComponent("two-more")
        try Self.simulated(2, in: second, extra: ["--repetitions", "8"])
        let again = folder.appendingPathComponent("again")
        #expect(try BenchBinary.run(["merge", small.path, second.path, "--out", again.path, "--quiet"]).status == 0)
        let document = try ResultLoader.document(at: again.path)
        #expect(document.result.machines?.count == 1)
        #expect(document.summaries.allSatisfy { $0.wall.count == 15 })
    }

    @Test func theSameRunTwiceOrTheOutputAsAnInputIsRefused() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (a, b) = (folder.appendingPathComponent("a"), folder.appendingPathComponent("b"))
        try Self.simulated(2, in: a)
        try Self.simulated(16, in: b)
        let twice = try BenchBinary.run(["merge", a.path, a.path, "--out", folder.appendingPathComponent("m").path])
        #expect(twice.status == ExitStatus.incomparable.rawValue)
        #expect(twice.stderr.contains("are the same run"), "\(twice.stderr)")
        let copy = folder.appendingPathComponent("copy.json")
        try FileManager.default.copyItem(at: a.appendingPathComponent("results.json"), to: copy)
        #expect(
            try BenchBinary.run(["merge", a.path, copy.path, "--quiet"]).status == ExitStatus.incomparable.rawValue)
        let into = try BenchBinary.run(["merge", a.path, b.path, "--out", a.path, "--quiet"])
        #expect(into.status == ExitStatus.usage.rawValue)
        #expect(into.stderr.contains("which is the input"), "\(into.stderr)")
    }

    @Test func theSameMachineWithAnotherConfigurationIsRefused() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (a, b) = (folder.appendingPathComponent("a"), folder.appendingPathComponent("b"))
        try Self.simulated(2, in: a)
        try Self.simulated(2, in: b, extra: ["--task-ms", "20"])
        let outcome = try BenchBinary.run(["merge", a.path, b.path, "--out", folder.appendingPathComponent("m").path])
        #expect(outcome.status == ExitStatus.incomparable.rawValue)
        #expect(outcome.stderr.contains("with different configurations (task_ms 50 against 20)"), "\(outcome.stderr)")
        #expect(try BenchBinary.run(["merge", a.path, "--quiet"]).status == ExitStatus.usage.rawValue)
    }

    @Test func theMatrixMergeJobRunsLocallyOnTwoResultsFolders() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let artifacts = folder.appendingPathComponent("artifacts")
        try Self.simulated(2, in: artifacts.appendingPathComponent("bench-small"))
        try Self.simulated(4, in: artifacts.appendingPathComponent("bench-large"))
        func job(_ out: String, baseline: URL?) throws -> (Int32, String) {
            let summary = folder.appendingPathComponent("summary-\(out).md")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments =
                [
                    Self.root.appendingPathComponent("scripts/merge-results").path, artifacts.path,
                    folder.appendingPathComponent(out).path,
                ] + (baseline.map { [$0.path] } ?? [folder.appendingPathComponent("none").path])
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["GITHUB_STEP_SUMMARY": summary.path, "BENCH": BenchBinary.url.path]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return (process.terminationStatus, (try? String(contentsOf: summary, encoding: .utf8)) ?? "")
        }
        let (first, summary) = try job("merged", baseline: nil)
        #expect(first == 0)
        #expect(summary.contains("## Machines"))
        #expect(summary.contains("No baseline"))
        // Against itself as the committed baseline: compared, nothing regressed.
        let (second, again) = try job("merged-again", baseline: folder.appendingPathComponent("merged"))
        #expect(second == 0)
        #expect(again.contains("## Against the baseline"), "\(again.suffix(800))")
    }

    @Test func historyExitsTwoAndNamesTheCellThatRegressedInTheLatestResult() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var quiet: [String] = []
        for index in 1...5 {
            let result = folder.appendingPathComponent("quiet-\(index)")
            try Self.simulated(2, in: result)
            quiet.append(result.path)
        }
        let calm = try BenchBinary.run(["history"] + quiet + ["--out", folder.appendingPathComponent("h1").path])
        #expect(calm.status == 0, "\(calm.stdout.suffix(600))")
        #expect(calm.stdout.contains("No cell regressed"))
        let slow = folder.appendingPathComponent("slow")
        try Self.simulated(2, in: slow, extra: ["--inject-slowdown", "threads:1.5"])
        let outcome = try BenchBinary.run(["history"] + quiet.prefix(4) + [slow.path])
        #expect(outcome.status == ExitStatus.regression.rawValue)
        #expect(outcome.stdout.contains("**Regressed: cpu · threads × 2"), "\(outcome.stdout.prefix(1500))")
        let json = try String(
            contentsOf: folder.appendingPathComponent("h1").appendingPathComponent("history.json"), encoding: .utf8)
        #expect(json.contains("\"series\""))
    }
}
