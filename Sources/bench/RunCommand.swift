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
    var workload = "cpu,io"

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
            "Allocators to run every cell under, comma-separated: system, jemalloc (loaded into each sample's process with LD_PRELOAD).",
            valueName: "list"))
    var allocator = "system"

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
            "Sample order: interleaved (models alternate within each repetition, so drift hits all alike), grouped, or random.",
            valueName: "order"))
    var order: RunOrder = .interleaved

    @Option(help: ArgumentHelp("Seed for --order random (default 1).", valueName: "n"))
    var seed: UInt64?

    @Option(
        help: ArgumentHelp(
            "Where each sample runs: 'process' (a fresh worker process per sample; a crash costs one sample) or 'none' (in this process, for debugging).",
            valueName: "mode"))
    var isolation: Isolation = .process

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
        let file = try workloadFile()
        let configuration = try makeConfiguration(file: file)
        let outputs = try output.plan(trace: trace ?? (configuration.recordTimeline ? "" : nil))
        try Measuring.run(outputs: outputs, quiet: output.quiet) { progress, checkpoint in
            try Experiment(configuration: configuration).run(progress: progress, checkpoint: checkpoint)
        }
    }

    /// The workload file named by --workload, if it names one rather than built-ins.
    func workloadFile() throws -> WorkloadFile? {
        let names = workload.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let reference = names.first(where: { WorkloadCatalog.entry(named: $0) == nil }) else { return nil }
        let folders = WorkloadDirectory.searchPath(explicit: workloadsDirectory)
        let isPath = reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference.contains("/")
        guard let path = isPath ? WorkloadFile.locate(reference) : WorkloadDirectory.locate(reference, in: folders)
        else {
            // A path names a file the user meant: say it is missing, not that the name is unknown.
            if isPath {
                throw BenchError.usage(
                    "--workload \(reference): no such file; give the path of a workload file (.yaml) or a name: \(WorkloadCatalog.names.joined(separator: ", ")), or one in workloads/."
                )
            }
            throw BenchError.usage(
                "Unknown workload '\(reference)'; valid workloads: \(WorkloadCatalog.names.joined(separator: ", ")), or a workload file \(reference).yaml, looked for in \(folders.joined(separator: ", ")) (see 'bench list'; --workloads-dir or $\(WorkloadDirectory.environmentVariable) adds a folder)."
            )
        }
        guard names.count == 1 else {
            throw BenchError.usage("A workload file runs alone; run '\(reference)' without other workloads.")
        }
        return try WorkloadFile.load(path)
    }

    /// The plain configuration the library runs, checked: flags first, then the workload file's
    /// values, then the defaults.
    func makeConfiguration(file: WorkloadFile?) throws -> RunConfiguration {
        let kinds = try models.map(ModelKind.list(from:)) ?? file?.models ?? ModelKind.allCases
        let available = simulate ?? Sys.affinityCPUCount()
        let workers = cores ?? file?.cores ?? available
        var configuration = RunConfiguration(
            workloads: file.map { [$0.name] }
                ?? workload.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
            models: kinds, workers: workers, tasks: tasks ?? file?.tasks,
            taskMilliseconds: taskMilliseconds ?? file?.taskMilliseconds ?? 50,
            repetitions: file?.repetitions ?? RunConfiguration.defaultRepetitions,
            warmup: warmup ?? file?.warmup ?? 1,
            coresAvailable: available)
        configuration.workloadFile = file
        // The CPUs really usable: a CPU quota or cpuset can allow fewer than the affinity mask.
        if simulate == nil { configuration.usableCPUs = CPUCapacity.current().usableCPUs }
        try repetitionOptions.apply(to: &configuration, fileRepetitions: file?.repetitions)
        try runtimeOptions.apply(to: &configuration, fileRuntimes: file?.runtimes)
        configuration.isolation = isolation
        configuration.timeoutSeconds = timeout
        configuration.order = order
        configuration.seed = seed ?? 1
        // Flags first, then the file's values; otherwise the configuration keeps its defaults.
        if let value = ioFraction ?? file?.ioFraction { configuration.ioFraction = value }
        if let value = ioKind ?? file?.ioKind.flatMap(IOKind.init(rawValue:)) { configuration.ioKind = value }
        if let value = fileBytes ?? file?.fileBytes { configuration.fileBytes = value }
        if let allocObjects { configuration.allocObjects = allocObjects }
        if let allocBytes { configuration.allocObjectBytes = allocBytes }
        let allocatorNames = allocator.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !allocatorNames.contains("") else {
            throw BenchError.usage(
                "--allocator '\(allocator)' has an empty allocator name; give system, jemalloc or both, comma-separated."
            )
        }
        configuration.allocators = try allocatorNames.map { name in
            guard let kind = Allocator(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw BenchError.usage("Unknown allocator '\(name)'; valid allocators: system, jemalloc.")
            }
            return kind
        }
        configuration.recordTimeline = trace != nil || file?.trace == true
        if let injectFault {
            guard let plan = FaultPlan(parsing: injectFault) else {
                throw BenchError.usage(
                    "--inject-fault takes KIND:MODEL:REPETITION, e.g. segv:threads:2; kinds: \(FaultKind.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            configuration.fault = plan
        }
        if let injectSlowdown {
            guard let plan = SlowdownPlan(parsing: injectSlowdown) else {
                throw BenchError.usage(
                    "--inject-slowdown takes MODEL:FACTOR with a factor from 1 to 100, e.g. threads:2.")
            }
            configuration.slowdown = plan
        }
        configuration.simulation = try simulate.map(Simulation.checked(cores:))
        try refuseOptionsWithoutEffect(configuration)
        try configuration.validate()
        return configuration
    }
}
