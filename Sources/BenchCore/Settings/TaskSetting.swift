/// The user's Python function as a source gives it (`--task` and its options, or a workload
/// file's `task:` mapping), before ``SettingsResolver`` checks it and makes a ``UserTask``.
public struct TaskSetting: Codable, Sendable, Equatable {
    /// `MODULE:FUNCTION` or `FILE.py:FUNCTION`.
    public var function: String
    /// A folder to add to the worker's `sys.path`, as given.
    public var path: String?
    /// JSON arguments every call receives, as given.
    public var arguments: String?
    /// A JSON list: call `index` receives item `index % count`, as given.
    public var argumentsEach: String?
    /// `MODULE:FUNCTION` run once per worker, outside the clock.
    public var setup: String?
    /// The folder relative paths are relative to: the working directory for flags, a workload
    /// file's own folder for the file.
    public var base: String?

    /// A task of `function`.
    public init(function: String) {
        self.function = function
    }
}
