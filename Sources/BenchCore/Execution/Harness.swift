import Foundation

/// The measuring loop, and nothing else: takes the samples of planned cells in the order the
/// scheduler gives, from a ``SampleRunner``, checks checksums, honours interruption, stops
/// retrying a cell that hit a limit of the system, and checkpoints after each recorded sample.
public struct Harness: Sendable {
    /// The result the samples are added to (configuration, machine, calibrations, workloads).
    public var result: RunResult
    /// Blocks of cells that run one after another; models interleave within a block.
    public var blocks: [[PlannedCell]]
    /// Who measures each sample.
    public var runner: any SampleRunner
    /// The order samples run in within a block.
    public var order: RunOrder
    /// Whether to read the cgroup's throttling and the machine's steal around each sample (off
    /// on a simulated machine, whose samples are not measured).
    public var readsCapacity = true

    /// A loop over `blocks`, adding samples to `result`, in the order its configuration asks.
    public init(result: RunResult, blocks: [[PlannedCell]], runner: any SampleRunner, order: RunOrder? = nil) {
        self.result = result
        self.blocks = blocks
        self.runner = runner
        self.order = order ?? result.configuration.order
    }

    /// Whether `cell` gets the warm-ups: every cell, except under `--stop verdict`, where only the
    /// cells whose first sample is known to differ do (a worker pool or process start, a CPython
    /// interpreter starting cold), not a whole extra round.
    static func warms(_ cell: Cell, _ configuration: RunConfiguration) -> Bool {
        guard configuration.autoRepetitions?.stop == .verdict else { return true }
        return cell.runtime != .swift || [.processes, .spawn, .interpreters].contains(cell.model)
    }

    /// Measures every cell and returns the result with its samples.
    /// - Parameters:
    ///   - progress: called before each sample, on the calling thread.
    ///   - checkpoint: called with the result so far after each recorded sample, so a front end
    ///     can write results as they arrive.
    /// - Throws: ``SystemCallError`` when a sample process cannot be started; ``BenchError`` when
    ///   models disagree on a checksum (a harness bug, never hidden).
    public func run(
        progress: (RunProgress) -> Void = { _ in }, checkpoint: (RunResult) throws -> Void = { _ in }
    ) throws -> RunResult {
        let configuration = result.configuration
        let cells = blocks.flatMap { $0 }
        // The scheduler works on cell indices: block b holds the next blocks[b].count of them.
        var indices: [[Int]] = []
        var first = 0
        for block in blocks {
            indices.append(Array(first..<(first + block.count)))
            first += block.count
        }
        var scheduler = SampleScheduler(
            blocks: indices, order: order, warmup: configuration.warmup, repetitions: configuration.repetitions,
            auto: configuration.autoRepetitions, seed: configuration.seed,
            warms: { Self.warms(cells[$0].cell, configuration) })
        var result = result
        var checks = ChecksumBook()
        // Grouped order has no rounds to pair: its cells stop on their own precision.
        var policy = configuration.autoRepetitions
        if order == .grouped { policy?.stop = .precision }
        var tracker = VerdictTracker(
            blocks: indices, cells: cells.map(\.cell), auto: policy, maximum: configuration.repetitions)
        // A cell that hit a limit of the system (threads, processes, descriptors) is not retried.
        var abandoned = Set<Int>()
        // The cgroup whose quota throttles the samples (theirs is this process's): read around each.
        let cgroup = readsCapacity ? Sys.cgroupFolder("cpu") : nil
        // Steal of the CPUs the samples may run on, not of the whole machine's.
        let stealCPUs = readsCapacity ? Sys.affinityCPUs() : nil
        var completed = 0
        var simulatedSeconds = 0.0
        var firstStart: Date?
        while let step = scheduler.next(isSettled: { abandoned.contains($0) || tracker.isSettled($0) }) {
            guard !abandoned.contains(step.cell) else { continue }
            guard !Interruption.isRequested else {
                result.interrupted = true
                result.stops = tracker.stops()
                return result
            }
            let request = cells[step.cell].request(repetition: step.repetition)
            let left = tracker.remaining(
                warmups: { Self.warms(cells[$0].cell, configuration) ? configuration.warmup : 0 },
                abandoned: abandoned)
            progress(
                RunProgress(
                    completed: completed, total: max(completed + left.samples, completed + 1), cell: request.cell,
                    repetition: step.repetition, elapsedSeconds: firstStart.map { Date().timeIntervalSince($0) } ?? 0,
                    remainingSeconds: left.seconds))
            if firstStart == nil { firstStart = Date() }
            // A simulated machine's samples take no time: its clock is the samples' own.
            let started = readsCapacity ? Date() : Date(timeIntervalSince1970: simulatedSeconds)
            let throttlingBefore = cgroup.flatMap(Sys.cpuThrottling)
            let stealBefore = readsCapacity ? Sys.stealSeconds(cpus: stealCPUs) : nil
            var sample = try runner.run(request)
            sample.usableCPUs = configuration.usableCPUs
            if let before = throttlingBefore, let after = cgroup.flatMap(Sys.cpuThrottling) {
                sample.throttledPeriods = max(0, after.periods - before.periods)
                sample.throttledSeconds = max(0, after.seconds - before.seconds)
            }
            if let before = stealBefore, let after = Sys.stealSeconds(cpus: stealCPUs) {
                sample.stealSeconds = max(0, after - before)
            }
            completed += 1
            if Interruption.isRequested && sample.status != .ok {
                result.interrupted = true  // killed by the stop itself: not a failure of the sample
                return result
            }
            simulatedSeconds += sample.wallWithStartupSeconds
            tracker.record(
                cell: step.cell, repetition: step.repetition, wall: sample.status == .ok ? sample.wallSeconds : nil,
                started: started, finished: readsCapacity ? Date() : Date(timeIntervalSince1970: simulatedSeconds))
            if sample.status == .ok {
                try checks.check(sample)
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
        result.stops = tracker.stops()
        return result
    }
}
