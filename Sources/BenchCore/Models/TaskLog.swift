import Foundation

/// When each task of a sample started and ended, written lock-free by whichever thread ran it.
///
/// Storage is preallocated, one slot per task; each task writes only its own slot, so recording
/// costs two clock reads and no synchronisation on the hot path. The sample reads the log only
/// after every task has finished (threads joined, task group drained).
public final class TaskLog: @unchecked Sendable {
    /// The number of tasks the log has room for.
    public let count: Int
    private let starts: UnsafeMutableBufferPointer<UInt64>
    private let ends: UnsafeMutableBufferPointer<UInt64>
    private let checksumStore: UnsafeMutableBufferPointer<UInt64>
    private let threads: UnsafeMutableBufferPointer<UInt64>
    /// When each task was handed to the model, and its wait's begin, end and the moment it ran
    /// again (``ReadyDelay/Timing``); zero where not recorded.
    private let enqueues: UnsafeMutableBufferPointer<UInt64>
    private let waits: UnsafeMutableBufferPointer<(began: UInt64, ended: UInt64, resumed: UInt64)>

    /// The log of the sample running in this process, for the waits to note their moments in;
    /// nil between samples, and for a second sample measured at the same time in one process
    /// (tests do that; bench runs one sample at a time), whose waits are then not noted.
    public static var current: TaskLog? {
        currentLock.lock()
        defer { currentLock.unlock() }
        return running
    }

    private static let currentLock = NSLock()
    nonisolated(unsafe) private static var running: TaskLog?

    /// Makes `log` the ``current`` one unless another sample's is; whether it did.
    static func begin(_ log: TaskLog) -> Bool {
        currentLock.lock()
        defer { currentLock.unlock() }
        guard running == nil else { return false }
        running = log
        return true
    }

    /// Ends `log`'s time as the ``current`` one.
    static func end(_ log: TaskLog) {
        currentLock.lock()
        defer { currentLock.unlock() }
        if running === log { running = nil }
    }

    /// Creates a log for `count` tasks.
    public init(count: Int) {
        self.count = count
        starts = .allocate(capacity: count)
        ends = .allocate(capacity: count)
        checksumStore = .allocate(capacity: count)
        threads = .allocate(capacity: count)
        enqueues = .allocate(capacity: count)
        waits = .allocate(capacity: count)
        enqueues.initialize(repeating: 0)
        waits.initialize(repeating: (0, 0, 0))
        threads.initialize(repeating: 0)
        starts.initialize(repeating: 0)
        ends.initialize(repeating: 0)
        checksumStore.initialize(repeating: 0)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        checksumStore.deallocate()
        threads.deallocate()
        enqueues.deallocate()
        waits.deallocate()
    }

    /// Notes that task `index` was handed to the model now: from here it could run.
    @inline(__always)
    public func enqueued(_ index: Int) {
        enqueues[index] = Sys.monotonicNanoseconds()
    }

    /// Notes task `index`'s wait: it began at `began`, could have gone on at `ended` (a sleep's
    /// deadline, an I/O completion) and ran again at `resumed` (monotonic nanoseconds). Tasks
    /// outside the log's range (another sample's) are ignored.
    @inline(__always)
    public func waited(_ index: Int, began: UInt64, ended: UInt64, resumed: UInt64) {
        guard index >= 0 && index < count else { return }
        waits[index] = (began, min(ended, resumed), resumed)
    }

    /// Each task's moments, in task order.
    public var timings: [ReadyDelay.Timing] {
        (0..<count).map {
            ReadyDelay.Timing(
                enqueued: enqueues[$0], start: starts[$0], waitBegan: waits[$0].began, waitEnded: waits[$0].ended,
                resumed: waits[$0].resumed, end: ends[$0])
        }
    }

    /// Runs task `index` with `body` on the calling thread and records its start, end and checksum.
    @inline(__always)
    public func run(_ index: Int, _ body: () -> UInt64) {
        threads[index] = Sys.currentThreadID()
        starts[index] = Sys.monotonicNanoseconds()
        checksumStore[index] = body()
        ends[index] = Sys.monotonicNanoseconds()
    }

    /// Runs task `index` with an async `body` and records its start, end and checksum.
    @inline(__always)
    public func run(_ index: Int, _ body: () async -> UInt64) async {
        threads[index] = Sys.currentThreadID()
        starts[index] = Sys.monotonicNanoseconds()
        checksumStore[index] = await body()
        ends[index] = Sys.monotonicNanoseconds()
    }

    /// Records a task another process ran (its clock is the same monotonic clock).
    public func record(_ task: TaskRecord) {
        if let wait = task.wait { waits[task.index] = (wait.began, wait.ended, wait.resumed) }
        if let enqueued = task.enqueuedNanoseconds { enqueues[task.index] = enqueued }
        threads[task.index] = UInt64(UInt32(bitPattern: task.pid))
        starts[task.index] = task.startNanoseconds
        checksumStore[task.index] = task.checksum
        ends[task.index] = task.endNanoseconds
    }

    /// The thread (or, for process models, the process id) each task started on, in task order (an async task may resume elsewhere).
    public var threadIDs: [UInt64] { Array(threads) }

    /// Each task's start and end on the monotonic clock, in nanoseconds, in task order.
    public var intervals: [(start: UInt64, end: UInt64)] {
        (0..<count).map { (starts[$0], ends[$0]) }
    }

    /// Every task's span relative to `origin` (monotonic nanoseconds), with lanes numbered by
    /// first use of each thread or process.
    public func timeline(origin: UInt64) -> [TaskSpan] {
        var lanes: [UInt64: Int] = [:]
        let order = (0..<count).sorted { starts[$0] < starts[$1] }
        var spans = [TaskSpan?](repeating: nil, count: count)
        for index in order {
            let lane = lanes[threads[index]] ?? lanes.count
            lanes[threads[index]] = lane
            spans[index] = TaskSpan(
                task: index, startSeconds: Double(Int64(bitPattern: starts[index] &- origin)) / 1e9,
                durationSeconds: Double(ends[index] &- starts[index]) / 1e9, lane: lane)
        }
        return spans.compactMap { $0 }
    }

    /// The most tasks that were running at the same instant.
    public var maxConcurrency: Int {
        // Ends sort before starts at the same instant, so back-to-back tasks do not count as overlapping.
        var events: [(time: UInt64, delta: Int)] = []
        for interval in intervals {
            events.append((interval.start, 1))
            events.append((interval.end, -1))
        }
        events.sort { $0.time != $1.time ? $0.time < $1.time : $0.delta < $1.delta }
        var running = 0
        var most = 0
        for (_, delta) in events {
            running += delta
            most = max(most, running)
        }
        return most
    }

    /// Each task's duration in seconds, in task order.
    public var taskSeconds: [Double] {
        (0..<count).map { Double(ends[$0] &- starts[$0]) / 1e9 }
    }

    /// Each task's checksum, in task order.
    public var checksums: [UInt64] { Array(checksumStore) }

    /// The checksums of every task folded into one value; routed to ``blackHole(_:)`` as well.
    public var combinedChecksum: UInt64 {
        var combined: UInt64 = 0
        for index in 0..<count { combined = (combined &* 31) ^ checksumStore[index] }
        blackHole(combined)
        return combined
    }

    /// Whether every task recorded an end time.
    public var isComplete: Bool {
        (0..<count).allSatisfy { ends[$0] != 0 }
    }
}
