/// Where a family's serial baseline came from: all of its tasks, or a prefix scaled up.
public struct BaselineSource: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Tasks each serial sample ran.
    public var measuredTasks: Int
    /// Tasks in the cell (what the baseline stands for).
    public var tasks: Int

    /// Creates a source; `measuredTasks` equal to `tasks` is a measured baseline.
    public init(measuredTasks: Int, tasks: Int) {
        self.measuredTasks = measuredTasks
        self.tasks = tasks
    }

    /// Whether the baseline was scaled up from a prefix of the tasks.
    public var isExtrapolated: Bool { measuredTasks < tasks }

    /// "measured", or "serial extrapolated from 64 of 100000 tasks".
    public var description: String {
        isExtrapolated ? "serial extrapolated from \(measuredTasks) of \(tasks) tasks" : "measured"
    }

    /// The CSV `baseline` field: "measured", or "extrapolated 64/100000".
    public var csvValue: String {
        isExtrapolated ? "extrapolated \(measuredTasks)/\(tasks)" : "measured"
    }
}
