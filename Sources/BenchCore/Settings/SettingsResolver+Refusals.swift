extension SettingsResolver {
    /// Refuses every option given that cannot take effect under the other options, so nothing a
    /// user asks for is silently ignored.
    /// - Throws: ``BenchError/usage(_:)`` naming the option and what would make it apply.
    func refuseFlagsWithoutEffect(_ configuration: RunConfiguration) throws {
        let kinds = configuration.workloadKinds
        let names = configuration.workloads.joined(separator: ", ")
        if flags.timeoutSeconds != nil && configuration.isolation == .none {
            throw BenchError.usage(
                "--timeout needs --isolation process: a sample in bench's own process cannot be killed without ending the run; drop --timeout or use --isolation process."
            )
        }
        if flags.seed != nil && configuration.order != .random {
            throw BenchError.usage("--seed orders a random run only; add --order random or drop --seed.")
        }
        if flags.ioFractions != nil && !kinds.contains(.mixed) {
            throw BenchError.usage(
                "--io-fraction applies to the mixed workload only, and this run has \(names); add --workload mixed or drop --io-fraction."
            )
        }
        if flags.ioKind != nil && !kinds.contains(where: { $0 == .io || $0 == .mixed }) {
            throw BenchError.usage(
                "--io-kind sets how io and mixed tasks wait, and this run has \(names), whose tasks never wait; drop --io-kind."
            )
        }
        // Mixed tasks at I/O fraction 0 never wait either.
        let waits = kinds.contains(.io) || (kinds.contains(.mixed) && configuration.ioFraction > 0)
        if flags.ioKind != nil && kinds.contains(where: { $0 == .io || $0 == .mixed }) && !waits {
            throw BenchError.usage(
                "--io-kind sets how tasks wait, and at --io-fraction 0 this run's tasks never wait; drop --io-kind or raise --io-fraction."
            )
        }
        if flags.cores != nil && configuration.models.allSatisfy({ $0 == .serial }) {
            throw BenchError.usage(
                "--cores sets the workers of the parallel and concurrent models, and this run measures serial only; add --models or drop --cores."
            )
        }
        if flags.fileBytes != nil && configuration.ioKind != .file {
            throw BenchError.usage(
                "--file-bytes applies to --io-kind file only; add --io-kind file or drop --file-bytes.")
        }
        if (flags.allocObjects != nil || flags.allocObjectBytes != nil) && !kinds.contains(.alloc) {
            throw BenchError.usage(
                "--alloc-objects and --alloc-bytes apply to the alloc workload only, and this run has \(names); add --workload alloc or drop them."
            )
        }
        if flags.taskMilliseconds != nil && !configuration.usesTaskDuration {
            throw BenchError.usage(
                "--task-ms does not apply to \(names), whose tasks have no set duration (see 'bench list'); drop --task-ms."
            )
        }
    }

    /// Refuses `--baseline extrapolated` where the prefix it measures would be every task, so
    /// serial would be measured in full without a word.
    func refuseBaselineWithoutEffect(_ configuration: RunConfiguration) throws {
        guard configuration.baseline == .extrapolated else { return }
        if configuration.workloadKinds.contains(.user) {
            throw BenchError.usage(
                "--baseline extrapolated scales serial's first tasks up to all of them, which holds only when every task costs the same; your own code's calls may not, so its serial baseline is always measured in full; drop --baseline extrapolated."
            )
        }
        let prefixes = configuration.workloads.map { name in
            configuration.serialMeasuredTasks(
                taskSeconds: configuration.usesTaskDuration(name) ? configuration.taskSeconds : 0)
        }
        guard prefixes.allSatisfy({ $0 == nil }) else { return }
        let least = BaselineMode.extrapolated.prefixTasks(tasks: Int.max, taskSeconds: configuration.taskSeconds) ?? 0
        throw BenchError.usage(
            "--baseline extrapolated measures serial on a prefix of at least \(least) tasks (\(Format.number(BaselineMode.prefixSeconds)) s of them), which covers all \(configuration.tasks) tasks of this run, so serial would be measured in full; drop --baseline or raise --tasks above \(least)."
        )
    }

    /// Refuses a model that no runtime of the run has in the interpreter it found (`interpreters`
    /// before CPython 3.12), naming the version it needs; where some runtime has it, the others
    /// say in the report that they skipped it.
    /// A workload file's models are its defaults, not a demand: where none of the interpreters
    /// found has the model, it is dropped and the report says why.
    func refuseMissingModels(_ configuration: inout RunConfiguration, interpreters: [RuntimeInstance: InterpreterInfo])
        throws
    {
        guard configuration.models.contains(.interpreters) else { return }
        let having = interpreters.filter { $0.key.runtime.backend.supports(.interpreters, interpreter: $0.value) }
        guard having.isEmpty else { return }
        let pythons = Self.pythons(interpreters).map(\.key)
        if flags.models == nil, file?.models?.contains(.interpreters) == true, !pythons.isEmpty {
            configuration.models.removeAll { $0 == .interpreters }
            configuration.interpreterNotes.append(
                "The workload file asks for `interpreters`, and \(pythons.map(\.displayName).joined(separator: ", ")) \(pythons.count == 1 ? "has" : "have") no subinterpreters with their own GIL (CPython 3.12 and newer do): it was not measured."
            )
            return
        }
        guard configuration.runtimes.contains(.python) else {
            throw BenchError.usage(
                "--models interpreters is CPython's model (subinterpreters, each with its own GIL); add --runtime python with CPython 3.12 or newer."
            )
        }
        let found = Self.pythons(interpreters).map(\.value)
        let named =
            found.isEmpty
            ? "no CPython was found"
            : found.map { "\($0.command ?? $0.executable) is CPython \($0.version)" }.joined(separator: ", ")
        throw BenchError.usage(
            "--models interpreters needs CPython 3.12 or newer (subinterpreters with their own GIL, PEP 684), and \(named); give --python with a 3.12+ interpreter (with pyenv: --python $(PYENV_VERSION=3.13.0 pyenv which python3.13))."
        )
    }

    /// Refuses `--start-method` where it cannot apply (no CPython, no process model) or names a
    /// method the interpreter's platform lacks.
    func refuseStartMethods(_ configuration: RunConfiguration, interpreters: [RuntimeInstance: InterpreterInfo])
        throws
    {
        guard !configuration.startMethods.isEmpty else { return }
        let given = configuration.startMethods.joined(separator: ",")
        guard configuration.runtimes.contains(.python) else {
            throw BenchError.usage(
                "--start-method \(given) sets how CPython's multiprocessing starts its processes; add --runtime python or drop --start-method."
            )
        }
        guard configuration.models.contains(where: { $0 == .processes || $0 == .spawn }) else {
            throw BenchError.usage(
                "--start-method \(given) applies to the processes and spawn models, and this run has neither; add --models processes or drop --start-method."
            )
        }
        for (_, found) in interpreters.sorted(by: { $0.key < $1.key }) {
            guard let available = found.startMethods else { continue }
            if let missing = configuration.startMethods.first(where: { !available.contains($0) }) {
                throw BenchError.usage(
                    "--start-method \(missing): \(found.command ?? found.executable) has no such start method on this platform; it has \(available.joined(separator: ", "))."
                )
            }
        }
    }

    /// The CPython instances among `interpreters`, in ``RuntimeInstance`` order.
    static func pythons(_ interpreters: [RuntimeInstance: InterpreterInfo]) -> [(
        key: RuntimeInstance, value: InterpreterInfo
    )] {
        interpreters.filter { $0.key.runtime == .python }.sorted { $0.key < $1.key }
    }

    /// Refuses `--gil` where no interpreter of the run is a free-threaded build: a build with a
    /// GIL cannot run without it, and `PYTHON_GIL` would be ignored (or refused) there.
    /// A workload file's `gil:` is a default: without a free-threaded build here it is dropped and
    /// the report says so.
    func refuseGILStates(_ configuration: inout RunConfiguration, interpreters: [RuntimeInstance: InterpreterInfo])
        throws
    {
        guard !configuration.gilStates.isEmpty else { return }
        let pythons = Self.pythons(interpreters).map(\.value)
        guard !pythons.contains(where: \.freeThreadedBuild) else { return }
        if flags.gilStates == nil, !pythons.isEmpty {
            configuration.interpreterNotes.append(
                "The workload file asks for the GIL \(configuration.gilStates.map(\.rawValue).joined(separator: " and ")), which applies to free-threaded builds, and none was found here: every CPython ran with its GIL."
            )
            configuration.gilStates = []
            return
        }
        let given = configuration.gilStates.map(\.rawValue).joined(separator: ",")
        let named = pythons.map { "\($0.command ?? $0.executable) (CPython \($0.version))" }.joined(separator: ", ")
        throw BenchError.usage(
            "--gil \(given) chooses the GIL of a free-threaded CPython build (3.13t and newer, Py_GIL_DISABLED), and \(named.isEmpty ? "no CPython was found" : "\(named) \(pythons.count == 1 ? "is a build" : "are builds") with a GIL"); give --python with a free-threaded build (python3.13t) or drop --gil."
        )
    }
}
