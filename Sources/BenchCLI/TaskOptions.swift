import ArgumentParser
import BenchCore

/// The user's own Python function as the task: `--task` and its options.
struct TaskOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Your Python function as the task: MODULE:FUNCTION (in --task-path, the working directory or on sys.path) or FILE.py:FUNCTION. Each task is one call, under every CPython model; implies --runtime python.",
            valueName: "ref"))
    var task: String?

    @Option(
        name: .customLong("task-path"),
        help: ArgumentHelp("A folder put first on the worker's sys.path for --task.", valueName: "dir"))
    var taskPath: String?

    @Option(
        name: .customLong("task-args"),
        help: ArgumentHelp(
            "JSON arguments every call receives instead of the task's index: a list is spread into positional arguments, an object into keywords, anything else is one argument.",
            valueName: "json"))
    var taskArguments: String?

    @Option(
        name: .customLong("task-args-each"),
        help: ArgumentHelp(
            "A JSON list: task i receives item i mod its length (spread as --task-args is).", valueName: "json"))
    var taskArgumentsEach: String?

    @Option(
        name: .customLong("task-setup"),
        help: ArgumentHelp(
            "MODULE:FUNCTION run once per worker (thread, process, event loop) outside the clock; its return value is every call's first argument.",
            valueName: "ref"))
    var taskSetup: String?

    @Flag(
        name: .customLong("no-result-check"),
        help: "Do not compare each call's result across models (for functions whose results legitimately vary).")
    var noResultCheck = false

    /// Puts what these options say into `input`.
    func fill(_ input: inout SettingsInput) {
        if let task {
            var setting = TaskSetting(function: task)
            setting.path = taskPath
            setting.arguments = taskArguments
            setting.argumentsEach = taskArgumentsEach
            setting.setup = taskSetup
            input.task = setting
        } else if taskPath != nil || taskArguments != nil || taskArgumentsEach != nil || taskSetup != nil {
            // Given without --task: the resolver refuses them by name.
            var setting = TaskSetting(function: "")
            setting.path = taskPath
            setting.arguments = taskArguments
            setting.argumentsEach = taskArgumentsEach
            setting.setup = taskSetup
            input.strayTaskOptions = setting
        }
        if noResultCheck { input.resultCheck = false }
    }
}
