import Foundation

/// `bench history`: each cell's median and interval over a series of results, ordered by when
/// they started, and the latest judged against a rolling baseline (the samples of the previous
/// ``window`` results, pooled) with the test `bench compare` uses.
public struct History: Codable, Sendable, Equatable {
    /// One result of the series.
    public struct Source: Codable, Sendable, Equatable {
        /// Where it was read from.
        public var path: String
        /// When it started.
        public var startedAt: Date
    }

    /// One cell in one result: its median and the median's 95% interval.
    public struct Point: Codable, Sendable, Equatable {
        /// The result's index in ``History/sources``.
        public var source: Int
        /// The median of the metric.
        public var median: Double
        /// The 95% interval of the median; nil with fewer than 6 samples.
        public var low: Double?
        /// Its upper end.
        public var high: Double?
        /// Samples.
        public var count: Int
    }

    /// One cell over time.
    public struct Series: Codable, Sendable, Equatable {
        /// The cell.
        public var cell: Cell
        /// Its points, oldest first (only the results that measured it).
        public var points: [Point]
        /// The latest result against the rolling baseline; nil when no earlier result measured it.
        public var latest: CellComparison?
    }

    /// The results, oldest first.
    public var sources: [Source]
    /// How many earlier results form the rolling baseline.
    public var window: Int
    /// The metric, threshold and test level.
    public var settings: ComparisonSettings
    /// Every cell of the latest result, and every earlier one, over time.
    public var series: [Series]

    /// Whether the latest result regressed in some cell.
    public var hasRegression: Bool { series.contains { $0.latest?.verdict == .regressed } }

    /// The cells that regressed.
    public var regressed: [Series] { series.filter { $0.latest?.verdict == .regressed } }

    /// Builds the history of `inputs` (each a path, its document and its comparable samples).
    /// - Throws: ``BenchError/usage(_:)`` for fewer than two results or a window under 1.
    public static func make(
        _ inputs: [(path: String, document: ResultDocument, loaded: LoadedResult)], window: Int,
        settings: ComparisonSettings
    ) throws -> History {
        guard inputs.count >= 2 else {
            throw BenchError.usage(
                "bench history needs two results or more (files or folders), oldest to newest in any order.")
        }
        guard window >= 1 else { throw BenchError.usage("--window \(window) must be at least 1 earlier result.") }
        let ordered = inputs.sorted { $0.document.result.startedAt < $1.document.result.startedAt }
        let values: [[Cell: [Double]]] = ordered.map { input in
            var groups: [Cell: [Double]] = [:]
            for sample in input.loaded.samples {
                if let value = sample.values[settings.metric] { groups[sample.cell, default: []].append(value) }
            }
            return groups
        }
        var cells: [Cell] = []
        for groups in values { for cell in groups.keys.sorted() where !cells.contains(cell) { cells.append(cell) } }
        let latest = values.count - 1
        // The latest must share a cell with an earlier result in the window, as compare requires.
        let earlierCells = Set(values[..<latest].suffix(window).flatMap(\.keys))
        if !values[latest].keys.contains(where: earlierCells.contains) {
            let previous = ordered[..<latest].suffix(window)
            throw BenchError.incomparable(
                Comparison.noCommonCell(
                    Array(earlierCells).sorted(), values[latest].keys.sorted(),
                    baseline: previous.map(\.path).joined(separator: ", "), current: ordered[latest].path,
                    metric: settings.metric))
        }
        let series = cells.map { cell -> Series in
            let points = values.enumerated().compactMap { index, groups -> Point? in
                guard let samples = groups[cell], let median = Stats.median(samples) else { return nil }
                let interval = MedianConfidenceInterval(samples)
                return Point(
                    source: index, median: median, low: interval?.lower, high: interval?.upper, count: samples.count)
            }
            var comparison: CellComparison?
            if let current = values[latest][cell] {
                let earlier = values[..<latest].suffix(window).compactMap { $0[cell] }.flatMap { $0 }
                if !earlier.isEmpty { comparison = Comparison.compare(cell, earlier, current, settings) }
            }
            return Series(cell: cell, points: points, latest: comparison)
        }
        return History(
            sources: ordered.map { Source(path: $0.path, startedAt: $0.document.result.startedAt) }, window: window,
            settings: settings, series: series)
    }
}
