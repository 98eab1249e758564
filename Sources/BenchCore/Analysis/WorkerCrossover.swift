/// For one worker count of a mixed sweep: the I/O fraction from which one thread (event-loop)
/// keeps up with the best parallel model, predicted from the bounds (``CrossoverPrediction``) and
/// measured, from the grid's families or from `--io-fraction auto`'s bisection.
public struct WorkerCrossover: Codable, Sendable, Equatable {
    /// Workers.
    public var workers: Int
    /// The runtime.
    public var runtime: Runtime
    /// The predicted crossover.
    public var predicted: Double
    /// The highest fraction measured where one thread did not keep up, below ``high``; nil when it
    /// kept up at the lowest fraction measured.
    public var low: Double?
    /// The lowest fraction measured where one thread kept up; nil when it never did.
    public var high: Double?
    /// Whether a bisection located it (so ``low`` and ``high`` are within ±0.02 of each other).
    public var searched: Bool
    /// The points measured: fraction, event-loop ÷ best parallel, kept up or not.
    public var steps: [CrossoverSearch.Step]

    /// One per worker count (and runtime) of a mixed sweep; empty otherwise.
    static func make(_ result: RunResult, families: [RunAnalysis.Family]) -> [WorkerCrossover] {
        guard let sweep = result.sweep, result.configuration.workloadKinds.contains(.mixed) else { return [] }
        let tasks = result.configuration.tasks
        let usable = { (runtime: Runtime) in
            CrossoverPrediction.parallelCPUs(
                runtime: runtime, models: result.configuration.models, usableCPUs: result.configuration.usableCPUCount,
                interpreter: result.machine.interpreters[runtime])
        }
        if let searches = sweep.searches {
            return searches.map {
                WorkerCrossover(
                    workers: $0.workers, runtime: $0.runtime, predicted: $0.predicted,
                    low: $0.low, high: $0.high, searched: true, steps: $0.steps)
            }
        }
        var out: [WorkerCrossover] = []
        for runtime in result.configuration.runtimes {
            let grid = families.filter { $0.baseline.runtime == runtime && $0.baseline.kind == .mixed }
                .sorted { $0.baseline.ioFraction < $1.baseline.ioFraction }
            for workers in sweep.workers {
                var steps: [CrossoverSearch.Step] = []
                for family in grid {
                    let here = family.cells.filter { $0.cell.workers == workers }
                    guard let oneThread = here.first(where: { $0.cell.model == .eventLoop }),
                        let best = here.filter({ $0.cell.model.isParallel }).map(\.wall.median).min(), best > 0
                    else { continue }
                    let ratio = oneThread.wall.median / best
                    steps.append(
                        CrossoverSearch.Step(
                            ioFraction: family.baseline.ioFraction, ratio: ratio,
                            keepsUp: ratio <= 1 + CrossoverSearch.keepsUpWithin))
                }
                guard !steps.isEmpty else { continue }
                let first = steps.firstIndex(where: \.keepsUp)
                out.append(
                    WorkerCrossover(
                        workers: workers, runtime: runtime,
                        predicted: CrossoverPrediction.predict(
                            workers: workers, tasks: tasks, usableCPUs: usable(runtime)
                        ).ioFraction,
                        low: first.map { $0 > 0 ? steps[$0 - 1].ioFraction : nil } ?? steps.last?.ioFraction,
                        high: first.map { steps[$0].ioFraction }, searched: false, steps: steps))
            }
        }
        return out
    }

    /// The measurement in words: "0.84 ± 0.02", "between 0.5 and 0.9", "at or below 0".
    public var measuredText: String {
        switch (low, high) {
        case (let low?, let high?) where searched:
            "\(Format.fixed((low + high) / 2, 2)) ± \(Format.fixed((high - low) / 2, 2))"
        case (let low?, let high?): "between \(Format.number(low)) and \(Format.number(high))"
        case (nil, let high?): "at or below \(Format.number(high))"
        case (let low?, nil): "above \(Format.number(low)) (one thread never kept up)"
        case (nil, nil): "–"
        }
    }

    /// How far the prediction is from the measured interval: 0 when inside it, else the distance
    /// to its nearer end (negative: the measurement is below the prediction).
    public var disagreement: Double {
        let lower = low ?? 0
        let upper = high ?? 1
        if predicted < lower { return lower - predicted }
        if predicted > upper { return upper - predicted }
        return 0
    }
}
