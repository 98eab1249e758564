/// A way of running a sample's tasks: one after another, on threads, as async tasks, ...
///
/// A model runs all `tasks` tasks of `workload`, at most `workers` at a time, records each task in
/// `log`, and returns when every task has finished. It must not busy-wait: while tasks wait, the
/// harness's threads sleep in the kernel.
public protocol ExecutionModel: Sendable {
    /// Runs `log.count` tasks of `workload` with at most `workers` in flight.
    /// - Returns: what the model measured about itself beyond the tasks (pool start-up).
    /// - Throws: ``SystemCallError`` if the model cannot create its threads or processes;
    ///   ``SampleFailure`` if a worker process died.
    @discardableResult
    func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport

    /// Readies, before the sample's clock starts, what a long-running program has ready long
    /// before its work arrives (the cooperative pool's threads, the runtime's timer), so a sample
    /// in a fresh process measures the model, not the process's first use of it.
    func warmUp()
}

extension ExecutionModel {
    /// Nothing to ready: the model creates what it uses on each run, and that is part of it.
    public func warmUp() {}
}

/// Starts every thread of the cooperative pool and its timer machinery, once per process (the
/// pool then stays up): one task per CPU, each holding its thread for a moment (so the pool must
/// start another for the next) and then awaiting a short `Task.sleep`.
func warmCooperativePool() {
    _ = cooperativePoolWarmed
}

/// Evaluated once, on first use, however many samples run in this process.
private let cooperativePoolWarmed: Void = {
    let width = max(1, Sys.onlineCPUCount())
    blockOn {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<width {
                group.addTask {
                    Sys.sleep(nanoseconds: 1_000_000)
                    try? await Task.sleep(nanoseconds: 1_000)
                }
            }
        }
    }
}()

/// What a model reports about a run besides its tasks.
public struct ExecutionReport: Sendable, Equatable {
    /// Time spent starting a pool before the first task could run, in nanoseconds; nil for
    /// models without a separate start-up phase. The sample's wall time excludes it.
    public var startupNanoseconds: UInt64?

    /// Creates a report.
    public init(startupNanoseconds: UInt64? = nil) {
        self.startupNanoseconds = startupNanoseconds
    }
}

/// A sample that could not be measured, with the reason in one sentence.
public struct SampleFailure: Error, Equatable, CustomStringConvertible {
    /// What went wrong, e.g. "worker process 1234 killed by SIGSEGV".
    public var reason: String

    /// Creates a failure.
    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// The execution models users can select, with their names and descriptions.
public enum ModelKind: String, Codable, Sendable, CaseIterable, Comparable {
    case serial
    case threads
    case async
    case asyncBlocking = "async-blocking"
    case eventLoop = "event-loop"
    case processes
    case spawn
    /// CPython's subinterpreters, each with its own GIL (PEP 684), each driven by its own thread.
    case interpreters

    /// The models a run measures when none are asked for: every one but `interpreters`, which is
    /// CPython 3.12's and newer and asked for by name.
    public static var defaults: [ModelKind] { allCases.filter { $0 != .interpreters } }

    /// One line for `bench list` and the report.
    public var summary: String {
        switch self {
        case .serial: "the baseline: tasks one after another on one thread"
        case .threads: "a pool of N OS threads taking tasks from a shared queue (parallel)"
        case .async:
            "Swift async tasks in a task group on the cooperative pool, N in flight (parallel up to the pool width)"
        case .asyncBlocking:
            "async tasks that wait with blocking calls, the anti-pattern: each wait holds a cooperative-pool thread (one per core)"
        case .eventLoop:
            "async tasks pinned to one thread by a TaskExecutor, N in flight (concurrent, never parallel; like asyncio)"
        case .processes:
            "a pool of N worker processes (bench re-executed), tasks handed out over pipes (parallel; start-up timed apart)"
        case .spawn: "one new worker process per task, at most N alive (parallel; pays process creation per task)"
        case .interpreters:
            "CPython 3.12+ only: N subinterpreters in one process, each with its own GIL and thread, taking tasks as threads do (parallel; start-up timed apart)"
        }
    }

    /// Whether tasks can run on several cores at once under this model.
    public var isParallel: Bool {
        switch self {
        case .serial, .eventLoop: false
        case .threads, .async, .asyncBlocking, .processes, .spawn, .interpreters: true
        }
    }

    /// Builds the model.
    public func make() -> any ExecutionModel {
        switch self {
        case .serial: SerialModel()
        case .threads: ThreadPoolModel()
        case .async: AsyncTasksModel()
        case .asyncBlocking: AsyncBlockingModel()
        case .eventLoop: EventLoopModel()
        case .processes: ProcessPoolModel()
        case .spawn: SpawnModel()
        case .interpreters: CPythonOnlyModel(model: self)
        }
    }

    /// The number of workers this model uses when `requested` are asked for.
    public func workers(requested: Int) -> Int {
        self == .serial ? 1 : requested
    }

    public static func < (lhs: ModelKind, rhs: ModelKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
