/// The language runtime a cell's tasks run in: bench's own Swift models, or CPython driven by
/// bench (the language of the article bench grew from). A dimension of every cell, so the two are
/// never mixed in a figure and can be put side by side.
public enum Runtime: String, Codable, Sendable, CaseIterable, Comparable {
    /// bench's Swift models, in its own sample processes.
    case swift
    /// CPython, one interpreter process per sample, running the embedded worker.
    case python

    /// The name reports use: "Swift", "CPython".
    public var displayName: String {
        switch self {
        case .swift: "Swift"
        case .python: "CPython"
        }
    }

    /// Whether the runtime has a counterpart of `model`. CPython has none for `async`: its only
    /// coroutine runtime, asyncio, runs on one thread, and that is `event-loop`.
    public func supports(_ model: ModelKind) -> Bool {
        self == .swift || model != .async
    }

    /// Whether the runtime runs workloads of `kind`: the allocation workload is Swift's alone (its
    /// point is the allocator under threads, which CPython's own allocator and GIL would hide).
    public func supports(_ kind: WorkloadKind) -> Bool {
        self == .swift || kind != .alloc
    }

    /// The sentences a report gives for what this run skipped, never faked: the models and
    /// workload kinds of `configuration` with no counterpart in one of its runtimes.
    public static func skipped(_ configuration: RunConfiguration) -> [String] {
        var notes: [String] = []
        for runtime in configuration.runtimes where runtime != .swift {
            let models = configuration.models.filter { !runtime.supports($0) }
            if models.contains(.async) {
                notes.append(
                    "\(runtime.displayName) has no counterpart of `async` (tasks on a pool of threads): asyncio runs every coroutine on one thread, which is `event-loop`; async was \(configuration.runtimes.contains(.swift) ? "measured for Swift only" : "not measured")."
                )
            }
            for kind in Set(configuration.workloadKinds) where !runtime.supports(kind) {
                notes.append(
                    "\(runtime.displayName) does not run \(kind.rawValue) workloads (they measure Swift's allocators under threads); \(configuration.runtimes.contains(.swift) ? "measured for Swift only" : "not measured")."
                )
            }
        }
        return notes
    }

    public static func < (a: Runtime, b: Runtime) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
