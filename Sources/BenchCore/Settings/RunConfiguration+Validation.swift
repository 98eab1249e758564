extension RunConfiguration {
    /// Checks every value and normalises the model list (serial first, no duplicates); `probe`,
    /// when given, is called once for each runtime's interpreter right after the runtimes are checked.
    /// - Throws: ``BenchError/usage(_:)`` with a sentence naming the bad value and what to do.
    mutating func validate(probe: (() throws -> Void)? = nil) throws {
        if workloads.isEmpty {
            throw BenchError.usage("No workload given; choose from: \(WorkloadCatalog.names.joined(separator: ", ")).")
        }
        if let file = workloadFile, workloads != [file.name] {
            throw BenchError.usage("A workload file runs alone; run '\(file.name)' without other workloads.")
        }
        for name in workloads where WorkloadCatalog.entry(named: name) == nil && name != workloadFile?.name {
            guard isUserCode(name) else { throw Self.unknownWorkload(name) }
        }
        try checkWorkers()
        try check(tasks, "--tasks", 1...Limits.maxTasks)
        if let auto = autoRepetitions {
            guard auto.target.isFinite, auto.target > 0, auto.target < 1 else {
                throw BenchError.usage(
                    "--target-ci \(Format.number(auto.target * 100))% is out of range; give the widest interval to accept as a percentage of the median above 0 and below 100, e.g. 2."
                )
            }
            guard auto.minimum >= 1, auto.minimum <= auto.maximum else {
                throw BenchError.usage(
                    "--repetitions auto needs at most \(auto.maximum) repetitions to be at least the minimum of \(auto.minimum); raise --max-repetitions."
                )
            }
            repetitions = auto.maximum
        }
        try check(repetitions, "--repetitions", 1...Limits.maxRepetitions)
        try check(warmup, "--warmup", 0...Limits.maxWarmup)
        if allocators.isEmpty { allocators = [.system] }
        try validateRuntimes()
        try probe?()
        if allocators.contains(.jemalloc) && simulation == nil {
            guard Jemalloc.libraryPath != nil else {
                throw BenchError.usage(
                    "--allocator jemalloc needs jemalloc, which is not installed; install it with 'apt-get install libjemalloc2' (scripts/setup does)."
                )
            }
            guard isolation == .process else {
                throw BenchError.usage(
                    "--allocator jemalloc loads jemalloc into each sample's own process; it needs --isolation process.")
            }
        }
        guard (1...10_000_000).contains(allocObjects), (1...(1 << 20)).contains(allocObjectBytes) else {
            throw BenchError.usage("--alloc-objects must be 1 to 10000000 and --alloc-bytes 1 to 1048576.")
        }
        guard (1...(1 << 30)).contains(fileBytes) else {
            throw BenchError.usage("--file-bytes \(fileBytes) is out of range; use 1 to 1073741824.")
        }
        try checkIOFraction()
        if let timeoutSeconds, !(timeoutSeconds > 0 && timeoutSeconds <= 86_400) {
            throw BenchError.usage(
                "--timeout \(Format.number(timeoutSeconds)) is out of range; give seconds above 0 and at most 86400.")
        }
        if let fault, fault.repetition == 0 && warmup == 0 {
            throw BenchError.usage("--inject-fault names the warm-ups (repetition 0), but --warmup is 0.")
        }
        if let fault, fault.repetition > repetitions {
            throw BenchError.usage(
                "--inject-fault names repetition \(fault.repetition), but only \(repetitions) will run.")
        }
        guard usesTaskDuration else {
            normaliseModels()
            return
        }
        guard taskMilliseconds.isFinite, taskMilliseconds > 0 else {
            throw BenchError.usage(
                "--task-ms \(Format.number(taskMilliseconds)) is not a duration; give a positive number of milliseconds, at least \(Format.number(Limits.minTaskMilliseconds))."
            )
        }
        guard taskMilliseconds >= Limits.minTaskMilliseconds else {
            throw BenchError.usage(
                "--task-ms \(Format.number(taskMilliseconds)) is too short to measure: clock reads and thread wake-ups would dominate it; use at least \(Format.number(Limits.minTaskMilliseconds)) ms."
            )
        }
        guard taskMilliseconds <= Limits.maxTaskMilliseconds else {
            throw BenchError.usage(
                "--task-ms \(Format.number(taskMilliseconds)) is longer than a minute; use at most \(Format.number(Limits.maxTaskMilliseconds)) ms."
            )
        }
        normaliseModels()
    }

    /// Checks the runtimes (each once, Swift first) and lets each refuse what it cannot honour.
    private mutating func validateRuntimes() throws {
        var unique: [Runtime] = []
        for runtime in runtimes where !unique.contains(runtime) { unique.append(runtime) }
        runtimes = unique.isEmpty ? [.swift] : unique.sorted()
        for (runtime, paths) in interpreters.sorted(by: { $0.key < $1.key }) where !runtimes.contains(runtime) {
            let name = runtime.rawValue
            throw BenchError.usage(
                "--\(name) \(paths.joined(separator: ",")) has no effect without --runtime \(name) (or swift,\(name)).")
        }
        if !gilStates.isEmpty && !runtimes.contains(.python) {
            throw BenchError.usage(
                "--gil \(gilStates.map(\.rawValue).joined(separator: ",")) sets the GIL of a free-threaded CPython; add --runtime python with a free-threaded build (python3.13t) or drop --gil."
            )
        }
        for runtime in runtimes { try runtime.backend.refuse(self) }
    }

    private mutating func normaliseModels() {
        var normalised: [ModelKind] = [.serial]
        for model in models where !normalised.contains(model) { normalised.append(model) }
        models = normalised
    }

    /// Checks the workers are in range.
    func checkWorkers() throws {
        try check(workers, "--cores", 1...Limits.maxWorkers)
    }

    /// Checks the I/O fraction is a share, 0 to 1.
    func checkIOFraction() throws {
        guard ioFraction.isFinite, (0...1).contains(ioFraction) else {
            throw BenchError.usage(
                "--io-fraction \(Format.number(ioFraction)) is outside 0…1; give the share of each task spent waiting, e.g. 0.5."
            )
        }
    }

    private func check(_ value: Int, _ flag: String, _ range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            throw BenchError.usage(
                "\(flag) \(value) is out of range; use a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
    }
}
