/// The one way in for `bench run` and `bench sweep`: flags and a workload file each fill a
/// ``SettingsInput``; this applies precedence (flag, then file, then ``SettingsDefaults``), parses
/// every list, checks every range and refusal, probes each interpreter once, and returns
/// ``Settings`` that nothing changes later.
public struct SettingsResolver {
    /// The command whose defaults and rules apply.
    public enum Command: Sendable {
        /// `bench run`.
        case run
        /// `bench sweep`.
        case sweep
    }

    /// The command.
    public var command: Command
    /// What the command line gave.
    public var flags: SettingsInput
    /// The workload file the run's one workload comes from, if any.
    public var file: WorkloadFile?
    /// What was read from the machine.
    public var machine: MachineFacts
    /// Finds and describes a runtime's interpreter; the runtime's backend, unless a test says otherwise.
    public var locate: (Runtime, String?) throws -> InterpreterInfo? = { try $0.backend.locate($1) }
    /// Imports the user's Python function in the interpreter and describes it; CPython's, unless a
    /// test says otherwise.
    public var describeTask: (UserTask, String) throws -> UserTask = { try PythonInterpreter.describe($0, python: $1) }

    /// A resolver for `command`.
    public init(_ command: Command, flags: SettingsInput, file: WorkloadFile? = nil, machine: MachineFacts) {
        self.command = command
        self.flags = flags
        self.file = file
        self.machine = machine
    }

    /// The settled settings.
    /// - Throws: ``BenchError/usage(_:)`` with a sentence naming the bad value and what to do.
    public func resolve() throws -> Settings {
        switch command {
        case .run: try resolveRun()
        case .sweep: try resolveSweep()
        }
    }

    /// The first of the flag, the file's value and the command's default for `key`.
    func pick<T>(_ key: KeyPath<SettingsInput, T?>) -> T? {
        flags[keyPath: key] ?? fileInput[keyPath: key] ?? defaults[keyPath: key]
    }

    var fileInput: SettingsInput { file.map(SettingsInput.init) ?? SettingsInput() }

    var defaults: SettingsInput { command == .run ? SettingsDefaults.run : SettingsDefaults.sweep }

    /// The CPUs the run may use: the simulated machine's, or this one's.
    var coresAvailable: Int { flags.simulate ?? machine.coresAvailable }

    /// Tasks per sample: as given, else ``SettingsDefaults/tasksPerWorker`` per (most) worker.
    /// - Throws: ``BenchError/usage(_:)`` when that default is out of range, naming `--cores`,
    ///   which made it (`--tasks` was never given).
    func tasks(workers: Int) throws -> Int {
        if let given = pick(\.tasks) { return given }
        let tasks = SettingsDefaults.tasksPerWorker * workers
        guard tasks <= RunLimits.maxTasks else {
            // Name only what was given: the flag, or the workload file's field.
            let source =
                flags.cores != nil
                ? "--cores \(workers)"
                : fileInput.cores != nil
                    ? "the workload file's cores: \(workers)" : "\(workers) workers (the CPUs here)"
            throw BenchError.usage(
                "\(source) makes the default --tasks (\(SettingsDefaults.tasksPerWorker) × \(command == .sweep ? "the most workers" : "the workers")) \(tasks), above the most a sample runs, \(RunLimits.maxTasks); give --tasks, at most \(RunLimits.maxTasks)."
            )
        }
        return tasks
    }

    /// The settled configuration of `configuration` with its interpreters probed once.
    func settle(_ configuration: RunConfiguration, sweep: SweepConfiguration? = nil, search: Bool = false) throws
        -> Settings
    {
        var configuration = configuration
        var interpreters: [Runtime: InterpreterInfo] = [:]
        // The probe runs where the checks reach the runtimes, so a missing interpreter is named
        // before the checks that follow.
        let checked = configuration
        try configuration.validate(probe: {
            for runtime in checked.runtimes.sorted() {
                let found =
                    checked.simulation != nil
                    ? runtime.backend.simulatedInterpreter : try locate(runtime, checked.interpreters[runtime])
                if let found { interpreters[runtime] = found }
            }
        })
        try refuseMissingModels(configuration, interpreters: interpreters)
        try refuseStartMethods(configuration, interpreters: interpreters)
        if configuration.simulation == nil {
            // What the user named runs, wrapper and all: never its interpreter's own path instead.
            for (runtime, found) in interpreters {
                configuration.interpreters[runtime] = found.command ?? found.executable
            }
            // The function is imported before anything runs, so a module that does not import is
            // one sentence and exit 64, not a run of failed samples.
            if let task = configuration.userTask, let python = configuration.interpreters[.python] {
                configuration.userTask = try describeTask(task, python)
            }
        }
        return Settings(
            configuration: configuration, interpreters: interpreters, sweep: sweep, searchesCrossover: search)
    }
}
