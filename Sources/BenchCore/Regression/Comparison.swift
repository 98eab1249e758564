import Foundation

/// What a comparison decided for one cell.
public enum CellVerdict: String, Codable, Sendable {
    /// Worse by more than the threshold, and the U test says the difference is real.
    case regressed
    /// Better by more than the threshold, and the U test says the difference is real.
    case improved
    /// Within the threshold.
    case unchanged
    /// Beyond the threshold but not significant, or too few samples to tell: never a regression.
    case inconclusive
}

/// The comparison of one cell between a baseline and a current result.
public struct CellComparison: Codable, Sendable, Equatable {
    /// The cell.
    public var cell: CellKey
    /// Successful samples on each side.
    public var baselineCount: Int
    /// Successful samples in the current result.
    public var currentCount: Int
    /// Median of the metric in the baseline.
    public var baselineMedian: Double
    /// Median of the metric now.
    public var currentMedian: Double
    /// (current − baseline) ÷ baseline.
    public var relativeChange: Double
    /// Two-sided Mann–Whitney p-value; nil when too few samples for any test.
    public var pValue: Double?
    /// The decision.
    public var verdict: CellVerdict
    /// Why, in a sentence fragment.
    public var reason: String
}

/// Settings of a comparison.
public struct ComparisonSettings: Codable, Sendable, Equatable {
    /// What is compared.
    public var metric: Metric = .wall
    /// Relative change (0.05 = 5%) below which a cell is unchanged.
    public var threshold: Double = 0.05
    /// Significance level of the U test.
    public var alpha: Double = 0.05

    /// Creates settings.
    public init(metric: Metric = .wall, threshold: Double = 0.05, alpha: Double = 0.05) {
        self.metric = metric
        self.threshold = threshold
        self.alpha = alpha
    }
}

/// A whole comparison: every matched cell, and the cells on one side only.
public struct Comparison: Codable, Sendable, Equatable {
    /// The settings used.
    public var settings: ComparisonSettings
    /// Where the baseline came from.
    public var baselinePath: String
    /// Where the current result came from.
    public var currentPath: String
    /// Cells in both, in a stable order.
    public var cells: [CellComparison]
    /// Cells only the baseline has.
    public var onlyInBaseline: [CellKey]
    /// Cells only the current result has.
    public var onlyInCurrent: [CellKey]
    /// Why the machines differ, when they do and the comparison was allowed anyway.
    public var machineDifference: String?

    /// Whether any cell regressed: the comparison's exit status depends on this alone.
    public var hasRegression: Bool { cells.contains { $0.verdict == .regressed } }

    /// Compares `current` against `baseline` cell by cell.
    public init(baseline: LoadedResult, current: LoadedResult, settings: ComparisonSettings, machineDifference: String? = nil) {
        self.settings = settings
        baselinePath = baseline.path
        currentPath = current.path
        self.machineDifference = machineDifference
        func group(_ result: LoadedResult) -> [CellKey: [Double]] {
            var groups: [CellKey: [Double]] = [:]
            for sample in result.samples {
                if let value = sample.values[settings.metric] { groups[sample.cell, default: []].append(value) }
            }
            return groups
        }
        let before = group(baseline)
        let after = group(current)
        onlyInBaseline = Set(before.keys).subtracting(after.keys).sorted()
        onlyInCurrent = Set(after.keys).subtracting(before.keys).sorted()
        cells = Set(before.keys).intersection(after.keys).sorted().map { key in
            Self.compare(key, before[key]!, after[key]!, settings)
        }
    }

    /// The decision for one cell: a change counts only when it is both larger than the threshold
    /// and statistically significant; with too few samples for significance it is inconclusive.
    static func compare(_ key: CellKey, _ baseline: [Double], _ current: [Double], _ settings: ComparisonSettings) -> CellComparison {
        let baseMedian = Stats.median(baseline)!
        let currentMedian = Stats.median(current)!
        let change = baseMedian == 0 ? 0 : (currentMedian - baseMedian) / abs(baseMedian)
        let worse = settings.metric.polarity == .smallerIsBetter ? change > 0 : change < 0
        var result = CellComparison(cell: key, baselineCount: baseline.count, currentCount: current.count,
                                    baselineMedian: baseMedian, currentMedian: currentMedian, relativeChange: change,
                                    pValue: nil, verdict: .unchanged, reason: "")
        let changeText = "\(change >= 0 ? "+" : "")\(Format.fixed(change * 100, 1))%"
        if MannWhitneyU.smallestPossiblePValue(n1: baseline.count, n2: current.count) >= settings.alpha {
            result.verdict = abs(change) <= settings.threshold ? .unchanged : .inconclusive
            result.reason = "\(baseline.count) and \(current.count) samples are too few for the U test to reach α = \(Format.number(settings.alpha)); \(changeText)"
            return result
        }
        let test = MannWhitneyU(baseline, current)!
        result.pValue = test.pValue
        let significant = test.pValue < settings.alpha
        if abs(change) <= settings.threshold {
            result.verdict = .unchanged
            result.reason = "\(changeText), within the ±\(Format.number(settings.threshold * 100))% threshold"
        } else if significant {
            result.verdict = worse ? .regressed : .improved
            result.reason = "\(changeText) \(worse ? "worse" : "better"), significant (p = \(Format.fixed(test.pValue, 4)))"
        } else {
            result.verdict = .inconclusive
            result.reason = "\(changeText) but not significant (p = \(Format.fixed(test.pValue, 4)) ≥ \(Format.number(settings.alpha)))"
        }
        return result
    }
}
