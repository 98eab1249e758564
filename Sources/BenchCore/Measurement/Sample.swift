import Foundation
import Histogram

/// Whether a sample produced a measurement.
public enum SampleStatus: String, Codable, Sendable {
    /// Every task finished and the measurement is valid.
    case ok
    /// The sample's process or a worker crashed or exited early; see the failure reason.
    case failed
    /// The sample did not finish within `--timeout` and was killed.
    case timedOut = "timed_out"
}

/// Per-task durations of one sample, summarised.
public struct LatencySummary: Codable, Sendable, Equatable {
    /// Median task duration, in seconds.
    public var p50Seconds: Double
    /// 90th-percentile task duration, in seconds.
    public var p90Seconds: Double
    /// 99th-percentile task duration, in seconds.
    public var p99Seconds: Double
    /// The longest task, in seconds.
    public var maxSeconds: Double

    /// Summarises task durations through an HDR histogram of nanoseconds with three significant
    /// digits (so each percentile is within 0.1% of the exact value); nil when there are none.
    public init?(taskSeconds: [Double]) {
        guard !taskSeconds.isEmpty else { return nil }
        var histogram = Histogram<UInt64>(numberOfSignificantValueDigits: .three)
        for seconds in taskSeconds { _ = histogram.record(UInt64(max(0, (seconds * 1e9).rounded()))) }
        func seconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e9 }
        p50Seconds = seconds(histogram.valueAtPercentile(50))
        p90Seconds = seconds(histogram.valueAtPercentile(90))
        p99Seconds = seconds(histogram.valueAtPercentile(99))
        maxSeconds = seconds(histogram.max)
    }

    /// Creates a summary from known values.
    public init(p50Seconds: Double, p90Seconds: Double, p99Seconds: Double, maxSeconds: Double) {
        self.p50Seconds = p50Seconds
        self.p90Seconds = p90Seconds
        self.p99Seconds = p99Seconds
        self.maxSeconds = maxSeconds
    }
}

/// One task as it ran: when, for how long, and where.
public struct TaskSpan: Codable, Sendable, Equatable {
    /// The task's index in its sample.
    public var task: Int
    /// Start, in seconds after the sample started.
    public var startSeconds: Double
    /// Duration, in seconds.
    public var durationSeconds: Double
    /// The lane that ran it: 0, 1, … for each distinct thread (or worker process) in order of first use.
    public var lane: Int
}

/// One measurement: one workload run once under one model with one number of workers.
public struct Sample: Codable, Sendable, Equatable {
    /// What was measured: workload, model, workers and every other dimension.
    public var cell: Cell
    /// 1-based repetition number within its cell; 0 for a warm-up, recorded only when it failed.
    public var repetition: Int
    /// CPUs in the process's affinity mask when the sample ran.
    public var coresAvailable: Int
    /// When the sample started (wall clock).
    public var startedAt: Date
    /// Whether the sample produced a measurement.
    public var status: SampleStatus
    /// Why the sample failed or timed out; nil when it is ok.
    public var failureReason: String?
    /// Elapsed time on the monotonic clock, in seconds, excluding any pool start-up.
    public var wallSeconds: Double
    /// Pool start-up before the first task, in seconds; nil for models without one.
    public var startupSeconds: Double?
    /// CPU time, user mode, and context switches, over the sample (getrusage deltas).
    public var usage: ResourceUsage
    /// Per-task duration percentiles.
    public var latency: LatencySummary?
    /// All task checksums folded together; equal across models for the same workload.
    public var checksum: UInt64
    /// The allocator the sample's process really used, verified at run time ("jemalloc 5.3.0");
    /// the cell says which one was asked for.
    public var allocatorInUse: String?
    /// jemalloc's figures: bytes allocated, active and resident at the end of the sample, and the
    /// allocations and deallocations made during it; nil under the system allocator.
    public var allocatorStats: AllocatorStats?
    /// Every task's span, when a trace was asked for (`--trace`); nil otherwise.
    public var timeline: [TaskSpan]?
    /// Tasks really run when the sample was extrapolated from a prefix (an extrapolated serial
    /// baseline): its wall and CPU times are the prefix's scaled by tasks ÷ this; nil when every
    /// task ran.
    public var measuredTasks: Int?
    /// The CPUs the sample could really use (the smallest of affinity, cgroup quota and cpuset);
    /// nil when not read, which means ``coresAvailable``.
    public var usableCPUs: Double?
    /// CPU-quota periods in which the sample's cgroup was throttled during the sample; nil when
    /// the cgroup's counters are not readable.
    public var throttledPeriods: Int?
    /// Time the sample's cgroup spent throttled during the sample, in seconds.
    public var throttledSeconds: Double?
    /// Each task's result hash, index for index, for the user's own code with the result check on
    /// (``UserTask/checksResults``); nil otherwise. Compared across models by ``ResultCheck``.
    public var taskResults: [UInt64]?
    /// Mean bytes of pickled arguments sent to a worker process per call (CPython's processes and
    /// spawn, for the user's function); nil where no call crosses a process.
    public var argumentBytesPerCall: Double?
    /// Mean bytes of pickled return value sent back from a worker process per call; nil where no
    /// call crosses a process.
    public var resultBytesPerCall: Double?
    /// Whether the GIL was enabled once the workload was imported (`sys._is_gil_enabled()`), for a
    /// free-threaded build's cells (``Cell/gil``); nil for every other sample. True in a cell with
    /// the GIL off means an imported module turned it back on.
    public var gilEnabled: Bool?
    /// CPU time the hypervisor stole from this machine (all CPUs) during the sample, in seconds;
    /// nil when `/proc/stat` has no steal figure.
    public var stealSeconds: Double?

    /// Where this sample's figures come from: every task, or a prefix scaled up.
    public var baselineSource: BaselineSource {
        BaselineSource(measuredTasks: measuredTasks ?? cell.tasks, tasks: cell.tasks)
    }

    /// The CPUs the sample could use: ``usableCPUs``, or ``coresAvailable`` when not read.
    public var capacity: Double { usableCPUs ?? Double(coresAvailable) }

    /// Whether the CPU quota throttled the sample.
    public var wasThrottled: Bool { (throttledPeriods ?? 0) > 0 }

    /// How long tasks waited to be run once they could run, and the share of the wall with work
    /// ready and nothing running; nil where not recorded.
    public var readyDelay: ReadyDelay?

    /// The share of what the sample's CPUs could have run during it (wall, start-up included, ×
    /// ``capacity``) that the hypervisor stole from them; nil when steal was not read.
    public var stealShare: Double? {
        guard let stealSeconds else { return nil }
        let capacitySeconds = (wallSeconds + (startupSeconds ?? 0)) * capacity
        return capacitySeconds > 0 ? stealSeconds / capacitySeconds : nil
    }

    /// Whether the hypervisor stole more than 5% of what the sample's CPUs could have run: a
    /// sample that barely used the CPU (a wait) is not flagged for steal it could not have felt.
    public var hadSteal: Bool { (stealShare ?? 0) > 0.05 }

    /// User plus system CPU time, in seconds.
    public var cpuSeconds: Double { usage.userSeconds + usage.systemSeconds }
    /// Average number of cores busy during the sample: CPU time ÷ wall time, both including any
    /// pool start-up (a worker's CPU time cannot be split at the moment it became ready).
    public var utilisationCores: Double {
        let wall = wallSeconds + (startupSeconds ?? 0)
        return wall > 0 ? cpuSeconds / wall : 0
    }
    /// Tasks completed per second of wall time.
    public var tasksPerSecond: Double { wallSeconds > 0 ? Double(cell.tasks) / wallSeconds : 0 }

    /// Creates a sample from its measurements.
    public init(
        cell: Cell, repetition: Int, coresAvailable: Int, startedAt: Date,
        status: SampleStatus = .ok, failureReason: String? = nil, wallSeconds: Double,
        startupSeconds: Double? = nil, usage: ResourceUsage, latency: LatencySummary?, checksum: UInt64
    ) {
        self.cell = cell
        self.repetition = repetition
        self.coresAvailable = coresAvailable
        self.startedAt = startedAt
        self.status = status
        self.failureReason = failureReason
        self.wallSeconds = wallSeconds
        self.startupSeconds = startupSeconds
        self.usage = usage
        self.latency = latency
        self.checksum = checksum
    }
}

extension Sample {
    /// A sample that produced no measurement, with its status and the reason.
    public static func unmeasured(_ request: SampleRequest, startedAt: Date, status: SampleStatus, reason: String)
        -> Sample
    {
        Sample(
            cell: request.cell, repetition: request.repetition, coresAvailable: request.coresAvailable,
            startedAt: startedAt,
            status: status, failureReason: reason, wallSeconds: 0,
            usage: ResourceUsage(
                userSeconds: 0, systemSeconds: 0, voluntaryContextSwitches: 0,
                involuntaryContextSwitches: 0, peakRSSBytes: 0),
            latency: nil, checksum: 0)
    }

    /// Wall time including pool start-up, in seconds.
    public var wallWithStartupSeconds: Double { wallSeconds + (startupSeconds ?? 0) }

    /// The sample a model's run of `request` yields, from its tasks' `log`: the model's wall time
    /// (pool start-up excluded, timed apart), the CPU `usage` of the tasks run, and the spans on
    /// the monotonic clock from `origin`. An extrapolated baseline ran a prefix of the tasks: its
    /// times stand for all of them, scaled. A failed sample when some task never finished.
    static func measured(
        _ request: SampleRequest, startedAt: Date, log: TaskLog, origin: UInt64, wallNanoseconds: UInt64,
        startupNanoseconds: UInt64?, usage: ResourceUsage
    ) -> Sample {
        guard log.isComplete else {
            return .unmeasured(
                request, startedAt: startedAt, status: .failed,
                reason: "model \(request.model.rawValue) returned before every task finished")
        }
        let scale = Double(request.tasks) / Double(log.count)
        var sample = Sample(
            cell: request.cell, repetition: request.repetition, coresAvailable: request.coresAvailable,
            startedAt: startedAt, wallSeconds: Double(wallNanoseconds) / 1e9 * scale,
            startupSeconds: startupNanoseconds.map { Double($0) / 1e9 }, usage: usage.scaled(by: scale),
            latency: LatencySummary(taskSeconds: log.taskSeconds), checksum: log.combinedChecksum)
        if log.count < request.tasks { sample.measuredTasks = log.count }
        if request.workload.userTask?.checksResults == true && log.count == request.tasks {
            sample.taskResults = log.checksums
        }
        if request.recordTimeline { sample.timeline = log.timeline(origin: origin) }
        sample.readyDelay = ReadyDelay(
            log.timings, origin: origin + (startupNanoseconds ?? 0),
            end: origin + (startupNanoseconds ?? 0) + wallNanoseconds)
        return sample
    }
}

extension Sample {
    private enum LegacyKeys: String, CodingKey {
        case workload, kind, model, workers, tasks, taskSeconds, ioFraction, ioKind, allocator
    }

    /// Decodes a sample, defaulting the fields added after the first release. A sample written
    /// before schema version 4 has its identity in separate fields; its cell is rebuilt from them
    /// (``ResultDocument`` then fills in what only the configuration knew).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if c.contains(.cell) {
            cell = try c.decode(Cell.self, forKey: .cell)
            allocatorInUse = try c.decodeIfPresent(String.self, forKey: .allocatorInUse)
        } else {
            let legacy = try decoder.container(keyedBy: LegacyKeys.self)
            let kind = try legacy.decode(WorkloadKind.self, forKey: .kind)
            allocatorInUse = try legacy.decodeIfPresent(String.self, forKey: .allocator)
            cell = Cell(
                workload: try legacy.decode(String.self, forKey: .workload), kind: kind,
                model: try legacy.decode(ModelKind.self, forKey: .model),
                workers: try legacy.decode(Int.self, forKey: .workers),
                tasks: try legacy.decode(Int.self, forKey: .tasks),
                taskSeconds: try legacy.decode(Double.self, forKey: .taskSeconds),
                ioFraction: try legacy.decodeIfPresent(Double.self, forKey: .ioFraction),
                ioKind: try legacy.decodeIfPresent(IOKind.self, forKey: .ioKind) ?? .sleep,
                allocator: Allocator(describing: allocatorInUse))
        }
        repetition = try c.decode(Int.self, forKey: .repetition)
        coresAvailable = try c.decode(Int.self, forKey: .coresAvailable)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        status = try c.decode(SampleStatus.self, forKey: .status)
        failureReason = try c.decodeIfPresent(String.self, forKey: .failureReason)
        wallSeconds = try c.decode(Double.self, forKey: .wallSeconds)
        startupSeconds = try c.decodeIfPresent(Double.self, forKey: .startupSeconds)
        usage = try c.decode(ResourceUsage.self, forKey: .usage)
        latency = try c.decodeIfPresent(LatencySummary.self, forKey: .latency)
        checksum = try c.decode(UInt64.self, forKey: .checksum)
        allocatorStats = try c.decodeIfPresent(AllocatorStats.self, forKey: .allocatorStats)
        timeline = try c.decodeIfPresent([TaskSpan].self, forKey: .timeline)
        measuredTasks = try c.decodeIfPresent(Int.self, forKey: .measuredTasks)
        usableCPUs = try c.decodeIfPresent(Double.self, forKey: .usableCPUs)
        throttledPeriods = try c.decodeIfPresent(Int.self, forKey: .throttledPeriods)
        throttledSeconds = try c.decodeIfPresent(Double.self, forKey: .throttledSeconds)
        stealSeconds = try c.decodeIfPresent(Double.self, forKey: .stealSeconds)
        readyDelay = try c.decodeIfPresent(ReadyDelay.self, forKey: .readyDelay)
        taskResults = try c.decodeIfPresent([UInt64].self, forKey: .taskResults)
        argumentBytesPerCall = try c.decodeIfPresent(Double.self, forKey: .argumentBytesPerCall)
        resultBytesPerCall = try c.decodeIfPresent(Double.self, forKey: .resultBytesPerCall)
        gilEnabled = try c.decodeIfPresent(Bool.self, forKey: .gilEnabled)
    }
}
