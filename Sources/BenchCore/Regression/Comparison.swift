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
    public var cell: Cell
    /// Successful samples on each side.
    public var baselineCount: Int
    /// Successful samples in the current result.
    public var currentCount: Int
    /// Median of the metric in the baseline.
    public var baselineMedian: Double
    /// Median of the metric now.
    public var currentMedian: Double
    /// (current − baseline) ÷ baseline, after taking out the family's common shift when one was
    /// taken out (see ``Comparison/commonShifts``).
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
    /// Whether a shift shared by a whole family of cells (host drift) is taken out before each
    /// cell is judged.
    public var correctsCommonShift = true

    /// Families with fewer cells in common than this are judged without correction: a median of
    /// two changes cannot tell drift from one regressed cell.
    public static let cellsForCommonShift = 3

    /// Creates settings.
    public init(
        metric: Metric = .wall, threshold: Double = 0.05, alpha: Double = 0.05, correctsCommonShift: Bool = true
    ) {
        self.metric = metric
        self.threshold = threshold
        self.alpha = alpha
        self.correctsCommonShift = correctsCommonShift
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
    public var onlyInBaseline: [Cell]
    /// Cells only the current result has.
    public var onlyInCurrent: [Cell]
    /// Why the machines differ, when they do and the comparison was allowed anyway.
    public var machineDifference: String?
    /// The shift common to each family that was taken out before judging its cells.
    public var commonShifts: [CommonShift]

    /// Whether any cell regressed: the comparison's exit status depends on this alone.
    public var hasRegression: Bool { cells.contains { $0.verdict == .regressed } }

    /// Compares `current` against `baseline` cell by cell, matching on the whole ``Cell``.
    /// - Throws: ``BenchError/incomparable(_:)`` when the two share no cell, with a sentence naming
    ///   the dimensions in which they differ.
    public init(
        baseline: LoadedResult, current: LoadedResult, settings: ComparisonSettings, machineDifference: String? = nil
    ) throws {
        self.settings = settings
        baselinePath = baseline.path
        currentPath = current.path
        self.machineDifference = machineDifference
        func group(_ result: LoadedResult) -> [Cell: [Double]] {
            var groups: [Cell: [Double]] = [:]
            for sample in result.samples {
                if let value = sample.values[settings.metric] { groups[sample.cell, default: []].append(value) }
            }
            return groups
        }
        let before = group(baseline)
        let after = group(current)
        let common = Set(before.keys).intersection(after.keys)
        guard !common.isEmpty else {
            throw BenchError.incomparable(
                Self.noCommonCell(
                    Array(before.keys), Array(after.keys), baseline: baseline.path, current: current.path,
                    metric: settings.metric))
        }
        onlyInBaseline = Set(before.keys).subtracting(after.keys).sorted()
        onlyInCurrent = Set(after.keys).subtracting(before.keys).sorted()
        var shifts: [Cell: CommonShift] = [:]
        if settings.correctsCommonShift {
            for (family, members) in Dictionary(grouping: common, by: \.baseline)
            where members.count >= ComparisonSettings.cellsForCommonShift {
                let ratios = members.compactMap { cell -> Double? in
                    let (b, a) = (Stats.median(before[cell]!)!, Stats.median(after[cell]!)!)
                    return b > 0 ? a / b : nil
                }
                guard let median = Stats.median(ratios), median > 0 else { continue }
                shifts[family] = CommonShift(family: family, relativeChange: median - 1, cells: members.count)
            }
        }
        commonShifts = shifts.values.sorted { $0.family < $1.family }
        cells = common.sorted().map { key in
            let factor = 1 + (shifts[key.baseline]?.relativeChange ?? 0)
            return Self.compare(key, before[key]!.map { $0 * factor }, after[key]!, settings)
        }
    }

    /// Why two results with no cell in common cannot be compared: the dimensions whose values differ.
    static func noCommonCell(
        _ baseline: [Cell], _ current: [Cell], baseline baselinePath: String, current currentPath: String,
        metric: Metric
    ) -> String {
        guard !baseline.isEmpty, !current.isEmpty else {
            let empty = baseline.isEmpty ? baselinePath : currentPath
            return
                "\(empty) has no successful sample with a \(metric.rawValue) figure, so there is nothing to compare; measure it again."
        }
        func values(_ cells: [Cell], _ dimension: Cell.Dimension) -> [String] {
            var seen: [Cell.Value: String] = [:]
            for cell in cells { seen[cell.value(of: dimension)] = cell.text(of: dimension) }
            return seen.keys.sorted().map { seen[$0]! }
        }
        func list(_ items: [String]) -> String {
            items.count <= 4
                ? items.joined(separator: ", ")
                : items.prefix(4).joined(separator: ", ") + " and \(items.count - 4) more"
        }
        let differences = Cell.Dimension.allCases.compactMap { dimension -> String? in
            let (a, b) = (values(baseline, dimension), values(current, dimension))
            guard Set(a) != Set(b) else { return nil }
            let name =
                dimension.label == dimension.rawValue ? dimension.label : "\(dimension.label) (\(dimension.rawValue))"
            return "the baseline was measured with \(name) \(list(a)), the current result with \(list(b))"
        }
        let why =
            differences.isEmpty
            ? "each dimension's values occur in both, but never in the same combination"
            : differences.joined(separator: "; ")
        return
            "\(baselinePath) and \(currentPath) share no cell, so nothing can be compared: \(why). Compare results of the same experiment."
    }

    /// The decision for one cell: a change counts only when it is both larger than the threshold
    /// and statistically significant; with too few samples for significance it is inconclusive.
    static func compare(_ key: Cell, _ baseline: [Double], _ current: [Double], _ settings: ComparisonSettings)
        -> CellComparison
    {
        let baseMedian = Stats.median(baseline)!
        let currentMedian = Stats.median(current)!
        let change = baseMedian == 0 ? 0 : (currentMedian - baseMedian) / abs(baseMedian)
        let worse = settings.metric.polarity == .smallerIsBetter ? change > 0 : change < 0
        var result = CellComparison(
            cell: key, baselineCount: baseline.count, currentCount: current.count,
            baselineMedian: baseMedian, currentMedian: currentMedian, relativeChange: change,
            pValue: nil, verdict: .unchanged, reason: "")
        let changeText = "\(change >= 0 ? "+" : "")\(Format.fixed(change * 100, 1))%"
        if MannWhitneyU.smallestPossiblePValue(n1: baseline.count, n2: current.count) >= settings.alpha {
            result.verdict = .inconclusive
            result.reason =
                "\(baseline.count) and \(current.count) samples are too few for the U test to reach α = \(Format.number(settings.alpha)); \(changeText)"
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
            result.reason =
                "\(changeText) \(worse ? "worse" : "better"), significant (p = \(Format.fixed(test.pValue, 4)))"
        } else {
            result.verdict = .inconclusive
            result.reason =
                "\(changeText) but not significant (p = \(Format.fixed(test.pValue, 4)) ≥ \(Format.number(settings.alpha)))"
        }
        return result
    }
}
