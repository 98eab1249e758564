import Foundation
import Testing

@testable import BenchCore

@Suite struct CrossoverTests {
    func samples(_ workload: String, _ fraction: Double, _ model: ModelKind, workers: Int, walls: [Double]) -> [Sample]
    {
        walls.enumerated().map { index, wall in
            Sample(
                cell: Cell(
                    workload: workload, kind: .mixed, model: model, workers: workers, tasks: 8, taskSeconds: 0.05,
                    ioFraction: fraction), repetition: index + 1, coresAvailable: 2,
                startedAt: Date(timeIntervalSince1970: 0),
                wallSeconds: wall,
                usage: ResourceUsage(
                    userSeconds: 0, systemSeconds: 0, voluntaryContextSwitches: 0,
                    involuntaryContextSwitches: 0, peakRSSBytes: 0),
                latency: nil, checksum: 1)
        }
    }

    func result() -> RunResult {
        let jitter = [0.0, 0.001, -0.001, 0.002, -0.002]
        var all: [Sample] = []
        for (name, fraction, threads, loop) in [("mixed", 0.0, 0.2, 0.4), ("mixed", 1.0, 0.1, 0.101)] {
            all += samples(name, fraction, .serial, workers: 1, walls: jitter.map { 0.4 + $0 })
            all += samples(name, fraction, .threads, workers: 4, walls: jitter.map { threads + $0 })
            all += samples(name, fraction, .eventLoop, workers: 4, walls: jitter.map { loop + $0 })
        }
        var result = ReportFixtures.run
        result.samples = all
        result.sweep = SweepConfiguration(workers: [4], ioFractions: [0, 1])
        return result
    }

    @Test func computeIsWonByAParallelModel() throws {
        let point = try #require(Report(result()).analysis.crossover.first)
        #expect(point.winner.cell.model == .threads)
        #expect(!point.concurrencyMatchesParallelism)
    }

    @Test func waitingIsWonByTheEventLoopWhenItKeepsUpWithinTheNoise() throws {
        let point = try #require(Report(result()).analysis.crossover.last)
        #expect(point.choice.fastest.model == .threads, "threads are 1% faster…")
        #expect(point.winner.cell.model == .eventLoop, "…but one thread is within the noise, so it wins")
        #expect(point.concurrencyMatchesParallelism)
    }

    @Test func theReportNamesTheCrossoverAndDrawsCharts() {
        let markdown = CrossoverSection.markdown(Report(result()))
        #expect(markdown.contains("At I/O fraction 1, one thread overlapping the waits kept up with parallelism"))
        #expect(markdown.contains("```mermaid\nxychart-beta"))
        #expect(CrossoverSection.markdown(ReportFixtures.report).isEmpty, "no section for a run that is not a sweep")
    }
}
