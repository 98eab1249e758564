import Foundation

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

    /// A YAML value as JSON text, keeping a float a float (`1.0`, which Foundation's JSON writer
    /// turns into `1`); nil for what JSON cannot hold (a date, an infinity).
    static func json(_ value: Any?) -> String? {
        switch value {
        case nil, is NSNull: return "null"
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        case let number as Double:
            guard number.isFinite else { return nil }
            let text = "\(number)"
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        case let text as String:
            guard let data = try? JSONSerialization.data(withJSONObject: [text]) else { return nil }
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        case let list as [Any]:
            let items = list.map { json($0) }
            guard items.allSatisfy({ $0 != nil }) else { return nil }
            return "[" + items.map { $0! }.joined(separator: ",") + "]"
        case let map as [String: Any]:
            var parts: [String] = []
            for key in map.keys.sorted() {
                guard let name = json(key), let item = json(map[key]) else { return nil }
                parts.append(name + ":" + item)
            }
            return "{" + parts.joined(separator: ",") + "}"
        default: return nil
        }
    }
}
