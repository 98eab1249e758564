/// Parsing of every list setting, in one place: items trimmed, an empty item or an unknown one
/// refused with a sentence naming the flag, duplicates dropped (keeping the first order).
enum SettingsLists {
    /// The distinct items of `list` parsed by `parse`.
    /// - Throws: `empty` when an item is empty, `unknown(item)` when one does not parse.
    static func parse<T: Equatable>(
        _ list: ListSetting, _ parse: (String) -> T?, empty: @autoclosure () -> String, unknown: (String) -> String
    ) throws -> [T] {
        let items = list.items
        guard !items.contains("") else { throw BenchError.usage(empty()) }
        var values: [T] = []
        for item in items {
            guard let value = parse(item) else { throw BenchError.usage(unknown(item)) }
            if !values.contains(value) { values.append(value) }
        }
        return values
    }

    /// Models, e.g. `threads,event-loop`.
    static func models(_ list: ListSetting) throws -> [ModelKind] {
        let valid = ModelKind.allCases.map(\.rawValue).joined(separator: ", ")
        return try parse(
            list, ModelKind.init(rawValue:),
            empty: "--models '\(list.text)' has an empty model name; give one or more of \(valid), comma-separated.",
            unknown: { "Unknown model '\($0)'; valid models: \(valid) (see 'bench list')." })
    }

    /// Runtimes, e.g. `swift,python`.
    static func runtimes(_ list: ListSetting) throws -> [Runtime] {
        let unknown = { (name: String) in
            "Unknown runtime '\(name)'; valid runtimes: \(Runtime.allCases.map(\.rawValue).joined(separator: ", ")), comma-separated."
        }
        return try parse(list, Runtime.init(rawValue:), empty: unknown(""), unknown: unknown)
    }

    /// Allocators, e.g. `system,jemalloc`.
    static func allocators(_ list: ListSetting) throws -> [Allocator] {
        try parse(
            list, Allocator.init(rawValue:),
            empty:
                "--allocator '\(list.text)' has an empty allocator name; give system, jemalloc or both, comma-separated.",
            unknown: { "Unknown allocator '\($0)'; valid allocators: system, jemalloc." })
    }

    /// A sweep's numbers (`--cores 1,2,4,8`, `--io-fraction 0,0.5,1`), ascending; empty items are
    /// skipped, a list with none refused.
    static func numbers<T: Comparable>(_ list: ListSetting, flag: String, example: String, _ parse: (String) -> T?)
        throws -> [T]
    {
        let items = list.presentItems
        guard !items.isEmpty else { throw BenchError.usage("\(flag) needs at least one value.") }
        let values: [T] = try SettingsLists.parse(
            ListSetting(items: items), parse,
            empty: "\(flag) '' is not a number; give a comma-separated list such as \(example).",
            unknown: { "\(flag) '\($0)' is not a number; give a comma-separated list such as \(example)." })
        return values.sorted()
    }

    /// The interpreters `--python A,B` names, the same spelling kept once (the same interpreter
    /// spelt two ways is found out when each is probed).
    /// - Throws: ``BenchError/usage(_:)`` for an empty item.
    static func interpreters(_ list: ListSetting, runtime: Runtime) throws -> [String] {
        // A path with a comma in it is one interpreter, not two.
        if list.text.contains("/"), PythonInterpreter.resolve(list.text) != nil { return [list.text] }
        guard !list.text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PythonInterpreter.namesNoInterpreter("--\(runtime.rawValue)")
        }
        return try parse(
            list, { $0 },
            empty:
                "--\(runtime.rawValue) '\(list.text)' has an empty interpreter; give paths or commands on PATH, comma-separated, or drop --\(runtime.rawValue) for python3.",
            unknown: { $0 })
    }

    /// The GIL states `--gil` (or a workload file's `gil:`) names, de-duplicated in their order.
    static func gilStates(_ list: ListSetting) throws -> [GILState] {
        try parse(
            list, GILState.init(rawValue:),
            empty: "--gil '\(list.text)' has an empty GIL state; give on, off or both, comma-separated.",
            unknown: { "--gil '\($0)' is not a GIL state; give on, off or both, comma-separated." })
    }

    /// The start methods `--start-method` names, de-duplicated in their first order.
    /// - Throws: ``BenchError/usage(_:)`` naming an empty or unknown one.
    static func startMethods(_ list: ListSetting) throws -> [String] {
        let known = ["fork", "forkserver", "spawn"]
        var methods: [String] = []
        for item in list.items {
            guard known.contains(item) else {
                throw BenchError.usage(
                    "--start-method '\(list.text)' has \(item.isEmpty ? "an empty start method" : "the unknown start method '\(item)'"); give some of \(known.joined(separator: ", ")), comma-separated."
                )
            }
            if !methods.contains(item) { methods.append(item) }
        }
        return methods
    }
}
