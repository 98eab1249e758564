import Foundation

extension SettingsResolver {
    /// `bench run`: flags, then the workload file, then the defaults.
    func resolveRun() throws -> Settings {
        let models = try SettingsLists.models(pick(\.models)!)
        let workers = try pick(\.cores).map { try number($0, flag: "--cores", Int.init) } ?? coresAvailable
        let task = try userTask()
        let workloads = task.map { [$0.name] } ?? file.map { [$0.name] } ?? pick(\.workloads)!.presentItems
        var configuration = RunConfiguration(
            workloads: workloads, models: models, workers: workers, tasks: try tasks(workers: workers),
            taskMilliseconds: pick(\.taskMilliseconds)!, warmup: pick(\.warmup)!, coresAvailable: coresAvailable)
        configuration.workloadFile = file
        try applyShared(to: &configuration)
        try apply(task, to: &configuration)
        configuration.timeoutSeconds = flags.timeoutSeconds
        configuration.order = pick(\.order)!
        configuration.seed = pick(\.seed)!
        configuration.ioFraction = try number(pick(\.ioFractions)!, flag: "--io-fraction", Double.init)
        configuration.ioKind = pick(\.ioKind)!
        configuration.fileBytes = pick(\.fileBytes)!
        configuration.allocObjects = pick(\.allocObjects)!
        configuration.allocObjectBytes = pick(\.allocObjectBytes)!
        configuration.allocators = try SettingsLists.allocators(pick(\.allocators)!)
        configuration.recordTimeline = flags.trace == true || file?.trace == true
        if let text = flags.fault {
            guard let plan = FaultPlan(parsing: text) else {
                throw BenchError.usage(
                    "--inject-fault takes KIND:MODEL:REPETITION, e.g. segv:threads:2; kinds: \(FaultKind.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            configuration.fault = plan
        }
        if let text = flags.slowdown {
            guard let plan = SlowdownPlan(parsing: text) else {
                throw BenchError.usage(
                    "--inject-slowdown takes MODEL:FACTOR with a factor from 1 to 100, e.g. threads:2.")
            }
            configuration.slowdown = plan
        }
        configuration.simulation = try flags.simulate.map(Simulation.checked(cores:))
        try refuseFlagsWithoutEffect(configuration)
        try refuseBaselineWithoutEffect(configuration)
        return try settle(configuration)
    }

    /// One number of a one-value setting.
    func number<T>(_ list: ListSetting, flag: String, _ parse: (String) -> T?) throws -> T {
        guard let value = parse(list.text.trimmingCharacters(in: .whitespaces)) else {
            throw BenchError.usage("\(flag) '\(list.text)' is not a number.")
        }
        return value
    }

    /// What `run` and `sweep` share: repetitions and the baseline, runtimes and interpreters,
    /// isolation, and the usable CPUs.
    func applyShared(to configuration: inout RunConfiguration) throws {
        // The CPUs really usable: a CPU quota or cpuset can allow fewer than the affinity mask.
        if flags.simulate == nil { configuration.usableCPUs = machine.usableCPUs }
        try applyRepetitions(to: &configuration)
        configuration.runtimes = try SettingsLists.runtimes(pick(\.runtimes)!)
        if let methods = flags.startMethods {
            configuration.startMethods = try SettingsLists.startMethods(methods)
        }
        for (runtime, list) in flags.interpreters {
            configuration.interpreters[runtime] = try SettingsLists.interpreters(list, runtime: runtime)
        }
        // A workload file's interpreters apply where its runs measure CPython.
        if flags.interpreters[.python] == nil, let pythons = file?.pythons, configuration.runtimes.contains(.python) {
            configuration.interpreters[.python] = try SettingsLists.interpreters(
                ListSetting(items: pythons), runtime: .python)
        }
        if let states = flags.gilStates ?? fileInput.gilStates {
            configuration.gilStates = try SettingsLists.gilStates(states)
        }
        configuration.isolation = pick(\.isolation)!
    }

    /// The repetitions (a fixed count from the flag or the file, else auto) and the baseline.
    func applyRepetitions(to configuration: inout RunConfiguration) throws {
        if let baseline = flags.baseline {
            guard let mode = BaselineMode(rawValue: baseline) else {
                throw BenchError.usage("--baseline '\(baseline)' is not a mode; give measured or extrapolated.")
            }
            configuration.baseline = mode
        }
        let fileRepetitions = file?.repetitions
        if let text = flags.repetitions, text != "auto" {
            guard let count = Int(text) else {
                throw BenchError.usage(
                    "--repetitions '\(text)' is neither 'auto' nor a whole number; give auto, or a count such as 9.")
            }
            try refuseAutoOptions("--repetitions \(count) fixes the count")
            configuration.repetitions = count
            configuration.autoRepetitions = nil
        } else if flags.repetitions == nil, let fileRepetitions {
            try refuseAutoOptions("the workload file repeats each cell \(fileRepetitions) times")
            configuration.repetitions = fileRepetitions
            configuration.autoRepetitions = nil
        } else {
            var policy = AutoRepetitions()
            if let percent = flags.targetCIPercent { policy.target = percent / 100 }
            if let maximum = flags.maxRepetitions { policy.maximum = maximum }
            if let stop = flags.stop {
                guard let rule = AutoRepetitions.StopRule(rawValue: stop) else {
                    throw BenchError.usage("--stop '\(stop)' is not a rule; give verdict or precision.")
                }
                policy.stop = rule
            }
            configuration.autoRepetitions = policy
        }
    }

    private func refuseAutoOptions(_ why: String) throws {
        if flags.targetCIPercent != nil || flags.maxRepetitions != nil || flags.stop != nil {
            throw BenchError.usage(
                "--target-ci, --max-repetitions and --stop apply to --repetitions auto, but \(why); drop them or use --repetitions auto."
            )
        }
    }
}
