import Foundation

/// `bench history`'s reports: Markdown (a table per cell's trend and the latest verdict) and JSON
/// (the ``History`` itself, which `scripts/plot.py` draws as a trend chart).
public enum HistoryFormatter {
    /// The Markdown report.
    public static func markdown(_ history: History) -> String {
        let settings = history.settings
        var out = "# bench history\n\n"
        out += "| # | Started | Result |\n|---:|---|---|\n"
        for (index, source) in history.sources.enumerated() {
            out += "| \(index + 1) | \(Format.timestamp(source.startedAt)) | `\(source.path)` |\n"
        }
        out +=
            "\nThe latest result (#\(history.sources.count)) against a rolling baseline: the \(settings.metric.rawValue) samples of the previous \(history.window) results, pooled; a cell regressed when it is more than ±\(Format.number(settings.threshold * 100))% worse and a Mann–Whitney U test finds the difference significant (α = \(Format.number(settings.alpha))).\n\n"
        let regressed = history.regressed
        out +=
            regressed.isEmpty
            ? "**No cell regressed.**\n\n"
            : "**Regressed: \(regressed.map { "\($0.cell)" }.joined(separator: "; ")).**\n\n"
        out += "| Cell | Medians, oldest → latest | Latest (95% CI) | Baseline median | Change | Verdict |\n"
        out += "|---|---|---|---:|---:|---|\n"
        for series in history.series {
            let value = { (v: Double) in settings.metric.format(v) }
            let trend = series.points.map { value($0.median) }.joined(separator: " → ")
            let last = series.points.last.flatMap { $0.source == history.sources.count - 1 ? $0 : nil }
            let latest =
                last.map { point in
                    value(point.median) + (point.low.map { " (\(value($0)) – \(value(point.high ?? $0)))" } ?? "")
                } ?? "not measured"
            if let comparison = series.latest {
                out +=
                    "| \(series.cell) | \(trend) | \(latest) | \(value(comparison.baselineMedian)) | \(comparison.relativeChange >= 0 ? "+" : "")\(Format.fixed(comparison.relativeChange * 100, 1))% | \(comparison.verdict.rawValue): \(comparison.reason) |\n"
            } else {
                out +=
                    "| \(series.cell) | \(trend) | \(latest) | – | – | \(last == nil ? "absent from the latest" : "new") |\n"
            }
        }
        return out
    }

    /// The JSON document: the history itself.
    public static func json(_ history: History) -> String {
        let data = try! ResultDocument.encoder().encode(history)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
