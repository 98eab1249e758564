import ArgumentParser
import BenchCore
import Foundation

extension Isolation: ExpressibleByArgument {}
extension RunOrder: ExpressibleByArgument {}
extension IOKind: ExpressibleByArgument {}

/// `bench run` (the default): measure workloads under execution models and write CSV and Markdown.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run workloads under each execution model and report wall time, CPU time and speedups."
    )

    @Option(
        help: ArgumentHelp(
            "Workloads to run, comma-separated: \(WorkloadCatalog.names.joined(separator: ", ")); or one workload file: a name in workloads/ (seed-threads) or a path to a .yaml. Default: cpu,io, the contrast bench exists to show.",
            valueName: "names"))
    var workload: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Degree of parallelism: pool threads, or async tasks in flight. Default: the CPUs this process may run on. More is allowed (oversubscription).",
            valueName: "n"))
    var cores: Int?

    @Option(
        help: ArgumentHelp(
            "Models, comma-separated: \(ModelKind.allCases.map(\.rawValue).joined(separator: ", ")). Serial is always measured: speedups are computed against it.",
            valueName: "names"))
    var models: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Tasks per sample. Default: 4 × --cores, enough to keep every worker busy.", valueName: "n"))
    var tasks: Int?

    @Option(
        name: .customLong("task-ms"), parsing: .unconditional,
        help: ArgumentHelp(
            "Duration of one task on one core, in milliseconds (cpu: calibrated compute; io: a wait).", valueName: "ms")
    )
    var taskMilliseconds: Double?

    @Option(
        name: .customLong("io-fraction"), parsing: .unconditional,
        help: ArgumentHelp(
            "For the mixed workload: the share of each task spent waiting, 0 (all compute) to 1 (all waiting).",
            valueName: "f"))
    var ioFraction: Double?

    @Option(
        help: ArgumentHelp(
            "Allocators to run every cell under, comma-separated: system, jemalloc (loaded into each sample's process with LD_PRELOAD). Default: system.",
            valueName: "list"))
    var allocator: String?

    @Option(
        name: .customLong("alloc-objects"), parsing: .unconditional,
        help: ArgumentHelp(
            "Objects each alloc task allocates. Default: \(RunConfiguration.Defaults.allocObjects).", valueName: "n"))
    var allocObjects: Int?

    @Option(
        name: .customLong("alloc-bytes"), parsing: .unconditional,
        help: ArgumentHelp(
            "Bytes per object of alloc tasks. Default: \(RunConfiguration.Defaults.allocObjectBytes).", valueName: "n"))
    var allocBytes: Int?

    @Option(
        name: .customLong("io-kind"),
        help: ArgumentHelp(
            "How io and mixed tasks wait: sleep, file (write, fsync and read back a temporary file) or socket (a request to a loopback TCP server the harness runs).",
            valueName: "kind"))
    var ioKind: IOKind?

    @Option(
        name: .customLong("file-bytes"), parsing: .unconditional,
        help: ArgumentHelp(
            "Bytes each task writes and reads back with --io-kind file. Default: \(RunConfiguration.Defaults.fileBytes).",
            valueName: "n"))
    var fileBytes: Int?

    @OptionGroup var repetitionOptions: RepetitionOptions

    @OptionGroup var runtimeOptions: RuntimeOptions

    @OptionGroup var taskOptions: TaskOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Warm-up repetitions per model, run first and not recorded.", valueName: "n"))
    var warmup: Int?

    @Option(
        help: ArgumentHelp(
            "Write every task's start and end, on the lane of the thread or process that ran it, as a Chrome trace (open in ui.perfetto.dev).",
            valueName: "path"))
    var trace: String?

    @Option(
        help: ArgumentHelp(
            "Sample order: interleaved (models alternate within each repetition, so drift hits all alike), grouped, or random. Default: interleaved.",
            valueName: "order"))
    var order: RunOrder?

    @Option(help: ArgumentHelp("Seed for --order random (default 1).", valueName: "n"))
    var seed: UInt64?

    @Option(
        help: ArgumentHelp(
            "Where each sample runs: 'process' (a fresh worker process per sample; a crash costs one sample) or 'none' (in this process, for debugging). Default: process.",
            valueName: "mode"))
    var isolation: Isolation?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds a sample may run before it is killed and recorded as timed_out. Default: 60, or 10 × the sample's serial duration if longer. Needs --isolation process.",
            valueName: "seconds"))
    var timeout: Double?

    @Option(
        name: .customLong("workloads-dir"),
        help: ArgumentHelp(
            "Folder of workload files, searched first; then $BENCH_WORKLOADS, ./workloads, and the workloads/ of bench's checkout.",
            valueName: "dir"))
    var workloadsDirectory: String?

    @Option(name: .customLong("inject-fault"), help: .hidden)
    var injectFault: String?

    @Option(name: .customLong("inject-slowdown"), help: .hidden)
    var injectSlowdown: String?

    @Option(parsing: .unconditional, help: .hidden)
    var simulate: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let file = try WorkloadFile.referenced(by: workload, searching: workloadsDirectory)
        let settings = try Measuring.settings {
            try SettingsResolver(.run, flags: input, file: file, machine: .current()).resolve()
        }
        let configuration = settings.configuration
        let outputs = try output.plan(trace: trace ?? (configuration.recordTimeline ? "" : nil))
        try Measuring.run(outputs: outputs, quiet: output.quiet) { progress, checkpoint in
            try Experiment(settings).run(progress: progress, checkpoint: checkpoint)
        }
    }

    /// What the flags say, nothing more: the library applies the file, the defaults and the checks.
    var input: SettingsInput {
        var input = SettingsInput()
        input.workloads = workload.map { ListSetting($0) }
        input.models = models.map { ListSetting($0) }
        input.cores = cores.map { ListSetting(String($0)) }
        input.tasks = tasks
        input.taskMilliseconds = taskMilliseconds
        input.ioFractions = ioFraction.map { ListSetting(String($0)) }
        input.allocators = allocator.map { ListSetting($0) }
        input.allocObjects = allocObjects
        input.allocObjectBytes = allocBytes
        input.ioKind = ioKind
        input.fileBytes = fileBytes
        repetitionOptions.fill(&input)
        runtimeOptions.fill(&input)
        taskOptions.fill(&input)
        input.warmup = warmup
        input.trace = trace != nil ? true : nil
        input.order = order
        input.seed = seed
        input.isolation = isolation
        input.timeoutSeconds = timeout
        input.fault = injectFault
        input.slowdown = injectSlowdown
        input.simulate = simulate
        return input
    }
}
