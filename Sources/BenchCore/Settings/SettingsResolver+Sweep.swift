import Foundation

extension SettingsResolver {
    /// `bench sweep`: a grid of worker counts × I/O fractions (or a search for the crossover),
    /// every point checked once.
    func resolveSweep() throws -> Settings {
        let workers = try SettingsLists.numbers(pick(\.cores)!, flag: "--cores", example: "1,2,4,8", Int.init)
        let given = flags.ioFractions?.text.trimmingCharacters(in: .whitespaces)
        let search = given == "auto"
        var fractions =
            search
            ? [0.5]
            : try SettingsLists.numbers(pick(\.ioFractions)!, flag: "--io-fraction", example: "0,0.5,1", Double.init)
        let task = try userTask()
        let workload = task?.name ?? pick(\.workloads)!.text
        let kind: WorkloadKind
        if task != nil || UserWorkloads.named(workload) != nil {
            kind = .user
            if flags.taskMilliseconds != nil {
                throw BenchError.usage(
                    "--task-ms does not apply to \(workload), whose calls take the time they take; drop --task-ms.")
            }
        } else if let entry = WorkloadCatalog.entry(named: workload) {
            kind = entry.kind
        } else {
            throw RunConfiguration.unknownWorkload(workload)
        }
        if kind != .mixed {
            guard flags.ioFractions == nil else {
                throw BenchError.usage(
                    "--io-fraction applies to the mixed workload only, and this sweep is of \(workload); sweep --workload mixed or drop --io-fraction."
                )
            }
            fractions = [kind == .io ? 1 : 0]
        }
        let models = try SettingsLists.models(pick(\.models)!)
        if search {
            guard kind == .mixed else {
                throw BenchError.usage(
                    "--io-fraction auto searches the mixed workload's I/O fraction; sweep --workload mixed.")
            }
            guard models.contains(.eventLoop), models.contains(where: \.isParallel) else {
                throw BenchError.usage(
                    "--io-fraction auto compares event-loop with the parallel models; give --models with event-loop and at least one of threads, async, processes."
                )
            }
        }
        let most = workers.last!
        var configuration = RunConfiguration(
            workloads: [workload], models: models, workers: most, tasks: try tasks(workers: most),
            taskMilliseconds: pick(\.taskMilliseconds)!, warmup: pick(\.warmup)!, coresAvailable: coresAvailable)
        try applyShared(to: &configuration)
        try apply(task, to: &configuration)
        configuration.simulation = try flags.simulate.map(Simulation.checked(cores:))
        try refuseBaselineWithoutEffect(configuration)
        // Every point of the grid is checked, not only the largest (the interpreter is probed
        // once, afterwards).
        for count in workers {
            var point = configuration
            point.workers = count
            try point.validate()
        }
        for fraction in fractions {
            var point = configuration
            point.ioFraction = fraction
            try point.validate()
        }
        return try settle(
            configuration, sweep: SweepConfiguration(workers: workers, ioFractions: fractions), search: search)
    }
}
