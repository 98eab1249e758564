import Foundation

/// Where a run is, reported before each sample so a front end can show progress.
public struct RunProgress: Sendable, Equatable {
    /// Samples finished so far, warm-ups included.
    public var completed: Int
    /// Samples in the whole run, warm-ups included.
    public var total: Int
    /// The cell about to be measured.
    public var cell: Cell
    /// Its repetition (1-based), or nil for a warm-up.
    public var repetition: Int?
}

/// Runs a configuration: calibrates, then measures every (workload, model) cell, interleaving
/// models within each repetition so drift on a noisy machine hits them all alike.
public struct Harness: Sendable {
    /// The validated configuration to run.
    public var configuration: RunConfiguration

    /// Creates a harness for an already validated configuration.
    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// Measures every cell and returns the samples.
    /// - Parameters:
    ///   - progress: called before each sample, on the calling thread.
    ///   - checkpoint: called with the result so far after each recorded sample, so a front end
    ///     can write results as they arrive.
    /// - Throws: ``SystemCallError`` when a sample process cannot be started; ``BenchError`` when
    ///   models disagree on a checksum (a harness bug, never hidden).
    public func run(
        progress: (RunProgress) -> Void = { _ in },
        checkpoint: (RunResult) throws -> Void = { _ in }
    ) throws -> RunResult {
        let prepared = try prepare(ioFractions: [configuration.ioFraction])
        // The allocator and the runtime are dimensions of each sample's cell, so their cells,
        // serial baselines and checksums stay apart. Each (allocator, workload, runtime) is a block.
        let blocks = configuration.allocators.flatMap { allocator in
            prepared.specs.map { spec in
                configuration.models.filter(spec.runtime.supports).map {
                    PlannedCell(
                        spec: spec, model: $0, workers: $0.workers(requested: configuration.workers),
                        allocator: allocator)
                }
            }
        }
        return try execute(
            blocks, order: configuration.order, prepared: prepared, progress: progress, checkpoint: checkpoint)
    }

    /// Measures every (workers, I/O fraction) point of `sweep` for the configuration's models, with
    /// one serial baseline per I/O fraction, interleaving models and worker counts within each
    /// repetition.
    public func runSweep(
        _ sweep: SweepConfiguration, progress: (RunProgress) -> Void = { _ in },
        checkpoint: (RunResult) throws -> Void = { _ in }
    ) throws -> RunResult {
        let prepared = try prepare(ioFractions: sweep.ioFractions)
        let points = sweep.workers.flatMap { workers in
            configuration.models.filter { $0 != .serial }.map { (model: $0, workers: workers) }
        }
        let round = [(model: ModelKind.serial, workers: 1)] + points
        let blocks = prepared.specs.map { spec in
            round.filter { spec.runtime.supports($0.model) }.map {
                PlannedCell(spec: spec, model: $0.model, workers: $0.workers)
            }
        }
        var result = try execute(
            blocks, order: .interleaved, prepared: prepared, progress: progress, checkpoint: checkpoint)
        result.sweep = sweep
        return result
    }

    /// One cell to measure.
    struct PlannedCell {
        var spec: WorkloadSpec
        var model: ModelKind
        var workers: Int
        var allocator: Allocator = .system
    }

    /// What a run measures, ready: each workload in each runtime, and what calibrated them.
    struct Prepared {
        var specs: [WorkloadSpec]
        var calibration: Calibration?
        var pythonCalibration: Calibration?
        var python: PythonInfo?

        /// The calibration of `runtime`'s kernel.
        func calibration(for runtime: Runtime) -> Calibration? {
            runtime == .python ? pythonCalibration : calibration
        }
    }

    /// Calibrates each runtime that computes (CPython's kernel in CPython), and describes each
    /// workload at each I/O fraction in each runtime (dimensions of each sample's cell, never part
    /// of the name). With `earlier`, its calibrations and interpreter are reused, so the workloads
    /// at other fractions have tasks of the same rate.
    func prepare(ioFractions: [Double], reusing earlier: Prepared? = nil) throws -> Prepared {
        var prepared = Prepared(specs: [])
        for runtime in configuration.runtimes {
            let (specs, calibration) = try prepare(ioFractions: ioFractions, runtime: runtime, reusing: earlier)
            prepared.specs += specs
            switch runtime {
            case .swift: prepared.calibration = calibration
            case .python: prepared.pythonCalibration = calibration
            }
        }
        if configuration.runtimes.contains(.python) {
            prepared.python =
                try earlier?.python ?? configuration.simulation.map { _ in Simulation.python }
                ?? PythonInterpreter.locate(configuration.python)
        }
        return prepared
    }

    /// The workloads `runtime` runs, with their calibration (nil when none computes).
    private func prepare(ioFractions: [Double], runtime: Runtime, reusing earlier: Prepared?) throws -> (
        [WorkloadSpec], Calibration?
    ) {
        // A workload file names its own workload; its kind picks the built-in that runs it.
        let entries = configuration.workloads.compactMap { name -> (name: String, entry: WorkloadCatalog.Entry)? in
            if let file = configuration.workloadFile, file.name == name {
                return WorkloadCatalog.entry(named: file.kind.rawValue).map { (name, $0) }
            }
            return WorkloadCatalog.entry(named: name).map { (name, $0) }
        }.filter { runtime.supports($0.entry.kind) }
        let computes = entries.contains { $0.entry.kind != .io && $0.entry.usesTaskDuration }
        var calibration: Calibration?
        if computes {
            if let earlier {
                calibration = earlier.calibration(for: runtime)
            } else if configuration.simulation != nil {
                calibration = Simulation.calibration
            } else {
                switch runtime {
                case .swift: calibration = .measure()
                case .python: calibration = try PythonInterpreter.calibrate(configuration.python ?? "python3")
                }
            }
        }
        let rate = calibration ?? Calibration(iterationsPerSecond: 0, trials: 0)
        let specs = entries.flatMap { name, entry in
            ioFractions.map { fraction in
                var spec = entry.make(configuration.taskSeconds, fraction, rate)
                spec.name = name
                spec.ioKind = configuration.ioKind
                spec.fileBytes = configuration.fileBytes
                spec.allocObjects = configuration.allocObjects
                spec.allocObjectBytes = configuration.allocObjectBytes
                spec.runtime = runtime
                return spec
            }
        }
        return (specs, calibration)
    }

    /// Takes the samples of `blocks` of cells in the order the scheduler gives, checking
    /// checksums, honouring interruption, and checkpointing after each recorded sample.
    func execute(
        _ blocks: [[PlannedCell]], order: RunOrder, prepared: Prepared,
        progress: (RunProgress) -> Void, checkpoint: (RunResult) throws -> Void
    ) throws -> RunResult {
        var cells = blocks.flatMap { $0 }
        // The scheduler works on cell indices: block b holds the next blocks[b].count of them.
        var indices: [[Int]] = []
        var first = 0
        for block in blocks {
            indices.append(Array(first..<(first + block.count)))
            first += block.count
        }
        // The socket I/O kind talks to a loopback server that lives exactly as long as the run.
        var server: LoopbackServer?
        defer { server?.stop() }
        if cells.contains(where: { $0.spec.ioKind == .socket && $0.spec.kind != .cpu }) {
            let started = try LoopbackServer()
            server = started
            for index in cells.indices { cells[index].spec.socketPort = started.port }
        }
        var scheduler = SampleScheduler(
            blocks: indices,
            order: order, warmup: configuration.warmup, repetitions: configuration.repetitions,
            auto: configuration.autoRepetitions, seed: configuration.seed)
        var machine = configuration.simulation?.machine ?? MachineInfo.current()
        machine.python = prepared.python
        var result = RunResult(
            configuration: configuration, machine: machine, calibration: prepared.calibration,
            workloads: prepared.specs.map { spec in
                let workload = spec.make()
                return WorkloadDescription(
                    name: workload.name, kind: workload.kind, taskDescription: workload.taskDescription,
                    runtime: spec.runtime == .swift ? nil : spec.runtime)
            },
            samples: [], startedAt: configuration.simulation == nil ? Date() : Simulation.start)
        result.pythonCalibration = prepared.pythonCalibration
        // Every model must compute the same checksum for the same experiment (one baseline cell).
        var expectedChecksums: [Cell: UInt64] = [:]
        var walls = [[Double]](repeating: [], count: cells.count)
        // A cell that hit a limit of the system (threads, processes, descriptors) is not retried.
        var abandoned = Set<Int>()
        let auto = configuration.autoRepetitions
        // The cgroup whose quota throttles the samples (theirs is this process's): read around each.
        let measured = configuration.simulation == nil
        let cgroup = measured ? Sys.cgroupFolder("cpu") : nil
        var completed = 0
        while let step = scheduler.next(isSettled: { abandoned.contains($0) || auto?.isSettled(walls[$0]) == true }) {
            guard !abandoned.contains(step.cell) else { continue }
            guard !Interruption.isRequested else {
                result.interrupted = true
                return result
            }
            let planned = cells[step.cell]
            var sampleRequest = request(
                planned.spec, model: planned.model, workers: planned.workers, repetition: step.repetition)
            sampleRequest.allocator = planned.allocator
            progress(
                RunProgress(
                    completed: completed, total: max(scheduler.upperBound, completed + 1), cell: sampleRequest.cell,
                    repetition: step.repetition))
            let throttlingBefore = cgroup.flatMap(Sys.cpuThrottling)
            let stealBefore = measured ? Sys.stealSeconds() : nil
            // A simulated sample is computed, on a clock that ticks a second per sample.
            var sample =
                try configuration.simulation.map {
                    $0.sample(sampleRequest, startedAt: Simulation.start.addingTimeInterval(Double(completed)))
                } ?? measure(sampleRequest)
            sample.usableCPUs = configuration.usableCPUs
            if let before = throttlingBefore, let after = cgroup.flatMap(Sys.cpuThrottling) {
                sample.throttledPeriods = max(0, after.periods - before.periods)
                sample.throttledSeconds = max(0, after.seconds - before.seconds)
            }
            if let before = stealBefore, let after = Sys.stealSeconds() { sample.stealSeconds = max(0, after - before) }
            completed += 1
            if Interruption.isRequested && sample.status != .ok {
                result.interrupted = true  // killed by the stop itself: not a failure of the sample
                return result
            }
            if sample.status == .ok {
                if step.repetition != nil { walls[step.cell].append(sample.wallSeconds) }
                // A scaled prefix computes a different checksum from the whole run.
                let experiment = sample.cell.baseline
                if sample.measuredTasks == nil {
                    if let expected = expectedChecksums[experiment], sample.checksum != expected {
                        throw BenchError.failure(
                            "Model \(planned.model.rawValue) computed checksum \(sample.checksum) for \(experiment.experimentName), but an earlier sample computed \(expected): a task was skipped, run twice, or its file or socket I/O failed (its data did not come back)."
                        )
                    }
                    expectedChecksums[experiment] = sample.checksum
                }
            } else if sample.failureReason.map(SystemLimit.isLimit) == true {
                abandoned.insert(step.cell)
            }
            // A warm-up is not recorded, unless it failed: a failure is reported like any other
            // (repetition 0), and like any other it stays out of every figure.
            if step.repetition != nil || sample.status != .ok {
                result.samples.append(sample)
                try checkpoint(result)
            }
        }
        return result
    }

    /// The request for one sample, with the test-only fault attached where the plan says.
    func request(_ spec: WorkloadSpec, model: ModelKind, workers: Int, repetition: Int?) -> SampleRequest {
        var spec = spec
        if let fault = configuration.fault, fault.model == model, fault.repetition == (repetition ?? 0) {
            spec.fault = InjectedFault(kind: fault.kind, taskIndex: configuration.tasks / 2)
        }
        if let slowdown = configuration.slowdown, slowdown.model == model { spec.slowdown = slowdown.factor }
        var request = SampleRequest(
            workload: spec, model: model, workers: workers, tasks: configuration.tasks,
            repetition: repetition ?? 0, coresAvailable: configuration.coresAvailable)
        request.recordTimeline = configuration.recordTimeline
        if spec.runtime == .python { request.python = configuration.python ?? "python3" }
        if model == .serial { request.measuredTasks = configuration.serialMeasuredTasks(taskSeconds: spec.taskSeconds) }
        return request
    }

    /// Measures one sample where the configuration says: in a fresh process, or in this one.
    public func measure(_ request: SampleRequest) throws -> Sample {
        // A CPython sample is always its own interpreter process.
        if request.workload.runtime == .python {
            return try PythonSampleRunner.run(request, timeoutSeconds: configuration.effectiveTimeoutSeconds)
        }
        switch configuration.isolation {
        case .process:
            return try IsolatedSampleRunner.run(request, timeoutSeconds: configuration.effectiveTimeoutSeconds)
        case .none: return SampleMeasurer.measure(request)
        }
    }
}
