/// A way of running a sample's tasks: one after another, on threads, as async tasks, ...
///
/// A model runs all `tasks` tasks of `workload`, at most `workers` at a time, records each task in
/// `log`, and returns when every task has finished. It must not busy-wait: while tasks wait, the
/// harness's threads sleep in the kernel.
public protocol ExecutionModel: Sendable {
    /// Runs `log.count` tasks of `workload` with at most `workers` in flight.
    /// - Throws: ``SystemCallError`` if the model cannot create its threads.
    func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws
}

/// The execution models users can select, with their names and descriptions.
public enum ModelKind: String, Codable, Sendable, CaseIterable, Comparable {
    case serial
    case threads
    case async
    case eventLoop = "event-loop"

    /// One line for `bench list` and the report.
    public var summary: String {
        switch self {
        case .serial: "the baseline: tasks one after another on one thread"
        case .threads: "a pool of N OS threads taking tasks from a shared queue (parallel)"
        case .async: "Swift async tasks in a task group on the cooperative pool, N in flight (parallel up to the pool width)"
        case .eventLoop: "async tasks pinned to one thread by a TaskExecutor, N in flight (concurrent, never parallel; like asyncio)"
        }
    }

    /// Whether tasks can run on several cores at once under this model.
    public var isParallel: Bool {
        switch self {
        case .serial, .eventLoop: false
        case .threads, .async: true
        }
    }

    /// Builds the model.
    public func make() -> any ExecutionModel {
        switch self {
        case .serial: SerialModel()
        case .threads: ThreadPoolModel()
        case .async: AsyncTasksModel()
        case .eventLoop: EventLoopModel()
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
