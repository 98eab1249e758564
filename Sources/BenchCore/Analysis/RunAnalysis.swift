/// Everything derived from a run's samples, computed once: per-cell summaries keyed by ``Cell``,
/// speedups against each cell's own serial baseline, the families of cells, their verdicts, a
/// sweep's crossover and the allocator comparison. Every formatter reads this one value.
public struct RunAnalysis: Sendable, Equatable {
    /// One experiment: a serial baseline and every cell measured against it.
    public struct Family: Sendable, Equatable {
        /// The serial cell; every cell of the family has it as ``Cell/baseline``.
        public var baseline: Cell
        /// The family's summarised cells, serial first, then in the order they were measured.
        public var cells: [CellSummary]
        /// Samples of the family that failed or timed out.
        public var unsuccessful: Int
        /// The verdict in words; nil without a serial baseline.
        public var verdict: FamilyVerdict?
    }

    /// One summary per cell, in the order cells first appear; a cell whose serial baseline has no
    /// successful sample is left out (there is nothing to compare it with).
    public var cells: [CellSummary]
    /// Each sample's derived figures, index for index with the samples; nil for a sample that
    /// failed or whose cell has no successful serial baseline.
    public var derived: [DerivedSample?]
    /// Each cell's successful wall times, in seconds, for tests between cells.
    public var walls: [Cell: [Double]]
    /// The families, in the order their baselines first appear.
    public var families: [Family]
    /// For a sweep, one point per family (I/O fraction); empty otherwise.
    public var crossover: [CrossoverPoint]
    /// Where several allocators ran: each model under each, per experiment.
    public var allocators: [AllocatorComparison]
    /// Where Swift and CPython ran: each model's speedup in each, per experiment.
    public var runtimes: [RuntimeComparison]
    /// Scalability laws fitted to each parallel model measured at several worker counts.
    public var scalability: [ScalabilityFit]
    /// For a mixed sweep, each worker count's crossover, predicted and measured.
    public var workerCrossovers: [WorkerCrossover]
    /// In a merged result, each experiment side by side on every machine that ran it.
    public var machines: [MachineComparison]
    /// For the user's own code, each experiment's results compared model by model with serial's.
    public var resultChecks: [ResultCheck] = []
    /// For a sweep, the ideal speedup over serial of each family (by its serial cell) at each of
    /// the sweep's worker counts (``IdealTime/speedup(serialWallSeconds:serial:workers:usableCPUs:)``).
    public var idealSpeedups: [Cell: [Int: Double]] = [:]

    private var index: [Cell: Int]

    /// Analyses `result`.
    public init(_ result: RunResult) {
        var walls: [Cell: [Double]] = [:]
        var groups: [Cell: [Sample]] = [:]
        var unsuccessful: [Cell: Int] = [:]
        var order: [Cell] = []
        for sample in result.samples {
            if groups[sample.cell] == nil && unsuccessful[sample.cell] == nil { order.append(sample.cell) }
            guard sample.status == .ok else {
                unsuccessful[sample.cell, default: 0] += 1
                continue
            }
            groups[sample.cell, default: []].append(sample)
            walls[sample.cell, default: []].append(sample.wallSeconds)
        }
        let serialMedians = Self.serialMedians(walls)
        let sources = Self.baselineSources(result.samples)
        self.walls = walls
        derived = Self.derive(result.samples, serialMedians: serialMedians, sources: sources)
        cells = order.compactMap { cell in
            guard let group = groups[cell], let serial = serialMedians[cell.baseline] else { return nil }
            var summary = Self.summarise(cell, group, serialWallSeconds: serial, unsuccessful: unsuccessful[cell] ?? 0)
            summary?.baseline = sources[cell.baseline]
            return summary
        }
        index = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1.cell, $0) })

        var familyOrder: [Cell] = []
        for cell in order where !familyOrder.contains(cell.baseline) { familyOrder.append(cell.baseline) }
        // Each family's usable CPUs are its own machine's (a merged result has several).
        var capacities: [Cell: Double] = [:]
        for sample in result.samples where capacities[sample.cell.baseline] == nil {
            capacities[sample.cell.baseline] = sample.capacity
        }
        let fallback = result.configuration.usableCPUCount
        let capacity = { (baseline: Cell) in capacities[baseline] ?? fallback }
        let summaries = cells
        families = familyOrder.map { baseline in
            let family = summaries.filter { $0.cell.baseline == baseline }
            let members = family.filter { $0.cell.model == .serial } + family.filter { $0.cell.model != .serial }
            let failed = unsuccessful.filter { $0.key.baseline == baseline }.values.reduce(0, +)
            return Family(
                baseline: baseline, cells: members, unsuccessful: failed,
                verdict: FamilyVerdict.make(
                    members, walls: walls, coresAvailable: capacity(baseline), unsuccessful: failed))
        }
        crossover = result.sweep == nil ? [] : families.compactMap { CrossoverPoint.make($0.cells, walls: walls) }
        allocators = AllocatorComparison.make(families)
        runtimes = RuntimeComparison.make(
            families, interpreters: result.machine.interpreters, calibrations: result.calibrations)
        scalability = ScalabilityFit.make(families, capacity: capacity)
        machines = MachineComparison.make(families, capacity: capacity)
        workerCrossovers = WorkerCrossover.make(result, families: families)
        resultChecks = ResultCheck.make(result.samples, families: families.map(\.baseline))
        for family in families {
            guard let sweep = result.sweep, let serial = family.cells.first(where: { $0.cell.model == .serial })
            else { continue }
            idealSpeedups[family.baseline] = Dictionary(
                uniqueKeysWithValues: sweep.workers.map {
                    (
                        $0,
                        IdealTime.speedup(
                            serialWallSeconds: serial.wall.median, serial: serial.cell, workers: $0,
                            usableCPUs: fallback)
                    )
                })
        }
    }

    /// Each sample's figures against its cell's serial baseline, index for index; nil for a sample
    /// that failed or has no successful baseline. This alone is what the per-sample CSV and
    /// `bench compare` need, without summaries or verdicts.
    public static func derive(_ samples: [Sample]) -> [DerivedSample?] {
        var walls: [Cell: [Double]] = [:]
        for sample in samples where sample.status == .ok && sample.cell.model == .serial {
            walls[sample.cell, default: []].append(sample.wallSeconds)
        }
        return derive(samples, serialMedians: serialMedians(walls), sources: baselineSources(samples))
    }

    /// How each serial baseline was obtained: from every task, or extrapolated from a prefix
    /// (the fewest tasks any of its successful samples ran).
    private static func baselineSources(_ samples: [Sample]) -> [Cell: BaselineSource] {
        var sources: [Cell: BaselineSource] = [:]
        for sample in samples where sample.status == .ok && sample.cell.model == .serial {
            let source = sample.baselineSource
            if let known = sources[sample.cell], known.measuredTasks <= source.measuredTasks { continue }
            sources[sample.cell] = source
        }
        return sources
    }

    private static func serialMedians(_ walls: [Cell: [Double]]) -> [Cell: Double] {
        walls.filter { $0.key.model == .serial }.compactMapValues { Stats.median($0) }
    }

    private static func derive(
        _ samples: [Sample], serialMedians: [Cell: Double], sources: [Cell: BaselineSource]
    ) -> [DerivedSample?] {
        samples.map { sample in
            guard sample.status == .ok, let serial = serialMedians[sample.cell.baseline] else { return nil }
            let ideal = idealWallSeconds(sample.cell, coresAvailable: sample.capacity, serialWallSeconds: serial)
            let speedup = sample.wallSeconds > 0 ? serial / sample.wallSeconds : 0
            return DerivedSample(
                sample: sample, speedup: speedup,
                efficiency: speedup
                    / max(1, Bounds.parallelCPUs(workers: sample.cell.workers, usableCPUs: sample.capacity)),
                idealWallSeconds: ideal, vsIdeal: ideal > 0 ? sample.wallSeconds / ideal : 0,
                baseline: sources[sample.cell.baseline]
                    ?? BaselineSource(measuredTasks: sample.cell.tasks, tasks: sample.cell.tasks))
        }
    }

    /// The summary of `cell`, if it was measured and has a baseline.
    public func summary(of cell: Cell) -> CellSummary? {
        index[cell].map { cells[$0] }
    }

    /// The families whose cells were measured under `workload`, of every parameter.
    public func families(workload: String) -> [Family] {
        families.filter { $0.baseline.workload == workload }
    }

    private static func summarise(
        _ cell: Cell, _ group: [Sample], serialWallSeconds serial: Double,
        unsuccessful: Int
    ) -> CellSummary? {
        let walls = group.map(\.wallSeconds)
        guard let wall = Summary(walls), let cpu = Summary(group.map(\.cpuSeconds)) else { return nil }
        let cores = group[0].coresAvailable
        let capacity = group[0].capacity
        let ideal = idealWallSeconds(cell, coresAvailable: capacity, serialWallSeconds: serial)
        let speedup = wall.median > 0 ? serial / wall.median : 0
        let latencies = group.compactMap(\.latency)
        let ready = group.compactMap(\.readyDelay)
        var summary = CellSummary(
            cell: cell, wall: wall, wallInterval: MedianConfidenceInterval(walls),
            wallOutliers: Outliers.indices(walls).map { walls[$0] },
            latency: latencies.isEmpty
                ? nil
                : LatencySummary(
                    p50Seconds: Stats.median(latencies.map(\.p50Seconds))!,
                    p90Seconds: Stats.median(latencies.map(\.p90Seconds))!,
                    p99Seconds: Stats.median(latencies.map(\.p99Seconds))!,
                    maxSeconds: latencies.map(\.maxSeconds).max()!),
            unsuccessful: unsuccessful, cpu: cpu,
            utilisationCores: Stats.median(group.map(\.utilisationCores)) ?? 0,
            startupSeconds: Stats.median(group.compactMap(\.startupSeconds)),
            speedup: speedup,
            efficiency: speedup / max(1, Bounds.parallelCPUs(workers: cell.workers, usableCPUs: capacity)),
            idealWallSeconds: ideal, vsIdeal: ideal > 0 ? wall.median / ideal : 0, coresAvailable: cores,
            argumentBytesPerCall: Stats.median(group.compactMap(\.argumentBytesPerCall)),
            resultBytesPerCall: Stats.median(group.compactMap(\.resultBytesPerCall)))
        if !ready.isEmpty {
            summary.readyDelay = ReadyDelay(
                p50Seconds: Stats.median(ready.map(\.p50Seconds))!, p99Seconds: Stats.median(ready.map(\.p99Seconds))!,
                maxSeconds: ready.map(\.maxSeconds).max()!, idleShare: Stats.median(ready.map(\.idleShare))!)
        }
        return summary
    }

    private static func idealWallSeconds(_ cell: Cell, coresAvailable: Double, serialWallSeconds: Double) -> Double {
        // A file task takes as long as the device does, not --task-ms: take its time from serial.
        let taskSeconds =
            cell.ioKind == .file && cell.kind == .io ? serialWallSeconds / Double(max(1, cell.tasks)) : cell.taskSeconds
        return IdealTime.wallSeconds(
            kind: cell.kind, model: cell.model, workers: cell.workers,
            tasks: cell.tasks, taskSeconds: taskSeconds,
            serialWallSeconds: serialWallSeconds, coresAvailable: coresAvailable,
            ioFraction: cell.ioFraction)
    }
}

extension RunAnalysis.Family {
    /// The family's serial cell, where it has a successful sample.
    public var serial: CellSummary? { cells.first { $0.cell.model == .serial } }

    /// `families` grouped by `key` (each baseline with one dimension erased: the allocator, the
    /// runtime, the machine), in the order each key first appears: the experiments a comparison
    /// across that dimension puts side by side.
    static func grouped(_ families: [RunAnalysis.Family], by key: (Cell) -> Cell) -> [(
        key: Cell, families: [RunAnalysis.Family]
    )] {
        var order: [Cell] = []
        var groups: [Cell: [RunAnalysis.Family]] = [:]
        for family in families {
            let erased = key(family.baseline)
            if groups[erased] == nil { order.append(erased) }
            groups[erased, default: []].append(family)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
