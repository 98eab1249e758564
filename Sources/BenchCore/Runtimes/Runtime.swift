/// The language runtime a cell's tasks run in: bench's own Swift models, or CPython driven by
/// bench (the language of the article bench grew from). A dimension of every cell, so the two are
/// never mixed in a figure and can be put side by side. What each runtime can do lives in its
/// backend (``RuntimeRegistry``).
public enum Runtime: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable, Comparable {
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

    /// The code that runs this runtime's cells.
    public var backend: any RuntimeBackend { RuntimeRegistry.backend(for: self) }

    /// Whether the runtime has a counterpart of `model`.
    public func supports(_ model: ModelKind) -> Bool { backend.supports(model) }

    /// Whether the runtime runs workloads of `kind`.
    public func supports(_ kind: WorkloadKind) -> Bool { backend.supports(kind) }

    /// The sentences a report gives for what this run skipped, never faked: the models and
    /// workload kinds of `configuration` with no counterpart in one of its runtimes (or of the
    /// `interpreters` it ran in), and the interpreters a workload file listed that were not found.
    public static func skipped(
        _ configuration: RunConfiguration, interpreters: [RuntimeInstance: InterpreterInfo] = [:]
    ) -> [String] {
        var notes = configuration.runtimes.flatMap { $0.backend.skipped(configuration, interpreters: interpreters) }
        notes += configuration.interpreterNotes
        for task in configuration.userTasks where task.isAsync && configuration.models.contains(.asyncBlocking) {
            notes.append(
                "\(task.name) is \(task.language == .python ? "a coroutine function" : "an async closure"): async-blocking (blocking calls made inside coroutines) has no blocking call to make with it, so it was not measured."
            )
        }
        return notes
    }

    public static func < (a: Runtime, b: Runtime) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
