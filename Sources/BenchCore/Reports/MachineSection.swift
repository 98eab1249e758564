/// The machines of a merged result (`bench merge`), and each experiment side by side on them.
public enum MachineSection {
    /// The section, or "" for a result from one machine.
    public static func markdown(_ records: [MachineRecord]?, _ comparisons: [MachineComparison]) -> String {
        guard let records, records.count > 1 else { return "" }
        var out = "## Machines\n\n"
        out += "| Machine | CPU | Usable CPUs | OS | bench | Results |\n|---|---|---:|---|---|---|\n"
        for record in records {
            let machine = record.machine
            out +=
                "| \(record.label) | \(machine.cpuModel) | \(Format.number(machine.usableCPUs)) | \(machine.operatingSystem), \(machine.kernel) | \(machine.benchVersion) | \(record.sources.map { "`\($0)`" }.joined(separator: ", ")) |\n"
        }
        out += "\n"
        for comparison in comparisons {
            out += "**\(comparison.experiment.experimentName)**\n\n"
            out += "| Machine | Usable CPUs | Winner | Best parallel | Event-loop (one thread) |\n"
            out += "|---|---:|---|---|---:|\n"
            for row in comparison.rows {
                let winner = row.winner.map { "\($0.modelName) \(Format.ratio(row.winnerSpeedup ?? 0))" } ?? "–"
                let parallel =
                    row.bestParallel.map { "\($0.modelName) \(Format.ratio(row.bestParallelSpeedup ?? 0))" } ?? "–"
                out +=
                    "| \(row.machine) | \(Format.number(row.usableCPUs)) | \(winner) | \(parallel) | \(row.eventLoopSpeedup.map(Format.ratio) ?? "–") |\n"
            }
            out += "\n"
            if !comparison.sentence.isEmpty { out += comparison.sentence + "\n\n" }
        }
        out += "Every speedup is against the same machine's serial baseline; each machine's own tables follow.\n\n"
        return out
    }
}
