import ArgumentParser
import BenchCore
import Foundation

/// `bench sweep`: a grid over workers and I/O fraction, with the crossover verdict.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract:
            "Measure a grid of workers × I/O fraction and report, per I/O fraction, which model wins and where concurrency on one thread matches parallelism."
    )

    @Option(
        help: ArgumentHelp(
            "The workload to sweep (mixed sweeps the I/O fraction; cpu and io only the workers).", valueName: "name"))
    var workload = "mixed"

    @Option(help: ArgumentHelp("Worker counts, comma-separated.", valueName: "list"))
    var cores = "1,2,4,8"

    @Option(
        name: .customLong("io-fraction"),
        help: ArgumentHelp(
            "I/O fractions (0…1), comma-separated; mixed workload only. 'auto' locates, for each worker count, the fraction from which event-loop keeps up with the best parallel model, within ±0.02 (a bisection starting at the predicted crossover).",
            valueName: "list|auto"))
    var ioFraction: String?

    @Option(help: ArgumentHelp("Models, comma-separated (serial is always measured).", valueName: "names"))
    var models = "threads,async,event-loop,processes"

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Tasks per sample. Default: 4 × the most workers.", valueName: "n"))
    var tasks: Int?

    @Option(
        name: .customLong("task-ms"), parsing: .unconditional,
        help: ArgumentHelp("Duration of one task on one core, in milliseconds.", valueName: "ms"))
    var taskMilliseconds: Double = 20

    @OptionGroup var repetitionOptions: RepetitionOptions

    @OptionGroup var runtimeOptions: RuntimeOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Warm-up repetitions per point.", valueName: "n"))
    var warmup = 1

    @Option(help: ArgumentHelp("Where each sample runs: process or none.", valueName: "mode"))
    var isolation: Isolation = .process

    @Option(parsing: .unconditional, help: .hidden)
    var simulate: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let workers = try Self.list(cores, flag: "--cores", Int.init).sorted()
        let search = ioFraction?.trimmingCharacters(in: .whitespaces) == "auto"
        var fractions =
            search ? [0.5] : try Self.list(ioFraction ?? "0,0.5,0.9,1", flag: "--io-fraction", Double.init).sorted()
        guard let entry = WorkloadCatalog.entry(named: workload) else {
            throw BenchError.usage(
                "Unknown workload '\(workload)'; valid workloads: \(WorkloadCatalog.names.joined(separator: ", ")) (see 'bench list')."
            )
        }
        if entry.kind != .mixed {
            guard ioFraction == nil else {
                throw BenchError.usage(
                    "--io-fraction applies to the mixed workload only, and this sweep is of \(workload); sweep --workload mixed or drop --io-fraction."
                )
            }
            fractions = [entry.kind == .io ? 1 : 0]
        }
        let kinds = try ModelKind.list(from: models)
        if search {
            guard entry.kind == .mixed else {
                throw BenchError.usage(
                    "--io-fraction auto searches the mixed workload's I/O fraction; sweep --workload mixed.")
            }
            guard kinds.contains(.eventLoop), kinds.contains(where: \.isParallel) else {
                throw BenchError.usage(
                    "--io-fraction auto compares event-loop with the parallel models; give --models with event-loop and at least one of threads, async, processes."
                )
            }
        }
        var configuration = RunConfiguration(
            workloads: [workload], models: kinds, workers: workers.last!, tasks: tasks ?? 4 * workers.last!,
            taskMilliseconds: taskMilliseconds, warmup: warmup,
            coresAvailable: simulate ?? Sys.affinityCPUCount())
        if simulate == nil { configuration.usableCPUs = CPUCapacity.current().usableCPUs }
        try repetitionOptions.apply(to: &configuration)
        try runtimeOptions.apply(to: &configuration)
        configuration.isolation = isolation
        configuration.simulation = try simulate.map(Simulation.checked(cores:))
        for value in workers {
            var check = configuration
            check.workers = value
            try check.validate()
        }
        for fraction in fractions {
            var check = configuration
            check.ioFraction = fraction
            try check.validate()
        }
        try configuration.validate()
        let sweep = SweepConfiguration(workers: workers, ioFractions: fractions)
        let outputs = try output.plan()
        try Measuring.run(outputs: outputs, quiet: output.quiet) { progress, checkpoint in
            let harness = Experiment(configuration: configuration)
            return search
                ? try harness.runCrossoverSearch(workers: workers, progress: progress, checkpoint: checkpoint)
                : try harness.runSweep(sweep, progress: progress, checkpoint: checkpoint)
        }
    }

    /// Parses a comma-separated list, naming the flag when an item is not a number.
    static func list<T>(_ text: String, flag: String, _ parse: (String) -> T?) throws -> [T] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.isEmpty else { throw BenchError.usage("\(flag) needs at least one value.") }
        return try items.map { item in
            guard let value = parse(item) else {
                throw BenchError.usage(
                    "\(flag) '\(item)' is not a number; give a comma-separated list such as \(flag == "--cores" ? "1,2,4,8" : "0,0.5,1")."
                )
            }
            return value
        }
    }
}
