extension Experiment {
    /// `bench sweep --io-fraction auto`: for each worker count (and runtime), measures serial,
    /// event-loop and the parallel models at the predicted crossover, then bisects on the measured
    /// ratio until the crossover is located within ±``WorkerCrossover/precision``. Every sample of
    /// every step is kept in the one result, each step a family of its own I/O fraction.
    public func runCrossoverSearch(
        workers: [Int], progress: (RunProgress) -> Void = { _ in },
        checkpoint: (RunResult) throws -> Void = { _ in }
    ) throws -> RunResult {
        // Calibrated once: every step's tasks come from the same rate.
        let preparation = try Preparation.measure(configuration, interpreters: interpreters)
        return try withServer { port in
            try search(
                workers: workers,
                planner: Planner(configuration: configuration, preparation: preparation, socketPort: port),
                progress: progress, checkpoint: checkpoint)
        }
    }

    /// The search of every worker count and runtime, with the plan's workloads.
    private func search(
        workers: [Int], planner: Planner, progress: (RunProgress) -> Void, checkpoint: (RunResult) throws -> Void
    ) throws -> RunResult {
        let parallel = configuration.models.filter { $0.isParallel }
        let usable = configuration.usableCPUCount
        var merged: RunResult?
        var searches: [WorkerCrossover] = []
        for spec in planner.workloads(ioFractions: [0.5]) {
            let models = parallel.filter(spec.runtime.supports)
            for count in workers {
                let cpus = CrossoverPrediction.parallelCPUs(
                    runtime: spec.runtime, models: configuration.models, usableCPUs: usable,
                    interpreter: planner.preparation.interpreters[spec.instance]?.running(spec.gil))
                let prediction = CrossoverPrediction.predict(
                    workers: count, tasks: configuration.tasks, usableCPUs: cpus)
                var search = WorkerCrossover(
                    searching: count, runtime: spec.instance, gil: spec.gil, predicted: prediction.ioFraction)
                if prediction.ioFraction == 0 {
                    // Nothing parallel to gain (one worker, or one usable CPU): one thread keeps up everywhere.
                    search.high = 0
                }
                while let fraction = search.next {
                    let step = planner.spec(spec.name, ioFraction: fraction, instance: spec.instance, gil: spec.gil)
                    let cells = planner.cells(step, workers: [count], models: [.eventLoop] + models)
                    let before = merged?.samples ?? []
                    let loop = harness(
                        [cells], workloads: [step], preparation: planner.preparation, order: .interleaved)
                    let result = try loop.run(
                        progress: progress,
                        checkpoint: { partial in
                            var whole = merged ?? partial
                            whole.samples = before + partial.samples
                            try checkpoint(whole)
                        })
                    if merged == nil {
                        merged = result
                    } else {
                        merged!.samples += result.samples
                        merged!.stops += result.stops
                        merged!.interrupted = result.interrupted
                    }
                    guard !result.interrupted else { break }
                    let ok = result.samples.filter { $0.status == .ok }
                    func median(_ model: ModelKind) -> Double? {
                        Stats.median(ok.filter { $0.cell.model == model }.map(\.wallSeconds))
                    }
                    guard let oneThread = median(.eventLoop),
                        let best = models.compactMap(median).min(), best > 0
                    else {
                        throw BenchError.failure(
                            "The crossover search at I/O fraction \(Format.number(fraction)) with \(count) workers got no successful event-loop or parallel sample; see the failed samples."
                        )
                    }
                    search.record(ioFraction: fraction, ratio: oneThread / best)
                }
                searches.append(search)
                if merged?.interrupted == true { break }
            }
        }
        guard var result = merged else {
            throw BenchError.usage(
                "The crossover search had nothing to measure; give --cores with at least one worker count.")
        }
        let fractions = Set(result.samples.map(\.cell.ioFraction)).sorted()
        result.sweep = SweepConfiguration(workers: workers, ioFractions: fractions, searches: searches)
        return result
    }
}
