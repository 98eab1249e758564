import Testing
@testable import BenchCore

@Suite struct StatisticsTests {
    @Test func summaryOfFourValuesMatchesHandComputedFigures() throws {
        let summary = try #require(Summary([4, 1, 3, 2]))
        #expect(summary.count == 4)
        #expect(summary.median == 2.5)
        #expect(summary.mean == 2.5)
        #expect(abs(summary.standardDeviation - 1.2909944487358056) < 1e-12)  // sqrt(5/3)
        #expect(summary.min == 1)
        #expect(summary.max == 4)
    }

    @Test func summaryOfNothingIsNil() {
        #expect(Summary([]) == nil)
    }

    @Test func singleValueHasZeroSpread() throws {
        let summary = try #require(Summary([0.25]))
        #expect(summary.standardDeviation == 0)
        #expect(summary.coefficientOfVariation == 0)
    }

    @Test func percentilesInterpolateLikeNumPy() {
        // numpy.percentile(range(1, 11), [90, 25, 99]) == [9.1, 3.25, 9.91]
        let values = (1...10).map(Double.init)
        #expect(abs(Stats.percentile(sorted: values, 0.9) - 9.1) < 1e-12)
        #expect(abs(Stats.percentile(sorted: values, 0.25) - 3.25) < 1e-12)
        #expect(abs(Stats.percentile(sorted: values, 0.99) - 9.91) < 1e-12)
        #expect(Stats.percentile(sorted: values, 0) == 1)
        #expect(Stats.percentile(sorted: values, 1) == 10)
    }

    @Test func medianOfOddCountIsTheMiddleValue() {
        #expect(Stats.median([9, 1, 5]) == 5)
        #expect(Stats.median([]) == nil)
    }

    @Test func latencySummaryReportsPercentilesOfTaskDurations() throws {
        let latency = try #require(LatencySummary(taskSeconds: (1...100).map { Double($0) / 1000 }))
        #expect(abs(latency.p50Seconds - 0.0505) < 1e-12)
        #expect(latency.maxSeconds == 0.1)
    }
}
