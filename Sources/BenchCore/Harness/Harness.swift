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
    /// - Parameter progress: called before each sample, on the calling thread.
    /// - Throws: ``SystemCallError`` when a model cannot start its threads; ``BenchError`` when
    ///   models disagree on a checksum (a harness bug, never hidden).
    public func run(progress: (RunProgress) -> Void = { _ in }) throws -> RunResult {
        let startedAt = Date()
        let machine = MachineInfo.current()
        let entries = configuration.workloads.compactMap(WorkloadCatalog.entry(named:))
        let calibration: Calibration? = entries.contains { $0.kind == .cpu } ? .measure() : nil
        let workloads = entries.map { $0.make(configuration.taskSeconds, calibration ?? Calibration(iterationsPerSecond: 0, trials: 0)) }

        let rounds = configuration.warmup + configuration.repetitions
        let total = workloads.count * rounds * configuration.models.count
        var completed = 0
        var samples: [Sample] = []
        for workload in workloads {
            var expectedChecksum: UInt64?
            for round in 0..<rounds {
                let repetition = round >= configuration.warmup ? round - configuration.warmup + 1 : nil
                for model in configuration.models {
                    let workers = model.workers(requested: configuration.workers)
                    progress(RunProgress(completed: completed, total: total, workload: workload.name,
                                         model: model, workers: workers, repetition: repetition))
                    let sample = try measure(workload, model: model, workers: workers, repetition: repetition ?? 0)
                    completed += 1
                    if let expectedChecksum, sample.checksum != expectedChecksum {
                        throw BenchError.failure("Model \(model.rawValue) computed checksum \(sample.checksum) for workload \(workload.name), but serial computed \(expectedChecksum): a task was skipped or run twice.")
                    }
                    expectedChecksum = sample.checksum
                    if repetition != nil { samples.append(sample) }
                }
            }
        }
        return RunResult(
            configuration: configuration, machine: machine, calibration: calibration,
            workloads: workloads.map { WorkloadDescription(name: $0.name, kind: $0.kind, taskDescription: $0.taskDescription) },
            samples: samples, startedAt: startedAt)
    }

    /// Runs one sample in this process and measures it.
    public func measure(_ workload: any Workload, model: ModelKind, workers: Int, repetition: Int) throws -> Sample {
        let log = TaskLog(count: configuration.tasks)
        let executor = model.make()
        let startedAt = Date()
        let before = Sys.resourceUsage(.process)
        let start = Sys.monotonicNanoseconds()
        try executor.execute(workload, workers: workers, log: log)
        let end = Sys.monotonicNanoseconds()
        let usage = Sys.resourceUsage(.process).since(before)
        guard log.isComplete else {
            throw BenchError.failure("Model \(model.rawValue) returned before every task of \(workload.name) finished.")
        }
        return Sample(
            workload: workload.name, kind: workload.kind, model: model, workers: workers,
            tasks: configuration.tasks, taskSeconds: workload.taskSeconds, repetition: repetition,
            coresAvailable: configuration.coresAvailable, startedAt: startedAt,
            wallSeconds: Double(end - start) / 1e9, usage: usage,
            latency: LatencySummary(taskSeconds: log.taskSeconds), checksum: log.combinedChecksum)
    }
}
