import Foundation
import Testing

@testable import BenchCore

@Suite struct AllocatorSectionTests {
    func run() -> RunResult {
        var result = ReportFixtures.run
        var samples: [Sample] = []
        let walls: [(Allocator, ModelKind, Double)] = [
            (.system, .serial, 0.090), (.system, .threads, 0.058), (.system, .processes, 0.042),
            (.jemalloc, .serial, 0.033), (.jemalloc, .threads, 0.031), (.jemalloc, .processes, 0.036),
        ]
        for (allocator, model, wall) in walls {
            for repetition in 1...3 {
                var sample = ReportFixtures.sample(
                    "alloc", .alloc, model, repetition: repetition, wall: wall, cpu: wall)
                sample.cell.allocator = allocator
                sample.allocatorInUse = allocator == .system ? "system (glibc malloc)" : "jemalloc 5.3.0"
                samples.append(sample)
            }
        }
        result.samples = samples
        result.configuration.workloads = ["alloc"]
        result.configuration.allocators = [.system, .jemalloc]
        return result
    }

    @Test func theReportNamesTheWinningCombinationAndWhy() {
        let markdown = AllocatorSection.markdown(Report(run()).analysis.allocators)
        #expect(markdown.contains("the fastest combination was threads × 2 under jemalloc, 31 ms"))
        #expect(markdown.contains("| processes × 2 | 42 ms | 36 ms | 1.17x faster |"))
        #expect(markdown.contains("threads share one heap"))
    }

    @Test func oneAllocatorNeedsNoSection() {
        #expect(AllocatorSection.markdown(ReportFixtures.report.analysis.allocators).isEmpty)
    }
}
