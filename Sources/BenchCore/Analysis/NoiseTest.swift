/// Whether two cells' wall times differ by more than the measured noise, and the test that
/// decided it. Every verdict in bench (a plain run's winner, a sweep's crossover, event-loop
/// against the best parallel model) uses this one rule.
public struct NoiseTest: Codable, Sendable, Equatable {
    /// Relative difference within which two cells count as matched even if the test is significant.
    public static let tolerance = 0.05
    /// Significance level of the Mann–Whitney U test.
    public static let alpha = 0.05

    /// Median wall time of the cell under test ÷ that of the reference, minus 1 (+0.25 is 25% slower).
    public var relativeDifference: Double
    /// Two-sided Mann–Whitney p-value; nil when there are too few samples to test.
    public var pValue: Double?
    /// Whether the two are the same within the noise: within ``tolerance``, or not significantly
    /// different by the U test.
    public var isWithinNoise: Bool

    /// Tests the wall times `walls` against `reference`'s.
    public init(_ walls: [Double], against reference: [Double]) {
        let median = Stats.median(walls) ?? 0
        let referenceMedian = Stats.median(reference) ?? 0
        relativeDifference = referenceMedian > 0 ? median / referenceMedian - 1 : 0
        let testable = MannWhitneyU.smallestPossiblePValue(n1: walls.count, n2: reference.count) < Self.alpha
        pValue = testable ? MannWhitneyU(walls, reference)?.pValue : nil
        isWithinNoise = abs(relativeDifference) <= Self.tolerance || (pValue.map { $0 >= Self.alpha } ?? false)
    }

    /// The decision in words, against the reference named `reference`: within the noise, "within
    /// 5% of threads × 2 (1.2% apart)" or "not significantly different from threads × 2 (7.0% apart,
    /// p = 0.310)"; beyond it, "1.98x as long as threads × 2 (p = 0.0002)".
    public func explanation(versus reference: String) -> String {
        let apart = Format.percent(abs(relativeDifference))
        if abs(relativeDifference) <= Self.tolerance {
            return "within \(Format.percent(Self.tolerance)) of \(reference) (\(apart) apart)"
        }
        guard let pValue else {
            return
                "\(Format.ratio(1 + relativeDifference)) as long as \(reference) (too few samples for a significance test)"
        }
        if pValue >= Self.alpha {
            return "not significantly different from \(reference) (\(apart) apart, p = \(Format.fixed(pValue, 3)))"
        }
        return "\(Format.ratio(1 + relativeDifference)) as long as \(reference) (p = \(Format.fixed(pValue, 4)))"
    }
}
