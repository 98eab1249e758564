/// The part of a sweep's Markdown report that answers the question: for each share of waiting,
/// which model wins, and from where on does concurrency on one thread keep up with parallelism?
/// Charts are Mermaid `xychart-beta`, which GitHub renders with no tools.
public enum CrossoverSection {
    /// The section, or "" for a result that is not a sweep.
    public static func markdown(_ report: Report) -> String {
        let result = report.result
        guard let sweep = result.sweep else { return "" }
        let points = report.analysis.crossover
        guard !points.isEmpty else { return "" }
        var out = "## Crossover: where parallelism stops beating concurrency\n\n"
        out +=
            "The winner is the cheapest model within the noise of the fastest (within 5%, or not significantly different by a Mann–Whitney U test): when one thread keeps up, it is the answer.\n\n"
        let runtimes =
            Set(points.map { RuntimeComparison.Column($0.family) }).count > 1
        out +=
            "| I/O fraction |\(runtimes ? " Runtime |" : "") Winner | Its speedup | Best parallel | Event-loop (one thread) | Event-loop vs parallel |\n"
        out += "|---:|\(runtimes ? "---|" : "")---|---:|---|---|---|\n"
        for point in points {
            let parallel = point.bestParallel.map { "\($0.cell.modelName): \(Format.ratio($0.speedup))" } ?? "–"
            let concurrent = point.bestConcurrent.map { "× \($0.cell.workers): \(Format.ratio($0.speedup))" } ?? "–"
            let comparison: String
            if let p = point.bestParallel, let c = point.bestConcurrent, let test = point.concurrentAgainstParallel {
                let ratio = c.wall.median / p.wall.median
                comparison =
                    test.isWithinNoise
                    ? "matches (\(Format.ratio(ratio)) the time\(test.pValue.map { ", p = \(Format.fixed($0, 3))" } ?? ""))"
                    : "\(Format.ratio(ratio)) slower\(test.pValue.map { " (p = \(Format.fixed($0, 3)))" } ?? "")"
            } else {
                comparison = "–"
            }
            out +=
                "| \(Format.number(point.ioFraction)) |\(runtimes ? " \(RuntimeComparison.Column(point.family).displayName) |" : "") \(point.winner.cell.modelName) | \(Format.ratio(point.winner.speedup)) | \(parallel) | \(concurrent) | \(comparison) |\n"
        }
        out += "\n" + verdict(points, cores: result.configuration.usableCPUCount) + "\n\n"
        out += prediction(report.analysis.workerCrossovers, usableCPUs: result.configuration.usableCPUCount)
        out += charts(report, sweep: sweep, points: points)
        return out
    }

    /// Each worker count's crossover, predicted beside measured, and where they disagree.
    static func prediction(_ crossovers: [WorkerCrossover], usableCPUs: Double) -> String {
        guard !crossovers.isEmpty else { return "" }
        let runtimes = Set(crossovers.map(\.runtimeName)).count > 1
        var out = "### Predicted and measured crossover, per worker count\n\n"
        out +=
            "Predicted: one thread needs the whole compute, tasks × (1 − f) × task time; the parallel models that over min(workers, "
            + "\(Format.number(usableCPUs)) usable CPUs); both at least ⌈tasks ÷ workers⌉ rounds of a whole task. One thread keeps up from the fraction where its compute falls to the rounds. Measured: the I/O fraction from which event-loop's median was within \(Format.percent(WorkerCrossover.keepsUpWithin)) of the best parallel model's\(crossovers.contains(where: \.searched) ? " (a bisection, `--io-fraction auto`)" : " (on this grid)").\n\n"
        out +=
            "| Workers |\(runtimes ? " Runtime |" : "") Predicted | Measured | Points measured (f: event-loop ÷ best parallel) |\n"
        out += "|---:|\(runtimes ? "---|" : "")---:|---|---|\n"
        var notes: [String] = []
        for crossover in crossovers {
            let steps = crossover.steps.map {
                "\(Format.number($0.ioFraction)): \(Format.fixed($0.ratio, 2))\($0.keepsUp ? " ✓" : "")"
            }
            out +=
                "| \(crossover.workers) |\(runtimes ? " \(crossover.runtimeName) |" : "") \(Format.fixed(crossover.predicted, 3)) | \(crossover.measuredText) | \(steps.joined(separator: ", ")) |\n"
            let gap = crossover.disagreement
            if abs(gap) > 0.02 {
                notes.append(
                    "At \(crossover.workers) workers the measurement (\(crossover.measuredText)) is \(Format.fixed(abs(gap), 2)) \(gap < 0 ? "below" : "above") the prediction (\(Format.fixed(crossover.predicted, 3))): \(gap < 0 ? "one thread kept up earlier than the bounds say: the parallel models paid overheads the bounds leave out (hand-off, wake-ups, contention)" : "one thread kept up later than the bounds say: its own overheads (switching between tasks, timers) count where the bounds assume none")."
                )
            }
        }
        out += "\n"
        if !notes.isEmpty { out += notes.joined(separator: " ") + "\n\n" }
        return out
    }

    /// The crossover in sentences a newcomer understands, with the numbers.
    static func verdict(_ points: [CrossoverPoint], cores: Double) -> String {
        var sentences: [String] = []
        if let first = points.first, let p = first.bestParallel, let c = first.bestConcurrent {
            sentences.append(
                "At I/O fraction \(Format.number(first.ioFraction)) (\(Format.percent(1 - first.ioFraction)) of each task computing), \(p.cell.modelName) ran \(Format.ratio(p.speedup)) faster than serial while \(c.cell.modelName) managed \(Format.ratio(c.speedup)): compute needs cores, and this machine has \(Format.number(cores))."
            )
        }
        if let crossover = points.first(where: { $0.concurrencyMatchesParallelism }), let p = crossover.bestParallel,
            let c = crossover.bestConcurrent
        {
            let stays = points.drop { $0.ioFraction < crossover.ioFraction }.allSatisfy(\.concurrencyMatchesParallelism)
            let isLast = crossover.ioFraction == points.last?.ioFraction
            sentences.append(
                "\(isLast ? "At" : "From") I/O fraction \(Format.number(crossover.ioFraction))\(stays && !isLast ? " up" : ""), one thread overlapping the waits kept up with parallelism: \(c.cell.modelName) \(Format.ratio(c.speedup)) against \(p.cell.modelName) \(Format.ratio(p.speedup)), the same within the measured noise. There waiting dominates, and concurrency alone is enough: the winner is \(crossover.winner.cell.modelName)."
            )
        } else {
            sentences.append(
                "At no I/O fraction measured did event-loop match the best parallel model: on this grid, parallelism always won."
            )
        }
        return sentences.joined(separator: " ")
    }

    /// Speedup against workers per model at each fraction, and wall time against I/O fraction at
    /// the most workers.
    static func charts(_ report: Report, sweep: SweepConfiguration, points: [CrossoverPoint]) -> String {
        let result = report.result
        let cells = report.analysis.cells
        let models = result.configuration.models.filter { $0 != .serial }
        let labels = sweep.workers.map(String.init).joined(separator: ", ")
        var out = "### Charts\n\n"
        for point in points {
            let here = cells.filter { $0.cell.baseline == point.family }
            var lines: [String] = []
            var top = 1.0
            for model in models {
                let values = sweep.workers.map { workers in
                    here.first { $0.cell.model == model && $0.cell.workers == workers }?.speedup ?? 0
                }
                top = max(top, values.max() ?? 0)
                lines.append("    line [\(values.map { Format.fixed($0, 2) }.joined(separator: ", "))]")
            }
            // The ideal, as the analysis computed it: as many times faster as usable cores for
            // compute, as workers for waiting.
            let ideal = sweep.workers.map { report.analysis.idealSpeedups[point.family]?[$0] ?? 0 }
            top = max(top, ideal.max() ?? 0)
            lines.append("    line [\(ideal.map { Format.fixed($0, 2) }.joined(separator: ", "))]")
            out +=
                "```mermaid\nxychart-beta\n    title \"I/O fraction \(Format.number(point.ioFraction)): speedup over serial\"\n"
            out +=
                "    x-axis \"workers\" [\(labels)]\n    y-axis \"speedup\" 0 --> \(Format.number(top.rounded(.up)))\n"
            out += lines.joined(separator: "\n") + "\n```\n\n"
        }
        out +=
            "Lines, in order: \((models.map(\.rawValue) + ["ideal"]).joined(separator: ", ")) (Mermaid's xychart has no legend).\n\n"

        if let most = sweep.workers.max(), points.count > 1 {
            var lines: [String] = []
            var top = 0.0
            for model in [ModelKind.serial] + models {
                let values = points.map { point -> Double in
                    let workers = model.workers(requested: most)
                    var cell = point.family
                    cell.model = model
                    cell.workers = workers
                    return (report.analysis.summary(of: cell)?.wall.median ?? 0) * 1000
                }
                top = max(top, values.max() ?? 0)
                lines.append("    line [\(values.map { Format.fixed($0, 1) }.joined(separator: ", "))]")
            }
            out += "```mermaid\nxychart-beta\n    title \"Median wall time with \(most) workers\"\n"
            out +=
                "    x-axis \"I/O fraction\" [\(points.map { "\"\(Format.number($0.ioFraction))\"" }.joined(separator: ", "))]\n"
            out += "    y-axis \"milliseconds\" 0 --> \(Format.number(top.rounded(.up)))\n"
            out += lines.joined(separator: "\n") + "\n```\n\n"
            out += "Lines, in order: \(([ModelKind.serial] + models).map(\.rawValue).joined(separator: ", ")).\n\n"
        }
        return out
    }
}
