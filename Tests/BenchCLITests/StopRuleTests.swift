import BenchTestSupport
import Foundation
import Testing

/// `--stop verdict` on the simulated machine: an experiment with a clear winner decided early, one
/// with a model within a hair of the noise band stopped at the maximum, each said word for word.
@Suite struct StopRuleTests {
    @Test func aClearWinnerIsDecidedEarlyAndTheReportSaysHow() throws {
        let folder = try Golden.simulate(["--simulate", "2", "--workload", "cpu", "--cores", "2", "--tasks", "8"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(
            report.contains(
                "Stopped when the verdict was decided, after 6 rounds (7.12 s of measuring): serial × 1, event-loop × 2, spawn × 2 slower beyond the noise band; async × 2, async-blocking × 2, processes × 2 within the noise of threads × 2; threads × 2 the fastest."
            ), "\(report)")
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        let recorded = rows.filter { $0["repetition"] != "0" }
        #expect(recorded.filter { $0["model"] == "event-loop" }.count == 3, "placed at the first look, then left")
        #expect(recorded.filter { $0["model"] == "serial" }.count == 6, "serial to its own precision")
        #expect(rows.filter { $0["repetition"] == "0" }.allSatisfy { ["processes", "spawn"].contains($0["model"]) })
        let json = try String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(json.contains("\"reason\" : \"decided\""))
        #expect(json.contains("\"place\" : \"within-noise\""))
    }

    @Test func aCheaperModelOnTheEdgeOfTheBandKeepsTheExperimentOpenToTheMaximum() throws {
        // event-loop (one thread) is cheaper than threads: were it within the noise, it would win.
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "io", "--cores", "2", "--tasks", "8", "--models", "threads,event-loop",
            "--inject-slowdown", "event-loop:1.043", "--max-repetitions", "10",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(
            report.contains(
                "Stopped at the maximum, after 10 rounds (6.52 s of measuring): serial × 1 slower beyond the noise band; still open against threads × 2 (the fastest): event-loop × 2."
            ), "\(report)")
        let json = try String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(json.contains("\"reason\" : \"maximum\""))
    }

    @Test func aCostlierModelOnTheEdgeOfTheBandIsSetAsideAndTheExperimentDecided() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "cpu", "--cores", "2", "--tasks", "8", "--models", "threads,async",
            "--inject-slowdown", "async:1.048", "--max-repetitions", "10",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(
            report.contains(
                "Stopped when the verdict was decided, after 6 rounds (3.64 s of measuring): serial × 1 slower beyond the noise band; async × 2 set aside (slower than threads × 2 by about the band's width, and no cheaper than a model that kept up, so its place cannot change the verdict); threads × 2 the fastest."
            ), "\(report)")
        let json = try String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(json.contains("\"place\" : \"costlier\""))
    }

    @Test func stopPrecisionKeepsEachCellsOwnRule() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "cpu", "--cores", "2", "--tasks", "8", "--stop", "precision",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("Stopped when every cell's median was known to the target precision, after 6 rounds"))
    }

    @Test func anUnknownStopRuleIsRefused() throws {
        let outcome = try BenchBinary.run(["--stop", "soon", "--quiet", "--out", "/nonexistent-never-written"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--stop 'soon' is not a rule; give verdict or precision."))
    }
}
