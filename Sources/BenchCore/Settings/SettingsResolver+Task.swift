import Foundation

extension SettingsResolver {
    /// The user's Python function as the run's one workload (`--task`, or a workload file's
    /// `task:`), checked before anything runs: the reference's form, the file, the JSON of the
    /// arguments, and what may not go with it. The interpreter imports it later (``settle``).
    /// - Throws: ``BenchError/usage(_:)`` with one sentence naming what is wrong.
    func userTask() throws -> UserTask? {
        // Task options without --task are refused even when a workload file names a function:
        // the file's own task: mapping says what its calls receive.
        let stray = flags.strayTaskOptions
        for (flag, value) in [
            ("--task-path", stray?.path), ("--task-args", stray?.arguments),
            ("--task-args-each", stray?.argumentsEach), ("--task-setup", stray?.setup),
        ] where value != nil {
            throw BenchError.usage(
                "\(flag) applies to --task only (a workload file's task: mapping sets its own); add --task MODULE:FUNCTION or drop \(flag)."
            )
        }
        guard let setting = flags.task ?? file?.task else { return nil }
        if flags.task != nil && (flags.workloads != nil || file != nil) {
            throw BenchError.usage(
                "--task runs your function as the workload, so it cannot go beside --workload; drop one of them.")
        }
        if let runtimes = flags.runtimes, runtimes.presentItems != [Runtime.python.rawValue] {
            throw BenchError.usage(
                "--task runs a Python function, in CPython (--runtime python is implied); drop --runtime \(runtimes.text)."
            )
        }
        let base = setting.base ?? FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        }
        func reference(_ text: String, _ flag: String) throws -> (reference: String, qualified: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 2, let name = parts.last, !name.isEmpty, !parts.dropLast().joined().isEmpty,
                name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
            else {
                throw BenchError.usage(
                    "\(flag) '\(text)' names no function; give MODULE:FUNCTION (a module on sys.path or in --task-path) or FILE.py:FUNCTION."
                )
            }
            let module = parts.dropLast().joined(separator: ":")
            guard module.hasSuffix(".py") || module.contains("/") else { return (text, text) }
            let path = absolute(module)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                throw BenchError.usage(
                    "\(flag) '\(text)': the file \(module) does not exist; give the path of a .py file.")
            }
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return ("\(path):\(name)", "\(stem):\(name)")
        }
        let function = try reference(setting.function, "--task")
        var task = UserTask(language: .python, reference: function.reference, qualifiedName: function.qualified)
        if flags.task == nil, let file { task.name = file.name }
        if let path = setting.path {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isFolder), isFolder.boolValue
            else {
                throw BenchError.usage("--task-path \(path) is not a folder; give the folder that holds your module.")
            }
        }
        task.searchPath = setting.path.map(absolute) ?? base
        task.setup = try setting.setup.map { try reference($0, "--task-setup").reference }
        (task.arguments, task.argumentsKey) = try Self.arguments(same: setting.arguments, each: setting.argumentsEach)
        return task
    }

    /// What `run` and `sweep` share once the workload is known: the user's function runs in
    /// CPython alone, and whether results are compared (which only the user's code has).
    /// - Throws: ``BenchError/usage(_:)`` for `--no-result-check` without the user's code.
    func apply(_ task: UserTask?, to configuration: inout RunConfiguration) throws {
        if let task {
            configuration.userTask = task
            configuration.runtimes = [.python]
        }
        configuration.checksResults = pick(\.resultCheck) ?? true
        if flags.resultCheck == false && !configuration.workloadKinds.contains(.user) {
            throw BenchError.usage(
                "--no-result-check applies to your own code (--task, or a workload of BenchMain), whose results bench compares across models; this run has \(configuration.workloads.joined(separator: ", ")); drop --no-result-check."
            )
        }
    }

    /// What each call receives, from the JSON given (which goes to Python as it is: re-encoding it
    /// would turn 1.0 into 1), and the JSON with its keys sorted, the cell's hash key until the
    /// interpreter's probe gives its own (which also keeps 1.0 apart from 1).
    static func arguments(same: String?, each: String?) throws -> (UserTask.Arguments, key: String?) {
        if same != nil && each != nil {
            throw BenchError.usage(
                "--task-args gives every call the same arguments and --task-args-each one set per task; give one of them."
            )
        }
        func parse(_ text: String, _ flag: String) throws -> (value: Any, key: String?) {
            guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            else {
                throw BenchError.usage(
                    "\(flag) '\(text.prefix(80))' is not JSON; give a JSON value, e.g. '[1024, \"text\"]' or '{\"size\": 1024}' (a list is spread into positional arguments, an object into keywords)."
                )
            }
            let sorted = try? JSONSerialization.data(
                withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
            return (value, sorted.map { String(decoding: $0, as: UTF8.self) })
        }
        if let same { return (.same(json: same), try parse(same, "--task-args").key) }
        if let each {
            let parsed = try parse(each, "--task-args-each")
            guard let list = parsed.value as? [Any], !list.isEmpty else {
                throw BenchError.usage(
                    "--task-args-each takes a non-empty JSON list, one item per task (task i gets item i mod its length); for the same arguments every call use --task-args."
                )
            }
            return (.each(json: each, count: list.count), parsed.key)
        }
        return (.index, nil)
    }
}
