/// When a run measured several allocators, the report compares them model by model and names the
/// winning combination of model and allocator, with the numbers and the reason.
public enum AllocatorSection {
    /// The section, or "" when only one allocator was measured.
    public static func markdown(_ comparisons: [AllocatorComparison]) -> String {
        guard !comparisons.isEmpty else { return "" }
        var out = "## Allocators\n\n"
        for comparison in comparisons {
            let allocators = comparison.allocators
            out +=
                "| Model | " + allocators.map { "\($0.rawValue) (median wall)" }.joined(separator: " | ")
                + " | \(allocators[1].rawValue) vs \(allocators[0].rawValue) |\n"
            out += "|---|" + allocators.map { _ in "---:|" }.joined() + "---:|\n"
            for row in comparison.rows {
                var ratio = "–"
                if let first = row.wallSeconds[0], let second = row.wallSeconds[1], first > 0, second > 0 {
                    ratio =
                        second <= first
                        ? "\(Format.ratio(first / second)) faster" : "\(Format.ratio(second / first)) slower"
                }
                out +=
                    "| \(row.cell.modelName) | "
                    + row.wallSeconds.map { $0.map(Format.duration) ?? "–" }.joined(separator: " | ")
                    + " | \(ratio) |\n"
            }
            out += "\n"
            if let fastest = comparison.fastest, let wall = comparison.fastestWallSeconds,
                let serial = comparison.serialWallSeconds
            {
                out +=
                    "**\(comparison.experiment.workload)**: the fastest combination was \(fastest.modelName) under \(fastest.allocator.rawValue), \(Format.duration(wall)), \(Format.ratio(serial / wall)) faster than serial under \(allocators[0].rawValue). "
                out += comparison.explanation + "\n\n"
            }
        }
        out +=
            "jemalloc's figures (bytes allocated, active and resident, allocation counts) are in samples.csv for samples under jemalloc; for `processes` and `spawn` they describe the sample's coordinating process, not its workers.\n\n"
        return out
    }
}
