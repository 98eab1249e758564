import Foundation

/// The user's own code as the task: a Python function bench imports in each worker, or a Swift
/// closure registered with ``UserWorkloads``. Sent as it is to every process that runs it.
public struct UserTask: Codable, Sendable, Equatable {
    /// The language the code is written in, which decides the runtime its cells run in.
    public enum Language: String, Codable, Sendable {
        /// A Python function (`--task MODULE:FUNCTION` or `FILE.py:FUNCTION`), run in CPython.
        case python
        /// A Swift closure registered with ``UserWorkloads`` (``BenchMain``), run in bench's own models.
        case swift
    }

    /// What each call receives besides the setup's value.
    public enum Arguments: Codable, Sendable, Equatable {
        /// The task's index, 0 ..< tasks.
        case index
        /// The same JSON value every call (`--task-args`).
        case same(json: String)
        /// Item `index % count` of a JSON list, one per task (`--task-args-each`).
        case each(json: String, count: Int)
    }

    /// The workload's name in reports: the function's own name, or the workload file's.
    public var name: String
    /// The language.
    public var language: Language
    /// The function as given: `pkg.mod:func`, `path/to/file.py:func`, or a Swift workload's name.
    public var reference: String
    /// The module (or file) and function as the cell names them, e.g. `tasks:sha256_1mib`: the
    /// same for one function however it was reached, so merged machines keep it as one.
    public var qualifiedName: String
    /// A folder put first on `sys.path` for the worker (`--task-path`), absolute; nil for none.
    public var searchPath: String?
    /// What each call receives.
    public var arguments: Arguments = .index
    /// A function run once per worker, outside the clock, whose value every call receives first
    /// (`--task-setup`); nil for none.
    public var setup: String?
    /// Whether the function is a coroutine function (`async def`) or an async closure: awaited
    /// natively on the event loop, run with `asyncio.run` (or bridged) elsewhere.
    public var isAsync = false
    /// The arguments in a canonical form (keys sorted, 1.0 kept apart from 1), which the cell's
    /// hash is of; nil when each call receives its index.
    public var argumentsKey: String?
    /// Whether each call's return value is hashed and compared across models (`--no-result-check`
    /// turns it off).
    public var checksResults = true

    /// Creates a task description.
    public init(language: Language, reference: String, qualifiedName: String) {
        self.language = language
        self.reference = reference
        self.qualifiedName = qualifiedName
        name = String(qualifiedName.split(separator: ":").last ?? Substring(qualifiedName))
    }

    /// A stable hash of what each call receives (16 hex digits), a cell dimension: two argument
    /// sets, or two setups, never share a cell. Nil when each call receives its index alone.
    public var argumentsHash: String? {
        let given: String? =
            switch arguments {
            case .index: nil
            case .same(let json): "same:" + (argumentsKey ?? json)
            case .each(let json, _): "each:" + (argumentsKey ?? json)
            }
        let setupText = setup.map { "setup:" + ClosureWorkload.shortName($0) }
        guard given != nil || setupText != nil else { return nil }
        return Self.hash([given, setupText].compactMap { $0 }.joined(separator: "|"))
    }

    /// FNV-1a, 64 bits: stable across runs, machines and versions (Swift's `Hasher` is seeded).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
