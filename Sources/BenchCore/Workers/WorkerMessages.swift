/// What the parent asks a worker process to do.
public enum WorkerRequest: Codable, Sendable, Equatable {
    /// Build this workload; the worker answers ``WorkerReply/ready(pid:)``.
    case prepare(WorkloadSpec)
    /// Run tasks `start ..< start + count` of the prepared workload, one after another; the worker
    /// answers ``WorkerReply/tasksDone(_:)`` once, with all of them.
    case runTasks(start: Int, count: Int)
    /// Measure a whole sample in this process; the worker answers ``WorkerReply/sample(_:)``.
    case runSample(SampleRequest)
    /// Exit cleanly.
    case shutdown
}

/// What a worker process answers.
public enum WorkerReply: Codable, Sendable, Equatable {
    /// The workload is built and the worker is waiting for tasks.
    case ready(pid: Int32)
    /// A batch of tasks finished, each with its own times.
    case tasksDone([TaskRecord])
    /// A sample was measured (its status says whether it succeeded).
    case sample(Sample)
    /// The request could not be served; the sentence says why.
    case error(String)
}

/// One finished task, as a worker reports it.
public struct TaskRecord: Codable, Sendable, Equatable {
    /// The task's index in its sample.
    public var index: Int
    /// The task's checksum.
    public var checksum: UInt64
    /// Start on the monotonic clock (shared by every process on the machine), in nanoseconds.
    public var startNanoseconds: UInt64
    /// End on the monotonic clock, in nanoseconds.
    public var endNanoseconds: UInt64
    /// The process that ran it.
    public var pid: Int32
    /// When it was handed to its runtime (CPython's asyncio loop), on the same clock; nil when
    /// not recorded.
    public var enqueuedNanoseconds: UInt64? = nil
    /// Its wait: begun, could have gone on, ran again; nil when not recorded.
    public var wait: Wait? = nil

    /// A task's wait, on the monotonic clock.
    public struct Wait: Codable, Sendable, Equatable {
        /// When the wait began.
        public var began: UInt64
        /// When it could have gone on (a sleep's deadline, an I/O completion).
        public var ended: UInt64
        /// When it ran again.
        public var resumed: UInt64

        /// Creates a wait.
        public init(began: UInt64, ended: UInt64, resumed: UInt64) {
            self.began = began
            self.ended = ended
            self.resumed = resumed
        }
    }

    /// Creates a record.
    public init(index: Int, checksum: UInt64, startNanoseconds: UInt64, endNanoseconds: UInt64, pid: Int32) {
        self.index = index
        self.checksum = checksum
        self.startNanoseconds = startNanoseconds
        self.endNanoseconds = endNanoseconds
        self.pid = pid
    }
}

extension TaskRecord {
    /// Whether a task could have run so: it ended no earlier than it started. A record that
    /// arrives from another process is untrusted.
    public var isPlausible: Bool { endNanoseconds >= startNanoseconds }
}
