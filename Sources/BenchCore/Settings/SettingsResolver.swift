import Foundation

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
        var interpreters: [RuntimeInstance: InterpreterInfo] = [:]
        var absent: [String] = []
        // The probe runs where the checks reach the runtimes, so a missing interpreter is named
        // before the checks that follow.
        let checked = configuration
        try configuration.validate(probe: {
            for runtime in checked.runtimes.sorted() {
                let (found, missing) = try probe(runtime, checked)
                for info in found { interpreters[RuntimeInstance(runtime, interpreter: info.label)] = info }
                absent += missing
            }
        })
        configuration.interpreterNotes = absent
        try refuseMissingModels(&configuration, interpreters: interpreters)
        try refuseStartMethods(configuration, interpreters: interpreters)
        try refuseGILStates(&configuration, interpreters: interpreters)
        if configuration.simulation == nil {
            // What the user named runs, wrapper and all: never its interpreter's own path instead.
            for runtime in configuration.runtimes {
                let found = interpreters.filter { $0.key.runtime == runtime }.sorted { $0.key < $1.key }
                if !found.isEmpty {
                    configuration.interpreters[runtime] = found.map { $0.value.command ?? $0.value.executable }
                }
            }
            // The function is imported in every interpreter before anything runs, so a module
            // that does not import is one sentence and exit 64, not a run of failed samples.
            if let task = configuration.userTask {
                var described: UserTask?
                for python in configuration.interpreters[.python] ?? [] {
                    let here = try describeTask(task, python)
                    if described == nil { described = here }
                }
                configuration.userTask = described ?? task
            }
        }
        return Settings(
            configuration: configuration, interpreters: interpreters, sweep: sweep, searchesCrossover: search)
    }
}

extension SettingsResolver {
    /// The interpreters of `runtime` the configuration names (its default when none), each probed
    /// once, the same interpreter named twice kept once; and, for a workload file's list, a
    /// sentence for each one this machine lacks (left out, where the command line's are refused).
    /// - Throws: ``BenchError/usage(_:)`` naming an interpreter that is not there or not usable
    ///   (given on the command line, or every one of a file's list), or two different interpreters
    ///   that would make the same cells (one version, one build).
    func probe(_ runtime: Runtime, _ configuration: RunConfiguration) throws -> (
        found: [InterpreterInfo], absent: [String]
    ) {
        if configuration.simulation != nil { return (runtime.backend.simulatedInterpreter.map { [$0] } ?? [], []) }
        let given = configuration.interpreters[runtime] ?? []
        let names: [String?] = given.isEmpty ? [nil] : given
        let fromFile = flags.interpreters[runtime] == nil && !given.isEmpty
        var found: [InterpreterInfo] = []
        var absent: [String] = []
        var firstError: (any Error)?
        for name in names {
            let info: InterpreterInfo
            do {
                guard let located = try locate(runtime, name) else { continue }
                info = located
            } catch let error as BenchError where fromFile {
                firstError = firstError ?? error
                absent.append(
                    "\(name ?? "python3"), in the workload file's python list, was not measured: \(error.description)")
                continue
            }
            let real = Self.realPath(info.executable)
            if found.contains(where: { Self.realPath($0.executable) == real && $0.label == info.label }) { continue }
            if let twin = found.first(where: { $0.label == info.label }) {
                throw BenchError.usage(
                    "--python names two interpreters that are both \(runtime.backend.runtime.displayName) \(info.label) (\(twin.command ?? twin.executable) and \(info.command ?? info.executable)); a cell is keyed by its interpreter's version, so give one of them."
                )
            }
            found.append(info)
        }
        if found.isEmpty, let firstError { throw firstError }
        return (found, absent)
    }

    /// `path` with every symbolic link resolved, so one interpreter named two ways is one.
    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
