/// When a run measured several runtime instances (Swift and CPython, several interpreters, a
/// free-threaded build's GIL on and off), the report puts them side by side, cell by cell: every
/// speedup against its own instance's serial baseline, never across them; then how the
/// interpreters' serial figures compare on the same work.
public enum RuntimeSection {
    /// The section, or "" when only one instance ran; `skipped` are the run's sentences about
    /// models, workloads or interpreters a runtime has no counterpart of.
    public static func markdown(_ comparisons: [RuntimeComparison], skipped: [String]) -> String {
        guard !comparisons.isEmpty || !skipped.isEmpty else { return "" }
        var out = "## \(title(comparisons))\n\n"
        for comparison in comparisons {
            let names = comparison.columns.map(\.displayName)
            out += "**\(comparison.experiment.workload)**"
            let runtimeNames = Set(comparison.columns.map(\.instance.displayName) + Runtime.allCases.map(\.displayName))
            let parameters = comparison.experiment.parameters.filter {
                !runtimeNames.contains($0) && GILState(displayName: $0) == nil
            }
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

    /// "Swift and CPython" (the section as it always was), "CPython interpreters" when only
    /// CPython's ran, "Swift and CPython interpreters" when both and several interpreters did.
    static func title(_ comparisons: [RuntimeComparison]) -> String {
        guard !comparisons.isEmpty else { return "Runtimes" }
        let columns = comparisons.flatMap(\.columns)
        let swift = columns.contains { $0.instance.runtime == .swift }
        let pythons = Set(columns.filter { $0.instance.runtime == .python }.map(\.instance))
        if !swift && pythons.count == 1 { return "CPython with the GIL on and off" }
        let several = pythons.count > 1
        switch (swift, several) {
        case (true, false): return "Swift and CPython"
        case (true, true): return "Swift and CPython interpreters"
        default: return "CPython interpreters"
        }
    }
}
