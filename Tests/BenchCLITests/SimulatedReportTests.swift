import BenchCore
import Foundation
import Testing

/// Whole reports, word for word, from the simulated machine (`--simulate CORES`), which turns each
/// described sample into an exact duration: the verdicts are tested in every shape of result.
@Suite struct SimulatedReportTests {
    @Test func aSixteenWorkerSweepSaysEventLoopMatchesAtFractionOneAndThreadsWinBelow() throws {
        let folder = try Golden.simulate([
            "sweep", "--simulate", "16", "--workload", "mixed", "--cores", "1,2,4,8,16",
            "--io-fraction", "0,0.5,0.9,1", "--repetitions", "5",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Golden.report(folder)
        #expect(report == (try Golden.text("sweep-16.md", actual: report)))
        #expect(report.contains("| 1 | event-loop × 16 | 15.83x | threads × 16: 15.95x | × 16: 15.83x | matches"))
        #expect(report.contains("| 0 | threads × 16 |"))
        #expect(report.contains("| 0.5 | threads × 16 |"))
        #expect(report.contains("- **mixed · I/O fraction 1**: event-loop × 16 wins"))
        #expect(report.contains("- **mixed · I/O fraction 0**: threads × 16 wins"))
        #expect(
            !report.contains("parallelism still pays at 16 workers: threads × 16 15.95x against event-loop × 16's 15"),
            "never says parallelism pays where one thread kept up")
    }

    @Test func aComputeRunCrownsThreadsAndSaysWhy() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "cpu", "--cores", "2", "--tasks", "8",
            "--task-ms", "50", "--repetitions", "7",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Golden.report(folder)
        #expect(report == (try Golden.text("cpu-2.md", actual: report)))
        #expect(report.contains("threads × 2 wins"))
    }

    @Test func anIORunWhereTheModelsTieCrownsTheCheapest() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "io", "--cores", "2", "--tasks", "8",
            "--task-ms", "50", "--repetitions", "7", "--models", "threads,async,event-loop",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Golden.report(folder)
        #expect(report == (try Golden.text("io-tie-2.md", actual: report)))
        #expect(report.contains("event-loop × 2 wins"))
        #expect(report.contains("It is the cheapest model within the noise of the fastest, threads × 2"))
    }

    @Test func anAllocatorRunComparesEachModelUnderBoth() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "alloc", "--cores", "2", "--tasks", "8",
            "--allocator", "system,jemalloc", "--models", "threads,processes", "--repetitions", "7",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Golden.report(folder)
        #expect(report == (try Golden.text("alloc-2.md", actual: report)))
        #expect(report.contains("## Allocators"))
        let csv = try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8)
        #expect(
            !csv.contains("[jemalloc]") && !csv.contains("[system]"), "the allocator is a column, not a name suffix")
    }

    @Test func autoRepetitionsStopAtSixOnAQuietMachineAndNameCellsThatNeverSettle() throws {
        let quiet = try Golden.simulate([
            "--simulate", "2", "--workload", "cpu", "--cores", "2", "--tasks", "8", "--stop", "precision",
        ])
        defer { try? FileManager.default.removeItem(at: quiet) }
        let report = try Golden.report(quiet)
        #expect(report.contains("- Repetitions: auto, each cell until each median's 95% interval was within ±2%"))
        #expect(report.contains("| threads | 2 | 6 |"), "a ±0.2% jitter settles at the minimum")
        #expect(!report.contains("Stopped at the maximum"))

        let strict = try Golden.simulate([
            "--simulate", "2", "--workload", "cpu", "--cores", "2", "--tasks", "8", "--models", "threads",
            "--target-ci", "0.01", "--max-repetitions", "7", "--stop", "precision",
        ])
        defer { try? FileManager.default.removeItem(at: strict) }
        let unsettled = try Golden.report(strict)
        #expect(unsettled.contains("| threads | 2 | 7 |"))
        #expect(unsettled.contains("Stopped at the maximum of 7 repetitions"))
    }

    @Test func aLongSerialBaselineIsExtrapolatedAndEveryFigureOnItIsMarked() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "io", "--cores", "1000", "--tasks", "1000", "--task-ms", "100",
            "--models", "async", "--repetitions", "6",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Golden.report(folder)
        #expect(report.contains("- Serial baseline: **extrapolated** from 64 of 1000 tasks"))
        #expect(report.contains("(Speedups are against serial extrapolated from 64 of 1000 tasks.)"))
        #expect(report.contains("† Against serial extrapolated from 64 of 1000 tasks"))
        let csv = try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8)
        #expect(csv.contains(",extrapolated 64/1000,"))
    }
}
