import Foundation

/// The Mann–Whitney U test (Wilcoxon rank-sum): do two samples come from the same distribution, or
/// does one tend to be larger? It assumes nothing about the distributions' shape, which suits
/// timings.
///
/// Follows scipy.stats.mannwhitneyu's "auto" method: the exact null distribution when both samples
/// have fewer than 8 values and there are no ties, otherwise the normal approximation with tie
/// correction and continuity correction. Two-sided.
public struct MannWhitneyU: Sendable, Equatable {
    /// U for the first sample: the number of pairs (x, y) with x > y, ties counting ½.
    public var u1: Double
    /// The two-sided p-value.
    public var pValue: Double
    /// Whether the exact distribution was used.
    public var isExact: Bool

    /// Tests `x` against `y`; nil when either is empty.
    public init?(_ x: [Double], _ y: [Double], exact: Bool? = nil) {
        let n1 = x.count
        let n2 = y.count
        guard n1 > 0, n2 > 0 else { return nil }
        let (ranks, tieGroups) = Self.ranks(x + y)
        let r1 = ranks[0..<n1].reduce(0, +)
        u1 = r1 - Double(n1 * (n1 + 1)) / 2
        let hasTies = tieGroups.contains { $0 > 1 }
        isExact = exact ?? (n1 < 8 && n2 < 8 && !hasTies)
        if isExact {
            pValue = Self.exactPValue(u: u1, n1: n1, n2: n2)
        } else {
            let n = Double(n1 + n2)
            let mean = Double(n1 * n2) / 2
            let tieTerm = tieGroups.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / (n * (n - 1))
            let sd = (Double(n1 * n2) / 12 * ((n + 1) - tieTerm)).squareRoot()
            if sd == 0 {
                pValue = 1
            } else {
                let u = max(u1, Double(n1 * n2) - u1)
                let z = (u - mean - 0.5) / sd
                pValue = min(1, 2 * Self.normalSurvival(z))
            }
        }
    }

    /// The smallest two-sided p-value the exact test can give for these sample sizes: if it is not
    /// below α, no difference can ever be significant, and a comparison must say "inconclusive".
    public static func smallestPossiblePValue(n1: Int, n2: Int) -> Double {
        guard n1 > 0, n2 > 0 else { return 1 }
        // 2 / C(n1 + n2, n1), in log space.
        let logChoose = lgamma(Double(n1 + n2 + 1)) - lgamma(Double(n1 + 1)) - lgamma(Double(n2 + 1))
        return min(1, 2 * exp(-logChoose))
    }

    /// Mid-ranks of `values` (1-based, ties share their average rank) and the sizes of tie groups.
    static func ranks(_ values: [Double]) -> ([Double], [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var groups: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = rank }
            groups.append(end - start + 1)
            start = end + 1
        }
        return (ranks, groups)
    }

    /// Two-sided exact p-value: 2 · P(U ≥ max(u, n1·n2 − u)) under the null, capped at 1.
    static func exactPValue(u: Double, n1: Int, n2: Int) -> Double {
        let counts = distribution(n1: n1, n2: n2)
        let total = counts.reduce(0, +)
        let high = Int(max(u, Double(n1 * n2) - u).rounded(.up))
        let tail = counts[min(high, counts.count)...].reduce(0, +)
        return min(1, 2 * tail / total)
    }

    /// How many arrangements give each U from 0 to n1·n2 (the recurrence of Mann and Whitney, 1947).
    static func distribution(n1: Int, n2: Int) -> [Double] {
        // f[i][j][u]: arrangements of i x-values and j y-values with statistic u.
        var table = [[[Double]]](repeating: [[Double]](repeating: [], count: n2 + 1), count: n1 + 1)
        for i in 0...n1 {
            for j in 0...n2 {
                if i == 0 || j == 0 {
                    table[i][j] = [Double](repeating: 0, count: i * j + 1)
                    table[i][j][0] = 1
                    continue
                }
                var row = [Double](repeating: 0, count: i * j + 1)
                // The largest value is an x (beating all j y-values) or a y.
                for (u, count) in table[i - 1][j].enumerated() { row[u + j] += count }
                for (u, count) in table[i][j - 1].enumerated() { row[u] += count }
                table[i][j] = row
            }
        }
        return table[n1][n2]
    }

    /// P(Z > z) for a standard normal Z.
    static func normalSurvival(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }
}
