import ArgumentParser
import BenchCore

/// How a change is judged, shared by `compare` and `history`: the metric, the threshold, and
/// whether results from different machines may be judged together.
struct JudgingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "What to compare: wall, cpu, speedup or efficiency. Speedup and efficiency are ratios measured within one run, so they carry across machines.",
            valueName: "metric"))
    var metric: Metric = .wall

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Relative change within which a cell is unchanged, e.g. 5% or 0.05.", valueName: "percent"))
    var threshold = "5%"

    @Flag(help: "Compare even when the CPU model or core count differ (sensible with --metric speedup or efficiency).")
    var allowDifferentMachines = false

    /// The settings these options ask for; `correctsCommonShift` as the command decides.
    func settings(correctsCommonShift: Bool) throws -> ComparisonSettings {
        ComparisonSettings(
            metric: metric, threshold: try Self.parseThreshold(threshold), correctsCommonShift: correctsCommonShift)
    }

    /// "5%" → 0.05; "0.05" → 0.05.
    static func parseThreshold(_ text: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
        guard let value, value.isFinite else {
            throw BenchError.usage("--threshold '\(text)' is not a relative change; write it as 5% or 0.05.")
        }
        guard value >= 0, value < 10 else {
            throw BenchError.usage(
                "--threshold '\(text)' is out of range: it is the size of a change, without a sign, from 0% up to 1000%; write it as 5% or 0.05."
            )
        }
        return value
    }
}
