import Foundation
import Yams

/// A workload described in a YAML file under `workloads/`: which kind of work, how much, and the
/// defaults to run it with. Command-line flags override every value.
///
/// Parsing is strict: an unknown key, a value of the wrong type or out of range is rejected with
/// the file, the field and what was expected, never silently ignored.
public struct WorkloadFile: Codable, Sendable, Equatable {
    /// The name reports use (default: the file's name without `.yaml`).
    public var name: String
    /// One line for `bench list`.
    public var description: String
    /// What the tasks spend their time on.
    public var kind: WorkloadKind
    /// Tasks per sample.
    public var tasks: Int?
    /// One task's duration on one core, in milliseconds.
    public var taskMilliseconds: Double?
    /// The share of each task spent waiting (mixed only).
    public var ioFraction: Double?
    /// How tasks wait: sleep, file or socket.
    public var ioKind: String?
    /// Bytes per task for the file I/O kind.
    public var fileBytes: Int?
    /// Models to run.
    public var models: [ModelKind]?
    /// Workers.
    public var cores: Int?
    /// Recorded repetitions.
    public var repetitions: Int?
    /// Warm-up repetitions.
    public var warmup: Int?
    /// Whether to write a task timeline (trace.json) beside the other reports.
    public var trace: Bool?
    /// The runtimes to measure in: swift, python or both.
    public var runtimes: [Runtime]?
    /// The user's Python function as the task (`task: {python: …}`); its kind is then user.
    public var task: TaskSetting?
    /// The CPython interpreters to measure in (`python: [python3, python3.13]`), each its own
    /// runtime; one this machine lacks is left out and the report says so. A path with a slash is
    /// relative to the file's folder.
    public var pythons: [String]?
    /// The GIL states of a free-threaded build (`gil: [on, off]`).
    public var gilStates: [GILState]?

    /// The keys a file may have, with what each expects (for error messages and docs).
    public static let fields: [(key: String, expects: String)] = [
        ("name", "a name"), ("description", "a one-line description"), ("kind", "cpu, io or mixed"),
        ("tasks", "a whole number from 1 to \(RunLimits.maxTasks)"), ("task_ms", "milliseconds, 1 to 60000"),
        ("io_fraction", "a number from 0 to 1"), ("io_kind", "sleep, file or socket"),
        ("file_bytes", "a whole number of bytes from 1 to 1073741824"),
        ("models", "a list of models (\(ModelKind.allCases.map(\.rawValue).joined(separator: ", ")))"),
        ("cores", "a whole number from 1 to \(RunLimits.maxWorkers)"),
        ("repetitions", "a whole number from 1 to \(RunLimits.maxRepetitions)"),
        ("warmup", "a whole number from 0 to \(RunLimits.maxWarmup)"), ("trace", "true or false"),
        ("runtime", "swift, python, or a list of both"),
        ("python", "a CPython interpreter (a path or a command), or a list of them"),
        ("gil", "on, off, or a list of both (free-threaded builds)"),
        (
            "task",
            "a mapping: python (MODULE:FUNCTION or FILE.py:FUNCTION), and optionally path, args, args_each, setup"
        ),
    ]

    /// Where `reference` points: a path to a .yaml/.yml file, or a name looked up in `directory`.
    public static func locate(_ reference: String, in directory: String = "workloads") -> String? {
        let candidates =
            reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
            ? [reference] : ["\(directory)/\(reference).yaml", "\(directory)/\(reference).yml"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The workload files in `directory`, sorted by name; unreadable ones are left out (see
    /// ``rejected(in:)`` for them and why).
    public static func all(in directory: String = "workloads") -> [(path: String, file: WorkloadFile)] {
        loadEach(in: directory).compactMap { path, result in (try? result.get()).map { (path, $0) } }
    }

    /// The files in `directory` that look like workload files but cannot be used, with the
    /// sentence saying why.
    public static func rejected(in directory: String = "workloads") -> [(path: String, reason: String)] {
        loadEach(in: directory).compactMap { path, result in
            guard case .failure(let error) = result else { return nil }
            return (path, (error as? BenchError)?.description ?? String(describing: error))
        }
    }

    private static func loadEach(in directory: String) -> [(String, Result<WorkloadFile, any Error>)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { name in
            let path = "\(directory)/\(name)"
            return (path, Result { try load(path) })
        }
    }

    /// Reads and checks the file at `path`.
    /// - Throws: ``BenchError/usage(_:)`` naming the file and the field.
    public static func load(_ path: String) throws -> WorkloadFile {
        // A workload file is a few short lines: refuse a large one before reading it.
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > Limits.bytes {
            throw BenchError.usage(
                "\(path) is \(size) bytes; a workload file is a short mapping of fields, at most \(Limits.bytes) bytes."
            )
        }
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw BenchError.usage("\(path) is not a regular file; give a .yaml workload file.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchError.usage("\(path) cannot be read; check the path and its permissions.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BenchError.usage("\(path) is not UTF-8 text; a workload file is YAML, saved as UTF-8.")
        }
        return try parse(text, path: path)
    }

    /// Bounds on a workload file, so that one small on disk cannot be huge in memory (aliases
    /// expanding exponentially) or deep enough to exhaust the stack.
    public enum Limits {
        /// The largest file read, in bytes.
        public static let bytes = 65_536
        /// The most YAML nodes the file may expand to, aliases followed.
        public static let nodes = 1_000
        /// The deepest nesting of lists and mappings.
        public static let depth = 8
    }

    /// Parses YAML text; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws -> WorkloadFile {
        guard text.utf8.count <= Limits.bytes else {
            throw BenchError.usage(
                "\(path) is \(text.utf8.count) bytes; a workload file is at most \(Limits.bytes) bytes.")
        }
        let root: Any?
        do {
            // Composing shares aliased nodes, so it stays as small as the text; the bounds are checked
            // on that tree before anything is expanded into values.
            if let node = try Yams.compose(yaml: text) { try checkBounds(node, path: path) }
            root = try Yams.load(yaml: text)
        } catch let error as BenchError {
            throw error
        } catch {
            throw BenchError.usage(
                "\(path) is not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "").")
        }
        guard let map = root as? [String: Any] else {
            throw BenchError.usage("\(path) must be a mapping of fields (name, kind, tasks, …), one per line.")
        }
        let known = Set(fields.map(\.key))
        if let unknown = map.keys.sorted().first(where: { !known.contains($0) }) {
            throw BenchError.usage(
                "\(path): unknown field '\(unknown)'; the fields are \(fields.map(\.key).joined(separator: ", ")).")
        }
        func fail(_ key: String, _ value: Any) -> BenchError {
            let expects = fields.first { $0.key == key }!.expects
            return BenchError.usage("\(path): field '\(key)' expects \(expects), found '\(value)'.")
        }
        func int(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let value = map[key] else { return nil }
            guard let number = value as? Int, range.contains(number) else { throw fail(key, value) }
            return number
        }
        func double(_ key: String, _ range: ClosedRange<Double>) throws -> Double? {
            guard let value = map[key] else { return nil }
            let number = (value as? Double) ?? (value as? Int).map(Double.init)
            guard let number, range.contains(number) else { throw fail(key, value) }
            return number
        }
        func string(_ key: String) throws -> String? {
            guard let value = map[key] else { return nil }
            guard let text = value as? String, !text.isEmpty else { throw fail(key, value) }
            return text
        }
        let task = try map["task"].map { try taskSetting($0, path: path) }
        guard let kindText = map["kind"] ?? (task != nil ? "user" : nil) else {
            throw BenchError.usage("\(path): field 'kind' is missing; it expects cpu, io or mixed.")
        }
        guard let kindName = kindText as? String, let kind = WorkloadKind(rawValue: kindName),
            (kind == .user) == (task != nil)
        else {
            throw fail("kind", kindText)
        }
        var models: [ModelKind]?
        if let value = map["models"] {
            guard let list = value as? [Any], !list.isEmpty else { throw fail("models", value) }
            models = try list.map { item in
                guard let name = item as? String, let model = ModelKind(rawValue: name) else {
                    throw fail("models", item)
                }
                return model
            }
        }
        var runtimes: [Runtime]?
        if let value = map["runtime"] {
            let items = (value as? [Any]) ?? [value]
            guard !items.isEmpty else { throw fail("runtime", value) }
            runtimes = try items.map { item in
                guard let name = item as? String, let runtime = Runtime(rawValue: name) else {
                    throw fail("runtime", item)
                }
                return runtime
            }
        }
        func list(_ key: String) throws -> [String]? {
            guard let value = map[key] else { return nil }
            let items = (value as? [Any]) ?? [value]
            guard !items.isEmpty else { throw fail(key, value) }
            return try items.map { item in
                guard let text = item as? String, !text.isEmpty else { throw fail(key, item) }
                return text
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        let pythons = try list("python")?.map { name in
            name.contains("/") && !name.hasPrefix("/") && !folder.isEmpty ? "\(folder)/\(name)" : name
        }
        let gilStates = try list("gil")?.map { name in
            guard let state = GILState(rawValue: name) else { throw fail("gil", name) }
            return state
        }
        var trace: Bool?
        if let value = map["trace"] {
            guard let flag = value as? Bool else { throw fail("trace", value) }
            trace = flag
        }
        let ioKind = try string("io_kind")
        if let ioKind, IOKind(rawValue: ioKind) == nil { throw fail("io_kind", ioKind) }
        let ioFraction = try double("io_fraction", 0...1)
        if ioFraction != nil && kind != .mixed {
            throw BenchError.usage(
                "\(path): field 'io_fraction' applies to kind mixed only; this workload's kind is \(kind.rawValue).")
        }
        let defaultName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if task != nil, let key = ["task_ms", "io_fraction", "io_kind", "file_bytes"].first(where: { map[$0] != nil }) {
            throw BenchError.usage(
                "\(path): field '\(key)' does not apply to a task of the user's function, whose calls take the time they take; drop it."
            )
        }
        var file = WorkloadFile(
            name: try string("name") ?? defaultName, description: try string("description") ?? "",
            kind: kind, tasks: try int("tasks", 1...RunLimits.maxTasks),
            taskMilliseconds: try double("task_ms", 1...60_000),
            ioFraction: ioFraction, ioKind: ioKind, fileBytes: try int("file_bytes", 1...(1 << 30)), models: models,
            cores: try int("cores", 1...RunLimits.maxWorkers),
            repetitions: try int("repetitions", 1...RunLimits.maxRepetitions),
            warmup: try int("warmup", 0...RunLimits.maxWarmup), trace: trace, runtimes: runtimes, task: task)
        file.pythons = pythons
        file.gilStates = gilStates
        return file
    }

    /// The `task:` mapping: `python`, and optionally `path`, `args`, `args_each` and `setup`; the
    /// arguments are YAML values, passed on as JSON, and paths are relative to the file's folder.
    static func taskSetting(_ value: Any, path: String) throws -> TaskSetting {
        let keys = ["python", "path", "args", "args_each", "setup"]
        func fail(_ why: String) -> BenchError {
            BenchError.usage("\(path): field 'task' \(why); it is a mapping of \(keys.joined(separator: ", ")).")
        }
        guard let map = value as? [String: Any] else { throw fail("is not a mapping") }
        if let unknown = map.keys.sorted().first(where: { !keys.contains($0) }) {
            throw fail("has an unknown key '\(unknown)'")
        }
        guard let function = map["python"] as? String, !function.isEmpty else {
            throw fail("needs python: MODULE:FUNCTION or FILE.py:FUNCTION")
        }
        func text(_ key: String) throws -> String? {
            guard let value = map[key] else { return nil }
            guard let text = value as? String, !text.isEmpty else { throw fail("has '\(key)' that is not a string") }
            return text
        }
        func json(_ key: String) throws -> String? {
            guard let value = map[key] else { return nil }
            guard let text = TaskSetting.json(value) else { throw fail("has '\(key)' that cannot be written as JSON") }
            return text
        }
        var setting = TaskSetting(function: function)
        setting.path = try text("path")
        setting.setup = try text("setup")
        setting.arguments = try json("args")
        setting.argumentsEach = try json("args_each")
        setting.base = (path as NSString).deletingLastPathComponent
        return setting
    }

    /// Refuses a tree of more than ``Limits/nodes`` nodes (counting every expansion of an alias) or
    /// deeper than ``Limits/depth``, stopping as soon as a bound is passed.
    static func checkBounds(_ root: Node, path: String) throws {
        var count = 0
        var stack: [(Node, Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            count += 1
            guard count <= Limits.nodes else {
                throw BenchError.usage(
                    "\(path) expands to more than \(Limits.nodes) YAML values (aliases repeating aliases?); a workload file is a short mapping of fields."
                )
            }
            guard depth <= Limits.depth else {
                throw BenchError.usage(
                    "\(path) nests lists or mappings more than \(Limits.depth) deep; a workload file is a flat mapping of fields."
                )
            }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack += sequence.map { ($0, depth + 1) }
            case .mapping(let mapping): stack += mapping.flatMap { [($0.key, depth + 1), ($0.value, depth + 1)] }
            }
        }
    }
}
