/// How the serial baseline of a run is obtained.
///
/// Serial runs one task after another, so its time grows with the tasks: 10,000 tasks of 100 ms
/// would take 1,000 s per sample. Extrapolated measures serial on a prefix of the tasks and
/// scales its wall and CPU time to the whole sample; every figure against it says so.
public enum BaselineMode: String, Codable, Sendable, CaseIterable {
    /// Serial runs every task of the sample.
    case measured
    /// Serial runs a prefix of at least ``minimumPrefixTasks`` tasks, scaled to all of them.
    case extrapolated

    /// The fewest tasks an extrapolated baseline measures.
    public static let minimumPrefixTasks = 64
    /// With no mode asked for, serial is extrapolated when one sample would take this long or more.
    public static let automaticLimitSeconds = 10.0
    /// An extrapolated prefix runs at least this long (when its tasks are short, more than 64 of them).
    public static let prefixSeconds = 2.0

    /// The mode chosen when none is asked for: measured when one serial sample of `tasks` tasks of
    /// `taskSeconds` would take under ``automaticLimitSeconds``, extrapolated otherwise. Workloads
    /// without a set task duration (alloc, noop) are always measured.
    public static func automatic(tasks: Int, taskSeconds: Double?) -> BaselineMode {
        guard let taskSeconds else { return .measured }
        return Double(tasks) * taskSeconds < automaticLimitSeconds ? .measured : .extrapolated
    }

    /// The tasks one serial sample runs under this mode, or nil when it runs all `tasks`.
    public func prefixTasks(tasks: Int, taskSeconds: Double) -> Int? {
        guard self == .extrapolated else { return nil }
        let forDuration = taskSeconds > 0 ? Int((Self.prefixSeconds / taskSeconds).rounded(.up)) : 0
        let prefix = max(Self.minimumPrefixTasks, forDuration)
        return prefix < tasks ? prefix : nil
    }
}
