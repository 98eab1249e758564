/// Where one experiment ran in several runtimes (Swift and CPython): each model's speedup over
/// its own runtime's serial baseline, side by side, and what sets them apart, in words.
public struct RuntimeComparison: Codable, Sendable, Equatable {
    /// One model at one worker count, in every runtime.
    public struct Row: Codable, Sendable, Equatable {
        /// The model.
        public var model: ModelKind
        /// Its workers.
        public var workers: Int
        /// Speedup over the same runtime's serial, in ``RuntimeComparison/runtimes`` order; nil
        /// where the model did not run in that runtime (or has no successful sample).
        public var speedups: [Double?]
        /// Speedup counting the pool's start-up, where the model has one, in the same order.
        public var speedupsWithStartup: [Double?]
    }

    /// The experiment's serial cell in the first runtime.
    public var experiment: Cell
    /// The runtimes, in ``Runtime`` order.
    public var runtimes: [Runtime]
    /// One row per model and worker count, serial left out (it is 1.00x by definition).
    public var rows: [Row]
    /// The interpreter each runtime ran in (its GIL explains CPython's threads); empty when unknown.
    public var interpreters: [Runtime: InterpreterInfo]

    /// One comparison per experiment that ran in more than one runtime.
    static func make(_ families: [RunAnalysis.Family], interpreters: [Runtime: InterpreterInfo]) -> [RuntimeComparison]
    {
        let groups = RunAnalysis.Family.grouped(families) { cell in
            var key = cell
            key.runtime = .swift
            return key
        }
        return groups.compactMap { _, members in
            let group = members.sorted { $0.baseline.runtime < $1.baseline.runtime }
            guard group.count > 1 else { return nil }
            let runtimes = group.map(\.baseline.runtime)
            var points: [(model: ModelKind, workers: Int)] = []
            for cell in group.flatMap(\.cells) where cell.cell.model != .serial {
                if !points.contains(where: { $0.model == cell.cell.model && $0.workers == cell.cell.workers }) {
                    points.append((cell.cell.model, cell.cell.workers))
                }
            }
            points.sort { ($0.workers, $0.model) < ($1.workers, $1.model) }
            let rows = points.map { point in
                let cells = group.map { family in
                    family.cells.first { $0.cell.model == point.model && $0.cell.workers == point.workers }
                }
                return Row(
                    model: point.model, workers: point.workers, speedups: cells.map { $0?.speedup },
                    speedupsWithStartup: zip(cells, group).map { cell, family in
                        guard let cell, let startup = cell.startupSeconds,
                            let serial = family.cells.first(where: { $0.cell.model == .serial })
                        else { return nil }
                        return serial.wall.median / (cell.wall.median + startup)
                    })
            }
            return RuntimeComparison(
                experiment: group[0].baseline, runtimes: runtimes, rows: rows, interpreters: interpreters)
        }
    }

    /// The comparison in sentences, one per worker count: "cpu, 2 workers: Swift threads 1.98x
    /// over Swift serial; CPython threads 1.00x over CPython serial (the GIL lets one thread run
    /// Python at a time); CPython processes 1.93x (1.85x with start-up)". The article's three
    /// models (threads, processes, event-loop) speak for each runtime; the table has the rest.
    public var sentences: [String] {
        var workerCounts: [Int] = []
        for row in rows where !workerCounts.contains(row.workers) { workerCounts.append(row.workers) }
        return workerCounts.map { workers in
            var parts: [String] = []
            for (index, runtime) in runtimes.enumerated() {
                var first = true
                for row in rows where row.workers == workers && Self.spokenModels.contains(row.model) {
                    guard let speedup = row.speedups[index] else { continue }
                    var part = "\(runtime.displayName) \(row.model.rawValue) \(Format.ratio(speedup))"
                    if first { part += " over \(runtime.displayName) serial" }
                    if let whole = row.speedupsWithStartup[index] { part += " (\(Format.ratio(whole)) with start-up)" }
                    if let why = reason(runtime, row.model, speedup) { part += " (\(why))" }
                    parts.append(part)
                    first = false
                }
            }
            return "\(experiment.experimentName), \(workers) \(workers == 1 ? "worker" : "workers"): "
                + parts.joined(separator: "; ")
        }
    }

    /// The models the sentences name.
    static let spokenModels: [ModelKind] = [.threads, .processes, .eventLoop]

    /// Why a figure is what it is, where its runtime explains it.
    private func reason(_ runtime: Runtime, _ model: ModelKind, _ speedup: Double) -> String? {
        runtime.backend.reason(
            model: model, kind: experiment.kind, speedup: speedup, interpreter: interpreters[runtime])
    }
}
