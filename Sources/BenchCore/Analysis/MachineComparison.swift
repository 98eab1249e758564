/// Where one experiment ran on several machines (a merged result): each machine's usable CPUs,
/// winner and best speedups side by side, and what the difference says, in words.
public struct MachineComparison: Codable, Sendable, Equatable {
    /// One machine's figures for the experiment.
    public struct Row: Codable, Sendable, Equatable {
        /// The machine's label.
        public var machine: String
        /// Its usable CPUs.
        public var usableCPUs: Double
        /// The winner (the cheapest model within the noise of the fastest) and its speedup.
        public var winner: Cell?
        /// The winner's speedup over this machine's serial.
        public var winnerSpeedup: Double?
        /// The fastest parallel cell and its speedup.
        public var bestParallel: Cell?
        /// Its speedup.
        public var bestParallelSpeedup: Double?
        /// The fastest event-loop cell's speedup (one thread).
        public var eventLoopSpeedup: Double?
    }

    /// The experiment (``ResultMerger/experiment(_:)``: no machine, no task count).
    public var experiment: Cell
    /// One row per machine, in the order they were merged.
    public var rows: [Row]

    /// One comparison per experiment measured on more than one machine.
    static func make(_ families: [RunAnalysis.Family], capacity: (Cell) -> Double) -> [MachineComparison] {
        let merged = families.filter { !$0.baseline.machine.isEmpty }
        return RunAnalysis.Family.grouped(merged, by: ResultMerger.experiment).compactMap { key, group in
            guard Set(group.map(\.baseline.machine)).count > 1 else { return nil }
            return MachineComparison(
                experiment: key,
                rows: group.map { family in
                    let winner = family.verdict.flatMap { verdict in
                        family.cells.first { $0.cell == verdict.choice.winner }
                    }
                    let parallel = family.cells.filter { $0.cell.model.isParallel }.max { $0.speedup < $1.speedup }
                    let loop = family.cells.filter { $0.cell.model == .eventLoop }.max { $0.speedup < $1.speedup }
                    return Row(
                        machine: family.baseline.machine, usableCPUs: capacity(family.baseline),
                        winner: winner?.cell, winnerSpeedup: winner?.speedup, bestParallel: parallel?.cell,
                        bestParallelSpeedup: parallel?.speedup, eventLoopSpeedup: loop?.speedup)
                })
        }
    }

    /// The comparison in a sentence: "cpu: on AMD EPYC, 16 CPUs threads × 16 reached 15.3x; on AMD
    /// EPYC, 2 CPUs threads × 2 1.98x: compute scales with cores."
    public var sentence: String {
        let parts = rows.compactMap { row -> String? in
            guard let cell = row.bestParallel, let speedup = row.bestParallelSpeedup else { return nil }
            return "on \(row.machine) \(cell.modelName) \(Format.ratio(speedup))"
        }
        guard parts.count > 1 else { return "" }
        var text = "\(experiment.experimentName): " + parts.joined(separator: "; ")
        let speedups = rows.compactMap(\.bestParallelSpeedup)
        let cpus = rows.map(\.usableCPUs)
        let spread = (speedups.max() ?? 1) / max(speedups.min() ?? 1, 1e-9)
        let cpuSpread = (cpus.max() ?? 1) / max(cpus.min() ?? 1, 1e-9)
        switch experiment.kind {
        case .cpu, .alloc, .user:
            text +=
                spread > 1.2 && cpuSpread > 1.2
                ? ": compute scales with cores, so the machine with more usable CPUs went further."
                : ": the speedups stayed within \(Format.ratio(spread)) of each other."
        case .io:
            // Waiting needs no cores: each machine should be about as many times faster as it had
            // tasks in flight, whatever its CPUs.
            let followedWorkers = rows.allSatisfy { row in
                guard let cell = row.bestParallel, let speedup = row.bestParallelSpeedup else { return true }
                return speedup >= 0.8 * Double(min(cell.workers, cell.tasks))
            }
            text +=
                followedWorkers
                ? ": waiting does not need cores: each machine went about as many times faster as it had tasks in flight, whatever its CPUs."
                : ": waiting needs no cores, yet some machine fell short of its tasks in flight; the machines differ in more than their CPUs."
        case .mixed:
            text +=
                spread > 1.2
                ? ": the compute share scales with cores, the waiting share does not."
                : ": the speedups stayed within \(Format.ratio(spread)) of each other."
        }
        return text
    }
}
