/// One runtime as a run measures it: the language and, for a runtime that runs in an interpreter,
/// which one ("python 3.13.0", "python 3.13.0t" for a free-threaded build). Several interpreters
/// of one language are several instances, each with its own calibration, interpreter description
/// and cells; Swift has one instance.
public struct RuntimeInstance: Hashable, Codable, CodingKeyRepresentable, Comparable, Sendable,
    CustomStringConvertible
{
    /// The language.
    public var runtime: Runtime
    /// The interpreter's label (``InterpreterInfo/label``); nil for Swift, and in results from
    /// before several interpreters could run together.
    public var interpreter: String?

    /// Creates an instance.
    public init(_ runtime: Runtime, interpreter: String? = nil) {
        self.runtime = runtime
        self.interpreter = runtime == .swift ? nil : interpreter
    }

    /// bench's Swift models.
    public static let swift = RuntimeInstance(.swift)

    /// As files and keys write it: "swift", "python 3.13.0".
    public var description: String { interpreter.map { "\(runtime.rawValue) \($0)" } ?? runtime.rawValue }

    /// As reports name it: "Swift", "CPython 3.13.0".
    public var displayName: String { interpreter.map { "\(runtime.displayName) \($0)" } ?? runtime.displayName }

    /// The instance `text` writes ("python 3.13.0"), or nil when its runtime is unknown.
    public init?(text: String) {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, let runtime = Runtime(rawValue: first) else { return nil }
        self.init(runtime, interpreter: parts.count > 1 ? parts[1] : nil)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let instance = RuntimeInstance(text: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a runtime"))
        }
        self = instance
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public var codingKey: any CodingKey { SchemaKey(description) }

    public init?<T: CodingKey>(codingKey: T) { self.init(text: codingKey.stringValue) }

    /// Swift first, then by version (3.9 before 3.13), then by spelling.
    public static func < (a: RuntimeInstance, b: RuntimeInstance) -> Bool {
        if a.runtime != b.runtime { return a.runtime < b.runtime }
        let (x, y) = (a.versionKey, b.versionKey)
        if x != y { return x.lexicographicallyPrecedes(y) }
        return (a.interpreter ?? "") < (b.interpreter ?? "")
    }

    /// The label's version as an ordered key, the one order of interpreters: major, minor,
    /// micro, the release (alpha 0, beta 1, candidate 2, final 3) and its number, then 1 for a
    /// free-threaded build ("3.13.0rc1" before "3.13.0" before "3.13.0t" before "3.14.0a1").
    public var versionKey: [Int] { Self.versionKey(interpreter ?? "") }

    /// The ordered key of a version label (``versionKey``).
    public static func versionKey(_ label: String) -> [Int] {
        var rest = Substring(label)
        let numbers = rest.prefix { $0.isNumber || $0 == "." }
        rest = rest.dropFirst(numbers.count)
        var key = numbers.split(separator: ".").compactMap { Int($0) }.prefix(3).map { $0 }
        while key.count < 3 { key.append(0) }
        let releases: [(String, Int)] = [("rc", 2), ("a", 0), ("b", 1)]
        if let (tag, rank) = releases.first(where: { rest.hasPrefix($0.0) }) {
            rest = rest.dropFirst(tag.count)
            let digits = rest.prefix(while: \.isNumber)
            rest = rest.dropFirst(digits.count)
            key += [rank, Int(digits) ?? 0]
        } else {
            key += [3, 0]
        }
        key.append(rest.hasPrefix("t") ? 1 : 0)
        return key
    }
}
