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
            "The workload to sweep (mixed sweeps the I/O fraction; cpu and io only the workers). Default: \(SettingsDefaults.sweep.workloads!.text).",
            valueName: "name"))
    var workload: String?

    @Option(
        help: ArgumentHelp(
            "Worker counts, comma-separated. Default: \(SettingsDefaults.sweep.cores!.text).", valueName: "list"))
    var cores: String?

    @Option(
        name: .customLong("io-fraction"),
        help: ArgumentHelp(
            "I/O fractions (0…1), comma-separated; mixed workload only. 'auto' locates, for each worker count, the fraction from which event-loop keeps up with the best parallel model, within ±0.02 (a bisection starting at the predicted crossover). Default: \(SettingsDefaults.sweep.ioFractions!.text).",
            valueName: "list|auto"))
    var ioFraction: String?

    @Option(
        help: ArgumentHelp(
            "Models, comma-separated (serial is always measured). Default: \(SettingsDefaults.sweep.models!.text).",
            valueName: "names"))
    var models: String?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Tasks per sample. Default: 4 × the most workers.", valueName: "n"))
    var tasks: Int?

    @Option(
        name: .customLong("task-ms"), parsing: .unconditional,
        help: ArgumentHelp(
            "Duration of one task on one core, in milliseconds. Default: \(Format.number(SettingsDefaults.sweep.taskMilliseconds!)).",
            valueName: "ms"))
    var taskMilliseconds: Double?

    @OptionGroup var repetitionOptions: RepetitionOptions

    @OptionGroup var runtimeOptions: RuntimeOptions

    @OptionGroup var taskOptions: TaskOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Warm-up repetitions per point. Default: \(SettingsDefaults.sweep.warmup!).", valueName: "n")
    )
    var warmup: Int?

    @Option(help: ArgumentHelp("Where each sample runs: process or none. Default: process.", valueName: "mode"))
    var isolation: Isolation?

    @Option(parsing: .unconditional, help: .hidden)
    var simulate: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        var input = SettingsInput()
        input.workloads = workload.map { ListSetting($0) }
        input.cores = cores.map { ListSetting($0) }
        input.ioFractions = ioFraction.map { ListSetting($0) }
        input.models = models.map { ListSetting($0) }
        input.tasks = tasks
        input.taskMilliseconds = taskMilliseconds
        repetitionOptions.fill(&input)
        runtimeOptions.fill(&input)
        taskOptions.fill(&input)
        input.warmup = warmup
        input.isolation = isolation
        input.simulate = simulate
        let settings = try Measuring.settings {
            try SettingsResolver(.sweep, flags: input, machine: .current()).resolve()
        }
        let outputs = try output.plan()
        try Measuring.run(outputs: outputs, quiet: output.quiet) { progress, checkpoint in
            let experiment = Experiment(settings)
            return settings.searchesCrossover
                ? try experiment.runCrossoverSearch(
                    workers: settings.sweep!.workers, progress: progress, checkpoint: checkpoint)
                : try experiment.runSweep(settings.sweep!, progress: progress, checkpoint: checkpoint)
        }
    }
}
