/// How long a sample's tasks waited to be run once they could run, and how much of the sample
/// the model spent with work ready and nothing running: for event-loop and asyncio the loop's
/// lag, for the pools their queueing, for `async-blocking` its starved pool.
///
/// A task could run when its turn in the model's queue came (it was handed to the model: added
/// to the task group, put on the loop) and again when each of its waits ended (a sleep's
/// deadline, an I/O completion); the delay is the time from there to the moment it ran.
public struct ReadyDelay: Codable, Sendable, Equatable {
    /// The median over tasks of each task's total delay, in seconds.
    public var p50Seconds: Double
    /// The 99th percentile (nearest rank) over tasks, in seconds.
    public var p99Seconds: Double
    /// The largest, in seconds.
    public var maxSeconds: Double
    /// The share of the sample's wall time during which some task was ready and none ran.
    public var idleShare: Double

    /// Creates a summary.
    public init(p50Seconds: Double, p99Seconds: Double, maxSeconds: Double, idleShare: Double) {
        self.p50Seconds = p50Seconds
        self.p99Seconds = p99Seconds
        self.maxSeconds = maxSeconds
        self.idleShare = idleShare
    }

    /// One task's moments on one clock (nanoseconds); zero where a moment was not recorded.
    public struct Timing: Sendable, Equatable {
        /// When it was handed to the model (its turn in the queue came); 0: it ran at once.
        public var enqueued: UInt64
        /// When it started running.
        public var start: UInt64
        /// When its wait began; 0: no wait recorded.
        public var waitBegan: UInt64
        /// When its wait ended (a sleep's deadline, an I/O completion).
        public var waitEnded: UInt64
        /// When it ran again after the wait.
        public var resumed: UInt64
        /// When it ended.
        public var end: UInt64

        /// Creates a timing.
        public init(
            enqueued: UInt64 = 0, start: UInt64, waitBegan: UInt64 = 0, waitEnded: UInt64 = 0, resumed: UInt64 = 0,
            end: UInt64
        ) {
            self.enqueued = enqueued
            self.start = start
            self.waitBegan = waitBegan
            self.waitEnded = waitEnded
            self.resumed = resumed
            self.end = end
        }

        /// The spans during which it could run but did not.
        var readySpans: [(UInt64, UInt64)] {
            var spans: [(UInt64, UInt64)] = []
            if enqueued > 0 && start > enqueued { spans.append((enqueued, start)) }
            if hasWait && resumed > waitEnded { spans.append((waitEnded, resumed)) }
            return spans
        }

        /// The spans during which it ran.
        var runningSpans: [(UInt64, UInt64)] {
            guard hasWait else { return [(start, end)] }
            return [(start, max(start, waitBegan)), (max(resumed, waitBegan), end)]
        }

        var hasWait: Bool { waitBegan > 0 && waitEnded > 0 && resumed > 0 }

        /// The task's total delay, in nanoseconds.
        var delay: UInt64 { readySpans.reduce(0) { $0 + ($1.1 - $1.0) } }
    }

    /// The summary of `tasks` over a sample that ran from `origin` to `end`; nil without tasks.
    public init?(_ tasks: [Timing], origin: UInt64, end: UInt64) {
        guard !tasks.isEmpty, end > origin else { return nil }
        let delays = tasks.map { Double($0.delay) / 1e9 }.sorted()
        func rank(_ p: Double) -> Double {
            delays[min(delays.count - 1, max(0, Int((p * Double(delays.count)).rounded(.up)) - 1))]
        }
        // Sweep the spans' edges: time with a task ready and none running.
        var edges: [(time: UInt64, ready: Int, running: Int)] = []
        for task in tasks {
            for (a, b) in task.readySpans where b > a { edges += [(a, 1, 0), (b, -1, 0)] }
            for (a, b) in task.runningSpans where b > a { edges += [(a, 0, 1), (b, 0, -1)] }
        }
        edges.sort { $0.time < $1.time }
        var ready = 0
        var running = 0
        var idle: UInt64 = 0
        var last = origin
        for edge in edges {
            let time = min(max(edge.time, origin), end)
            if ready > 0 && running == 0 && time > last { idle += time - last }
            last = max(last, time)
            ready += edge.ready
            running += edge.running
        }
        self.init(
            p50Seconds: rank(0.5), p99Seconds: rank(0.99), maxSeconds: delays.last ?? 0,
            idleShare: Double(idle) / Double(end - origin))
    }
}
