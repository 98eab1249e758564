/// Descriptive statistics of a set of measurements.
public struct Summary: Codable, Sendable, Equatable {
    /// How many values were summarised.
    public var count: Int
    /// The middle value (mean of the two middle values for an even count).
    public var median: Double
    /// The arithmetic mean.
    public var mean: Double
    /// The sample standard deviation (n − 1 in the denominator); 0 for a single value.
    public var standardDeviation: Double
    /// The smallest value.
    public var min: Double
    /// The largest value.
    public var max: Double

    /// Standard deviation relative to the mean; 0 when the mean is 0.
    public var coefficientOfVariation: Double {
        mean == 0 ? 0 : standardDeviation / mean
    }

    /// Summarises `values`; nil when there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        median = Stats.percentile(sorted: sorted, 0.5)
        mean = sorted.reduce(0, +) / Double(sorted.count)
        let m = mean
        standardDeviation =
            sorted.count < 2
            ? 0
            : (sorted.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(sorted.count - 1)).squareRoot()
        min = sorted[0]
        max = sorted[sorted.count - 1]
    }
}

/// Pure statistical functions.
public enum Stats {
    /// The `p`-quantile (0…1) of already sorted values, interpolating linearly between closest
    /// ranks (Hyndman & Fan type 7, the default of R, NumPy and Excel).
    /// - Precondition: `sorted` is non-empty and sorted ascending.
    public static func percentile(sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "percentile of no values")
        let position = Swift.min(Swift.max(p, 0), 1) * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// The median of `values`; nil when there are none.
    public static func median(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : percentile(sorted: values.sorted(), 0.5)
    }
}
