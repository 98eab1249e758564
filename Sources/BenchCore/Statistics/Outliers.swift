/// Outlier detection by the modified z-score of Iglewicz and Hoaglin (1993):
/// Mᵢ = 0.6745 · (xᵢ − median) ÷ MAD, flagging |Mᵢ| > 3.5.
///
/// Median and MAD are themselves robust, so one wild value cannot hide itself by inflating the
/// spread, as it can with a mean and standard deviation. Outliers are reported, never dropped:
/// a benchmark's slow runs are data.
public enum Outliers {
    /// The threshold Iglewicz and Hoaglin recommend.
    public static let threshold = 3.5

    /// The median absolute deviation from the median; nil for no values.
    public static func medianAbsoluteDeviation(_ values: [Double]) -> Double? {
        guard let median = Stats.median(values) else { return nil }
        return Stats.median(values.map { abs($0 - median) })
    }

    /// Each value's modified z-score, in order; all zero when the MAD is zero (most values equal).
    public static func modifiedZScores(_ values: [Double]) -> [Double] {
        guard let median = Stats.median(values), let mad = medianAbsoluteDeviation(values), mad > 0 else {
            return values.map { _ in 0 }
        }
        return values.map { 0.6745 * ($0 - median) / mad }
    }

    /// Indices of the values whose |modified z-score| exceeds ``threshold``.
    public static func indices(_ values: [Double]) -> [Int] {
        modifiedZScores(values).enumerated().filter { abs($0.element) > threshold }.map(\.offset)
    }
}
