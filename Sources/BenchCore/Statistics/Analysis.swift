/// A sample together with the figures derived from its workload's serial baseline.
public struct DerivedSample: Sendable, Equatable {
    /// The measurement.
    public var sample: Sample
    /// Median serial wall time ÷ this sample's wall time.
    public var speedup: Double
    /// Speedup ÷ min(workers, cores available).
    public var efficiency: Double
    /// The wall time this model would take with no overhead, in seconds.
    public var idealWallSeconds: Double
    /// Measured wall time ÷ ideal wall time: 1 is perfect, 2 took twice the ideal.
    public var vsIdeal: Double
}

/// The summary of one cell: one workload under one model with one number of workers.
public struct CellSummary: Codable, Sendable, Equatable {
    /// The workload's name.
    public var workload: String
    /// What its tasks spend their time on.
    public var kind: WorkloadKind
    /// The model.
    public var model: ModelKind
    /// Workers the model used.
    public var workers: Int
    /// Tasks per sample.
    public var tasks: Int
    /// Duration of one task, in seconds.
    public var taskSeconds: Double
    /// The share of each task spent waiting.
    public var ioFraction: Double
    /// Wall time over the cell's samples, in seconds.
    public var wall: Summary
    /// 95% confidence interval of the median wall time; nil with fewer than 6 samples.
    public var wallInterval: MedianConfidenceInterval?
    /// Wall times flagged as outliers (modified z-score above 3.5), in seconds: reported, kept.
    public var wallOutliers: [Double]
    /// Per-task latency: the median over samples of each percentile, and the largest maximum.
    public var latency: LatencySummary?
    /// Samples of this cell that failed or timed out (left out of every figure).
    public var unsuccessful: Int
    /// CPU time (user + system) over the cell's samples, in seconds.
    public var cpu: Summary
    /// Median CPU utilisation, in cores.
    public var utilisationCores: Double
    /// Median pool start-up, in seconds; nil for models without one.
    public var startupSeconds: Double?
    /// Median serial wall ÷ median wall.
    public var speedup: Double
    /// Speedup ÷ min(workers, cores available).
    public var efficiency: Double
    /// The ideal wall time, in seconds.
    public var idealWallSeconds: Double
    /// Median wall ÷ ideal wall.
    public var vsIdeal: Double
}

/// Derives speedups, efficiencies and ideal times from samples: pure functions, no I/O.
public enum Analysis {
    /// The median wall time of the serial samples of `workload`, or nil if there are none.
    public static func serialMedian(_ samples: [Sample], workload: String) -> Double? {
        Stats.median(samples.filter { $0.workload == workload && $0.model == .serial && $0.status == .ok }.map(\.wallSeconds))
    }

    /// Each sample's derived figures, index for index; nil for a sample that failed or whose
    /// workload has no successful serial baseline.
    public static func derive(_ samples: [Sample]) -> [DerivedSample?] {
        var baselines: [String: Double] = [:]
        return samples.map { sample in
            guard sample.status == .ok else { return nil }
            let serial = baselines[sample.workload] ?? serialMedian(samples, workload: sample.workload)
            guard let serial else { return nil }
            baselines[sample.workload] = serial
            let ideal = idealWallSeconds(for: sample, serialWallSeconds: serial)
            let speedup = sample.wallSeconds > 0 ? serial / sample.wallSeconds : 0
            return DerivedSample(
                sample: sample, speedup: speedup,
                efficiency: speedup / Double(max(1, min(sample.workers, sample.coresAvailable))),
                idealWallSeconds: ideal, vsIdeal: ideal > 0 ? sample.wallSeconds / ideal : 0)
        }
    }

    /// One summary per cell, in the order cells first appear; cells without a serial baseline
    /// for their workload are left out.
    public static func cells(_ samples: [Sample]) -> [CellSummary] {
        struct Key: Hashable { var workload: String; var model: ModelKind; var workers: Int }
        var order: [Key] = []
        var groups: [Key: [Sample]] = [:]
        var unsuccessful: [Key: Int] = [:]
        for sample in samples {
            let key = Key(workload: sample.workload, model: sample.model, workers: sample.workers)
            guard sample.status == .ok else {
                unsuccessful[key, default: 0] += 1
                continue
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(sample)
        }
        return order.compactMap { key in
            let group = groups[key]!
            guard let serial = serialMedian(samples, workload: key.workload),
                  let wall = Summary(group.map(\.wallSeconds)),
                  let cpu = Summary(group.map(\.cpuSeconds)) else { return nil }
            let first = group[0]
            let ideal = idealWallSeconds(for: first, serialWallSeconds: serial)
            let speedup = wall.median > 0 ? serial / wall.median : 0
            let walls = group.map(\.wallSeconds)
            let latencies = group.compactMap(\.latency)
            return CellSummary(
                workload: key.workload, kind: first.kind, model: key.model, workers: key.workers,
                tasks: first.tasks, taskSeconds: first.taskSeconds, ioFraction: first.ioFraction, wall: wall,
                wallInterval: MedianConfidenceInterval(walls),
                wallOutliers: Outliers.indices(walls).map { walls[$0] },
                latency: latencies.isEmpty ? nil : LatencySummary(
                    p50Seconds: Stats.median(latencies.map(\.p50Seconds))!,
                    p90Seconds: Stats.median(latencies.map(\.p90Seconds))!,
                    p99Seconds: Stats.median(latencies.map(\.p99Seconds))!,
                    maxSeconds: latencies.map(\.maxSeconds).max()!),
                unsuccessful: unsuccessful[key] ?? 0,
                cpu: cpu,
                utilisationCores: Stats.median(group.map(\.utilisationCores)) ?? 0,
                startupSeconds: Stats.median(group.compactMap(\.startupSeconds)),
                speedup: speedup,
                efficiency: speedup / Double(max(1, min(key.workers, first.coresAvailable))),
                idealWallSeconds: ideal, vsIdeal: ideal > 0 ? wall.median / ideal : 0)
        }
    }

    private static func idealWallSeconds(for sample: Sample, serialWallSeconds: Double) -> Double {
        // A file task takes as long as the device does, not --task-ms: take its time from serial.
        let taskSeconds = sample.ioKind == .file && sample.kind == .io ? serialWallSeconds / Double(max(1, sample.tasks)) : sample.taskSeconds
        return IdealTime.wallSeconds(kind: sample.kind, model: sample.model, workers: sample.workers,
                              tasks: sample.tasks, taskSeconds: taskSeconds,
                              serialWallSeconds: serialWallSeconds, coresAvailable: sample.coresAvailable,
                              ioFraction: sample.ioFraction)
    }
}
