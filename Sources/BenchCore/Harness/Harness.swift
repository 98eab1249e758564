import Foundation

/// Where a run is, reported before each sample so a front end can show progress.
public struct RunProgress: Sendable, Equatable {
    /// Samples finished so far, warm-ups included.
    public var completed: Int
    /// Samples in the whole run, warm-ups included.
    public var total: Int
    /// The workload about to run.
    public var workload: String
    /// The model about to run.
    public var model: ModelKind
    /// Its workers.
    public var workers: Int
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
    public func run(progress: (RunProgress) -> Void = { _ in },
                    checkpoint: (RunResult) throws -> Void = { _ in }) throws -> RunResult {
        let machine = MachineInfo.current()
        let entries = configuration.workloads.compactMap(WorkloadCatalog.entry(named:))
        let calibration: Calibration? = entries.contains { $0.kind != .io && $0.usesTaskDuration } ? .measure() : nil
        let specs = entries.map { $0.make(configuration.taskSeconds, configuration.ioFraction, calibration ?? Calibration(iterationsPerSecond: 0, trials: 0)) }
        var result = RunResult(
            configuration: configuration, machine: machine, calibration: calibration,
            workloads: specs.map { spec in
                let workload = spec.make()
                return WorkloadDescription(name: workload.name, kind: workload.kind, taskDescription: workload.taskDescription)
            },
            samples: [], startedAt: Date())

        let schedule = configuration.order.schedule(models: configuration.models, warmup: configuration.warmup,
                                                    repetitions: configuration.repetitions, seed: configuration.seed)
        let total = specs.count * schedule.count
        var completed = 0
        for spec in specs {
            var expectedChecksum: UInt64?
            for (model, repetition) in schedule {
                guard !Interruption.isRequested else {
                    result.interrupted = true
                    return result
                }
                let workers = model.workers(requested: configuration.workers)
                progress(RunProgress(completed: completed, total: total, workload: spec.name,
                                     model: model, workers: workers, repetition: repetition))
                let sample = try measure(request(spec, model: model, workers: workers, repetition: repetition))
                completed += 1
                if Interruption.isRequested && sample.status != .ok {
                    result.interrupted = true  // killed by the stop itself: not a failure of the sample
                    return result
                }
                if sample.status == .ok {
                    if let expectedChecksum, sample.checksum != expectedChecksum {
                        throw BenchError.failure("Model \(model.rawValue) computed checksum \(sample.checksum) for workload \(spec.name), but serial computed \(expectedChecksum): a task was skipped or run twice.")
                    }
                    expectedChecksum = sample.checksum
                }
                if repetition != nil {
                    result.samples.append(sample)
                    try checkpoint(result)
                }
            }
        }
        return result
    }

    /// The request for one sample, with the test-only fault attached where the plan says.
    func request(_ spec: WorkloadSpec, model: ModelKind, workers: Int, repetition: Int?) -> SampleRequest {
        var spec = spec
        if let fault = configuration.fault, fault.model == model, fault.repetition == repetition {
            spec.fault = InjectedFault(kind: fault.kind, taskIndex: configuration.tasks / 2)
        }
        var request = SampleRequest(workload: spec, model: model, workers: workers, tasks: configuration.tasks,
                                    repetition: repetition ?? 0, coresAvailable: configuration.coresAvailable)
        request.recordTimeline = configuration.recordTimeline
        return request
    }

    /// Measures one sample where the configuration says: in a fresh process, or in this one.
    public func measure(_ request: SampleRequest) throws -> Sample {
        switch configuration.isolation {
        case .process: try IsolatedSampleRunner.run(request, timeoutSeconds: configuration.effectiveTimeoutSeconds)
        case .none: SampleMeasurer.measure(request)
        }
    }
}
