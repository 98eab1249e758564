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
        task.arguments = try Self.arguments(same: setting.arguments, each: setting.argumentsEach)
        task.argumentsKey = Self.canonical(setting.arguments ?? setting.argumentsEach)
        task.checksResults = pick(\.resultCheck) ?? true
        return task
    }

    /// The JSON with its keys sorted, the hash's key until the interpreter's probe gives its own
    /// (which also keeps 1.0 apart from 1); nil for none.
    static func canonical(_ text: String?) -> String? {
        guard let text,
            let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// What each call receives, from the JSON given; the JSON is stored canonical (keys sorted),
    /// so the same arguments always hash alike.
    static func arguments(same: String?, each: String?) throws -> UserTask.Arguments {
        if same != nil && each != nil {
            throw BenchError.usage(
                "--task-args gives every call the same arguments and --task-args-each one set per task; give one of them."
            )
        }
        // The text goes to Python as given (re-encoding it would turn 1.0 into 1); Python's probe
        // gives the canonical form the cell's hash is of.
        func parse(_ text: String, _ flag: String) throws -> (value: Any, json: String) {
            guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            else {
                throw BenchError.usage(
                    "\(flag) '\(text.prefix(80))' is not JSON; give a JSON value, e.g. '[1024, \"text\"]' or '{\"size\": 1024}' (a list is spread into positional arguments, an object into keywords)."
                )
            }
            return (value, text)
        }
        if let same { return .same(json: try parse(same, "--task-args").json) }
        if let each {
            let parsed = try parse(each, "--task-args-each")
            guard let list = parsed.value as? [Any], !list.isEmpty else {
                throw BenchError.usage(
                    "--task-args-each takes a non-empty JSON list, one item per task (task i gets item i mod its length); for the same arguments every call use --task-args."
                )
            }
            return .each(json: parsed.json, count: list.count)
        }
        return .index
    }
}
