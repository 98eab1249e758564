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

    @Test func latencySummaryReportsNearestRankPercentilesWithinHDRPrecision() throws {
        // 1 ms … 100 ms: the 50th, 90th and 99th nearest-rank values are 50, 90 and 99 ms; an HDR
        // histogram with three significant digits reports each within 0.1%.
        let latency = try #require(LatencySummary(taskSeconds: (1...100).map { Double($0) / 1000 }))
        func close(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) <= expected * 0.001 }
        #expect(close(latency.p50Seconds, 0.050))
        #expect(close(latency.p90Seconds, 0.090))
        #expect(close(latency.p99Seconds, 0.099))
        #expect(close(latency.maxSeconds, 0.100))
    }

    @Test func medianIntervalUsesTheOrderStatisticsOfConoversTable() throws {
        // Ranks and coverage from the Binomial(n, ½) distribution (scipy.stats.binom agrees).
        #expect(MedianConfidenceInterval.ranks(n: 5, level: 0.95) == nil)
        let six = try #require(MedianConfidenceInterval.ranks(n: 6, level: 0.95))
        #expect(six.lower == 1 && six.upper == 6 && abs(six.coverage - 0.96875) < 1e-9)
        let ten = try #require(MedianConfidenceInterval.ranks(n: 10, level: 0.95))
        #expect(ten.lower == 2 && ten.upper == 9 && abs(ten.coverage - 0.978515625) < 1e-9)
        let twenty = try #require(MedianConfidenceInterval.ranks(n: 20, level: 0.95))
        #expect(twenty.lower == 6 && twenty.upper == 15 && abs(twenty.coverage - 0.9586105346679688) < 1e-9)
        let fifty = try #require(MedianConfidenceInterval.ranks(n: 50, level: 0.95))
        #expect(fifty.lower == 18 && fifty.upper == 33)
    }

    @Test func medianIntervalTakesTheValuesAtThoseRanks() throws {
        let interval = try #require(MedianConfidenceInterval([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]))
        #expect(interval.lower == 2 && interval.upper == 9)
        #expect(abs(interval.relativeHalfWidth(median: 5.5) - 3.5 / 5.5) < 1e-12)
    }

    @Test func mannWhitneyMatchesScipysDocumentedExample() throws {
        // scipy.stats.mannwhitneyu documentation: males vs females, U1 = 17,
        // exact p = 0.1111 (2/18), asymptotic p = 0.11134688653314041.
        let males: [Double] = [19, 22, 16, 29, 24]
        let females: [Double] = [20, 11, 17, 12]
        let exact = try #require(MannWhitneyU(males, females))
        #expect(exact.isExact && exact.u1 == 17)
        #expect(abs(exact.pValue - 0.1111111111111111) < 1e-12)
        let asymptotic = try #require(MannWhitneyU(males, females, exact: false))
        #expect(abs(asymptotic.pValue - 0.11134688653314041) < 1e-12)
    }

    @Test func mannWhitneyCorrectsForTiesLikeScipy() throws {
        // scipy.stats.mannwhitneyu(a, b) → statistic 44.5, pvalue 0.44029563213109113 (ties: asymptotic).
        let a = [1.1, 2.2, 2.2, 3.5, 4.0, 4.0, 5.1, 6.3, 7.7]
        let b = [0.5, 1.1, 2.9, 3.0, 3.3, 3.3, 4.4, 8.8]
        let test = try #require(MannWhitneyU(a, b))
        #expect(!test.isExact && test.u1 == 44.5)
        #expect(abs(test.pValue - 0.44029563213109113) < 1e-12)
    }

    @Test func mannWhitneyDetectsAShiftedSample() throws {
        // scipy: mannwhitneyu(range(1, 11), [v + 3.5 for v in range(1, 13)]) → U 21, p 0.011129227614007952.
        let x = (1...10).map(Double.init)
        let y = (1...12).map { Double($0) + 3.5 }
        let test = try #require(MannWhitneyU(x, y))
        #expect(test.u1 == 21)
        #expect(abs(test.pValue - 0.011129227614007952) < 1e-12)
    }

    @Test func tooFewSamplesCanNeverBeSignificant() {
        #expect(abs(MannWhitneyU.smallestPossiblePValue(n1: 3, n2: 3) - 0.1) < 1e-12)  // 2 / C(6, 3)
        #expect(MannWhitneyU.smallestPossiblePValue(n1: 4, n2: 4) < 0.05)
    }

    @Test func modifiedZScoresFlagOnlyTheWildValue() {
        // median 4.5, MAD 2 for these 20 values; numpy gives z[0] = 0.6745 · (3 − 4.5) / 2 = −0.5059.
        var values: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4]
        #expect(Outliers.medianAbsoluteDeviation(values) == 2)
        #expect(abs(Outliers.modifiedZScores(values)[0] - -0.50588) < 1e-4)
        #expect(Outliers.indices(values).isEmpty)
        values.append(40)
        #expect(Outliers.indices(values) == [20])
    }
}
