/// When a run measured Swift and CPython, the report puts them side by side, cell by cell: every
/// speedup against its own runtime's serial baseline, never across runtimes.
public enum RuntimeSection {
    /// The section, or "" when only one runtime ran; `skipped` are the run's sentences about
    /// models or workloads a runtime has no counterpart of.
    public static func markdown(_ comparisons: [RuntimeComparison], skipped: [String]) -> String {
        guard !comparisons.isEmpty || !skipped.isEmpty else { return "" }
        var out = comparisons.isEmpty ? "## Runtimes\n\n" : "## Swift and CPython\n\n"
        for comparison in comparisons {
            let names = comparison.runtimes.map(\.displayName)
            out += "**\(comparison.experiment.workload)**"
            let runtimeNames = Runtime.allCases.map(\.displayName)
            let parameters = comparison.experiment.parameters.filter { !runtimeNames.contains($0) }
            if !parameters.isEmpty { out += " (\(parameters.joined(separator: ", ")))" }
            out += ": speedup over the same runtime's serial baseline\n\n"
            out += "| Model | Workers | " + names.joined(separator: " | ") + " |\n"
            out += "|---|---:|" + names.map { _ in "---:|" }.joined() + "\n"
            for row in comparison.rows {
                let figures = zip(row.speedups, row.speedupsWithStartup).map { speedup, whole in
                    guard let speedup else { return "–" }
                    return Format.ratio(speedup) + (whole.map { " (\(Format.ratio($0)) with start-up)" } ?? "")
                }
                out += "| \(row.model.rawValue) | \(row.workers) | " + figures.joined(separator: " | ") + " |\n"
            }
            out += "\n" + comparison.sentences.map { "- \($0)\n" }.joined() + "\n"
        }
        out += skipped.map { "> \($0)\n" }.joined(separator: ">\n")
        if !skipped.isEmpty { out += "\n" }
        return out
    }
}
