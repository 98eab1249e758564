import Foundation

/// A distribution-free confidence interval for the median, from order statistics.
///
/// For n sorted values, the number of values below the true median is Binomial(n, ½). The interval
/// [x₍ₗ₎, x₍ᵤ₎] with u = n + 1 − l covers the median with probability 1 − 2·P(B ≤ l − 1); the
/// largest l whose coverage is still at least the confidence level is chosen (Conover, *Practical
/// Nonparametric Statistics*, §3.2). No assumption about the shape of the distribution is made,
/// which suits timing data: skewed, with a long right tail.
public struct MedianConfidenceInterval: Codable, Sendable, Equatable {
    /// The lower bound.
    public var lower: Double
    /// The upper bound.
    public var upper: Double
    /// 1-based rank of the lower bound among the sorted values.
    public var lowerRank: Int
    /// 1-based rank of the upper bound.
    public var upperRank: Int
    /// The exact probability that the interval covers the median (at least the level asked for).
    public var coverage: Double

    /// Half the interval's width relative to `median`: the "± x%" a report shows.
    public func relativeHalfWidth(median: Double) -> Double {
        median == 0 ? 0 : (upper - lower) / 2 / abs(median)
    }

    /// The interval for the median of `values` at `level` (e.g. 0.95); nil when there are too few
    /// values for any interval to reach that level (fewer than 6 at 95%).
    public init?(_ values: [Double], level: Double = 0.95) {
        let sorted = values.sorted()
        guard let ranks = Self.ranks(n: sorted.count, level: level) else { return nil }
        lowerRank = ranks.lower
        upperRank = ranks.upper
        coverage = ranks.coverage
        lower = sorted[ranks.lower - 1]
        upper = sorted[ranks.upper - 1]
    }

    /// The ranks (l, n + 1 − l) and their coverage for `n` values, or nil if even the full range
    /// does not reach `level`.
    public static func ranks(n: Int, level: Double) -> (lower: Int, upper: Int, coverage: Double)? {
        guard n >= 1 else { return nil }
        var best: (Int, Int, Double)?
        var tail = 0.0  // P(B ≤ l − 1)
        for l in 1...((n + 1) / 2) {
            tail += binomialHalf(n: n, k: l - 1)
            let coverage = 1 - 2 * tail
            guard coverage >= level else { break }
            best = (l, n + 1 - l, coverage)
        }
        return best
    }

    /// P(B = k) for B ~ Binomial(n, ½), computed in log space so large n cannot overflow.
    static func binomialHalf(n: Int, k: Int) -> Double {
        exp(lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) - Double(n) * log(2.0))
    }
}
