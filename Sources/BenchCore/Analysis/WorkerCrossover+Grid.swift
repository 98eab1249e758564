extension WorkerCrossover {
    /// One per worker count (and runtime) of a mixed sweep; empty otherwise.
    static func make(_ result: RunResult, families: [RunAnalysis.Family]) -> [WorkerCrossover] {
        guard let sweep = result.sweep, result.configuration.workloadKinds.contains(.mixed) else { return [] }
        let tasks = result.configuration.tasks
        let usable = { (runtime: RuntimeInstance, gil: GILState?) in
            CrossoverPrediction.parallelCPUs(
                runtime: runtime.runtime, models: result.configuration.models,
                usableCPUs: result.configuration.usableCPUCount,
                interpreter: result.machine.interpreters[runtime]?.running(gil))
        }
        if let searches = sweep.searches { return searches }
        var out: [WorkerCrossover] = []
        for column in Set(families.map { RuntimeComparison.Column($0.baseline) }).sorted() {
            let runtime = column.instance
            let grid = families.filter { RuntimeComparison.Column($0.baseline) == column && $0.baseline.kind == .mixed }
                .sorted { $0.baseline.ioFraction < $1.baseline.ioFraction }
            for workers in sweep.workers {
                var steps: [Step] = []
                for family in grid {
                    let here = family.cells.filter { $0.cell.workers == workers }
                    guard let oneThread = here.first(where: { $0.cell.model == .eventLoop }),
                        let best = here.filter({ $0.cell.model.isParallel }).map(\.wall.median).min(), best > 0
                    else { continue }
                    let ratio = oneThread.wall.median / best
                    steps.append(
                        Step(
                            ioFraction: family.baseline.ioFraction, ratio: ratio,
                            keepsUp: ratio <= 1 + keepsUpWithin))
                }
                guard !steps.isEmpty else { continue }
                let first = steps.firstIndex(where: \.keepsUp)
                out.append(
                    WorkerCrossover(
                        workers: workers, runtime: runtime, gil: column.gil,
                        predicted: CrossoverPrediction.predict(
                            workers: workers, tasks: tasks, usableCPUs: usable(runtime, column.gil)
                        ).ioFraction,
                        low: first.map { $0 > 0 ? steps[$0 - 1].ioFraction : nil } ?? steps.last?.ioFraction,
                        high: first.map { steps[$0].ioFraction }, searched: false, steps: steps))
            }
        }
        return out
    }

}
