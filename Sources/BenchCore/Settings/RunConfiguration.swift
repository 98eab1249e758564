/// Where each sample runs.
public enum Isolation: String, Codable, Sendable, CaseIterable {
    /// Each sample in a fresh `bench worker` process: a crash or hang costs one sample.
    case process
    /// Each sample in the harness's own process: for debugging; a crash ends the run.
    case none
}

/// Everything a run needs to know, as plain values: settled once by ``SettingsResolver`` (which
/// checks it with ``validate()``) and read, never changed, by every later stage.
public struct RunConfiguration: Codable, Sendable, Equatable {
    /// Workload names, in the order they run.
    public internal(set) var workloads: [String]
    /// Models to measure; ``validate()`` puts serial first, since speedups are computed against it.
    public internal(set) var models: [ModelKind]
    /// Degree of parallelism asked for: pool threads, or async tasks in flight.
    public internal(set) var workers: Int
    /// Tasks per sample.
    public internal(set) var tasks: Int
    /// Duration of one task on one core, in milliseconds.
    public internal(set) var taskMilliseconds: Double
    /// Recorded repetitions per cell; under ``autoRepetitions``, the most any cell gets.
    public internal(set) var repetitions: Int
    /// When set, each cell is repeated until its median is known to the policy's precision
    /// (`--repetitions auto`, the command line's default); nil repeats every cell ``repetitions`` times.
    public internal(set) var autoRepetitions: AutoRepetitions?
    /// How the serial baseline is obtained; nil picks ``BaselineMode/automatic(tasks:taskSeconds:)``
    /// for each workload.
    public internal(set) var baseline: BaselineMode?
    /// Unrecorded warm-up repetitions per cell, run first.
    public internal(set) var warmup: Int
    /// CPUs this process may run on.
    public internal(set) var coresAvailable: Int
    /// Where each sample runs.
    public internal(set) var isolation: Isolation = .process
    /// Seconds a sample may take before it is killed; nil picks ``defaultTimeoutSeconds``.
    public internal(set) var timeoutSeconds: Double?
    /// A fault to inject, for tests of failure handling; nil in real runs.
    public internal(set) var fault: FaultPlan?
    /// A model to slow down, for tests of `bench compare`'s sensitivity; nil in real runs.
    public internal(set) var slowdown: SlowdownPlan?
    /// A simulated machine whose samples are computed, not measured, for exact tests of reports;
    /// nil in real runs.
    public internal(set) var simulation: Simulation?
    /// The workload file the run's one workload comes from, if any.
    public internal(set) var workloadFile: WorkloadFile?
    /// Allocators to measure every cell under.
    public internal(set) var allocators: [Allocator] = [.system]
    /// Objects per alloc task.
    public internal(set) var allocObjects = Defaults.allocObjects
    /// Bytes per object of alloc tasks.
    public internal(set) var allocObjectBytes = Defaults.allocObjectBytes
    /// How io and mixed tasks wait.
    public internal(set) var ioKind: IOKind = .sleep
    /// Bytes written and read back per task by the file I/O kind.
    public internal(set) var fileBytes = Defaults.fileBytes
    /// The share of each task spent waiting, for mixed workloads (0…1).
    public internal(set) var ioFraction = Defaults.ioFraction
    /// Whether samples keep every task's span, for `--trace`.
    public internal(set) var recordTimeline = false
    /// The order samples run in.
    public internal(set) var order: RunOrder = .interleaved
    /// Seed of the random order.
    public internal(set) var seed: UInt64 = 1
    /// The CPUs this process can really use (``CPUCapacity/usableCPUs``: the smallest of the
    /// affinity mask, the cgroup CPU quota and the cpuset); nil means ``coresAvailable``.
    public internal(set) var usableCPUs: Double?
    /// The runtimes every cell is measured in: Swift, CPython or both (`--runtime`).
    public internal(set) var runtimes: [Runtime] = [.swift]
    /// The interpreters of each runtime that runs in one (`--python A,B`), each its own runtime
    /// instance: as given, and after resolution what runs each (the command named, or the
    /// interpreter's real path), de-duplicated; empty for the runtime's default.
    public internal(set) var interpreters: [Runtime: [String]] = [:]
    /// The GIL states of a free-threaded build's cells (`--gil on,off`), each a cell of its own;
    /// empty for the build's own default.
    public internal(set) var gilStates: [GILState] = []
    /// What the report says of what a workload file asked of interpreters that this machine could
    /// not give (an interpreter it lacks, a model none of them has): one sentence each.
    public internal(set) var interpreterNotes: [String] = []

    /// multiprocessing's start methods for CPython's process models (`--start-method`), each a cell
    /// of its own; empty for the interpreter's own default.
    public internal(set) var startMethods: [String] = []
    /// The user's Python function, when it is the run's workload (`--task`); nil otherwise.
    public internal(set) var userTask: UserTask?
    /// Whether the user's code has each call's result compared across models (`--no-result-check`
    /// turns it off).
    public internal(set) var checksResults = true

    /// The timeout of a sample of the user's own code when none is given, in seconds.
    public static let userTaskTimeoutSeconds = 600.0

    /// Recorded repetitions when none are asked for: 9 is the fewest that give a 95% confidence
    /// interval of the median narrower than the full range (ranks 2 and 8), and an odd count has
    /// a true middle value.
    public static let defaultRepetitions = 9

    /// Defaults of the settings that have one; they live with the workloads that use them.
    public typealias Defaults = WorkloadDefaults

    /// Bounds beyond which a value is a mistake rather than an experiment; workload files share them.
    public typealias Limits = RunLimits

    /// Creates a configuration; `tasks` defaults to 4 × workers, enough to keep every worker busy.
    public init(
        workloads: [String], models: [ModelKind] = ModelKind.defaults, workers: Int,
        tasks: Int? = nil, taskMilliseconds: Double = 50, repetitions: Int = defaultRepetitions, warmup: Int = 1,
        coresAvailable: Int
    ) {
        self.workloads = workloads
        self.models = models
        self.workers = workers
        self.tasks = tasks ?? 4 * workers
        self.taskMilliseconds = taskMilliseconds
        self.repetitions = repetitions
        self.warmup = warmup
        self.coresAvailable = coresAvailable
    }

    /// The timeout used when none is given: a minute, or ten times the longest a sample should
    /// take if that is longer (serial over the tasks it runs, or the others with every core busy),
    /// so only a genuinely stuck sample is ever killed.
    public var defaultTimeoutSeconds: Double {
        // The user's code has no set duration to scale from: allow ten minutes a sample.
        if workloadKinds.contains(.user) { return Self.userTaskTimeoutSeconds }
        let serialTasks = serialMeasuredTasks(taskSeconds: taskSeconds) ?? tasks
        let parallel =
            Double(tasks) * taskSeconds
            / max(1, Bounds.parallelCPUs(workers: workers, usableCPUs: Double(coresAvailable)))
        return max(60, 10 * max(Double(serialTasks) * taskSeconds, parallel))
    }

    /// The tasks a serial sample of a workload whose tasks take `taskSeconds` (0 when they have no
    /// set duration) really runs, or nil when it runs all of them.
    public func serialMeasuredTasks(taskSeconds: Double) -> Int? {
        let mode = baseline ?? .automatic(tasks: tasks, taskSeconds: taskSeconds > 0 ? taskSeconds : nil)
        return mode.prefixTasks(tasks: tasks, taskSeconds: taskSeconds)
    }

    /// The timeout in force.
    public var effectiveTimeoutSeconds: Double { timeoutSeconds ?? defaultTimeoutSeconds }

    /// Task duration in seconds.
    public var taskSeconds: Double { taskMilliseconds / 1000 }

    /// What each workload's tasks spend their time on, from its workload file or the catalog.
    public var workloadKinds: [WorkloadKind] {
        workloads.map { name in
            if let workloadFile, workloadFile.name == name { return workloadFile.kind }
            if isUserCode(name) { return .user }
            return WorkloadCatalog.entry(named: name)?.kind ?? .cpu
        }
    }

    /// Whether some workload's tasks have a set duration, so `--task-ms` applies (not alloc, noop).
    public var usesTaskDuration: Bool { workloads.contains(where: usesTaskDuration) }

    /// Whether the workload `name`'s tasks have a set duration (a workload file's always do).
    public func usesTaskDuration(_ name: String) -> Bool {
        if isUserCode(name) { return false }
        return name == workloadFile?.name || (WorkloadCatalog.entry(named: name)?.usesTaskDuration ?? true)
    }

    /// Whether the workload `name` is the user's own code: the `--task` function, or a closure
    /// registered with ``UserWorkloads``.
    public func isUserCode(_ name: String) -> Bool {
        userTask?.name == name || UserWorkloads.named(name) != nil
    }

    /// The user's own code among the workloads, as each is planned.
    public var userTasks: [UserTask] {
        workloads.compactMap { name in userTask?.name == name ? userTask : UserWorkloads.named(name)?.task }
    }

    /// The sentence for a workload name that is neither built in, a workload file's nor the user's.
    static func unknownWorkload(_ name: String) -> BenchError {
        let names = WorkloadCatalog.names + UserWorkloads.all.map(\.name)
        return BenchError.usage(
            "Unknown workload '\(name)'; valid workloads: \(names.joined(separator: ", ")) (see 'bench list')."
        )
    }

    /// Whether more workers were asked for than there are cores to run them.
    public var isOversubscribed: Bool { Double(workers) > usableCPUCount }

    /// The CPUs this run can use: ``usableCPUs``, or ``coresAvailable`` when not read.
    public var usableCPUCount: Double { usableCPUs ?? Double(coresAvailable) }
}

extension RunConfiguration {
    /// Decodes a configuration, giving every field added after the first release its default when
    /// a file written by an older bench lacks it, so adding a field never breaks old results.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        workloads = try c.decode([String].self, forKey: .workloads)
        models = try c.decode([ModelKind].self, forKey: .models)
        workers = try c.decode(Int.self, forKey: .workers)
        tasks = try c.decode(Int.self, forKey: .tasks)
        taskMilliseconds = try c.decode(Double.self, forKey: .taskMilliseconds)
        repetitions = try c.decode(Int.self, forKey: .repetitions)
        warmup = try c.decode(Int.self, forKey: .warmup)
        coresAvailable = try c.decode(Int.self, forKey: .coresAvailable)
        isolation = try c.decodeIfPresent(Isolation.self, forKey: .isolation) ?? .process
        timeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .timeoutSeconds)
        fault = try c.decodeIfPresent(FaultPlan.self, forKey: .fault)
        slowdown = try c.decodeIfPresent(SlowdownPlan.self, forKey: .slowdown)
        simulation = try c.decodeIfPresent(Simulation.self, forKey: .simulation)
        workloadFile = try c.decodeIfPresent(WorkloadFile.self, forKey: .workloadFile)
        allocators = try c.decodeIfPresent([Allocator].self, forKey: .allocators) ?? [.system]
        allocObjects = try c.decodeIfPresent(Int.self, forKey: .allocObjects) ?? Defaults.allocObjects
        allocObjectBytes = try c.decodeIfPresent(Int.self, forKey: .allocObjectBytes) ?? Defaults.allocObjectBytes
        ioKind = try c.decodeIfPresent(IOKind.self, forKey: .ioKind) ?? .sleep
        fileBytes = try c.decodeIfPresent(Int.self, forKey: .fileBytes) ?? Defaults.fileBytes
        ioFraction = try c.decodeIfPresent(Double.self, forKey: .ioFraction) ?? Defaults.ioFraction
        recordTimeline = try c.decodeIfPresent(Bool.self, forKey: .recordTimeline) ?? false
        order = try c.decodeIfPresent(RunOrder.self, forKey: .order) ?? .interleaved
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 1
        runtimes = try c.decodeIfPresent([Runtime].self, forKey: .runtimes) ?? [.swift]
        usableCPUs = try c.decodeIfPresent(Double.self, forKey: .usableCPUs)
        // One interpreter per runtime before several could run together (a path, not a list).
        interpreters =
            try (try? c.decodeIfPresent([Runtime: [String]].self, forKey: .interpreters))
            ?? c.decodeIfPresent([Runtime: String].self, forKey: .interpreters)?.mapValues { [$0] }
            ?? Dictionary(
                uniqueKeysWithValues: SchemaKey.perRuntime(String.self, in: decoder, named: \.rawValue).map {
                    ($0.key.runtime, [$0.value])
                })
        gilStates = try c.decodeIfPresent([GILState].self, forKey: .gilStates) ?? []
        interpreterNotes = try c.decodeIfPresent([String].self, forKey: .interpreterNotes) ?? []
        autoRepetitions = try c.decodeIfPresent(AutoRepetitions.self, forKey: .autoRepetitions)
        baseline = try c.decodeIfPresent(BaselineMode.self, forKey: .baseline)
        userTask = try c.decodeIfPresent(UserTask.self, forKey: .userTask)
        startMethods = try c.decodeIfPresent([String].self, forKey: .startMethods) ?? []
        checksResults = try c.decodeIfPresent(Bool.self, forKey: .checksResults) ?? true
    }
}
