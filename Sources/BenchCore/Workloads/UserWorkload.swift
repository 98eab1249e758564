import Synchronization

/// A workload of the user's own Swift code: a name and a closure that runs task `index` and
/// returns a checksum of its result (which bench compares across models, as it compares its
/// kernel's). Registered with ``UserWorkloads`` (``BenchMain`` does it) and selected with
/// `--workload NAME`.
public struct UserWorkload: Sendable {
    /// How the closure runs.
    public enum Body: Sendable {
        /// A closure that blocks its thread while it works or waits.
        case blocking(@Sendable (_ index: Int) throws -> UInt64)
        /// A closure that suspends at its `await`s: awaited natively by the async models, run to
        /// completion on a task elsewhere.
        case async(@Sendable (_ index: Int) async throws -> UInt64)
    }

    /// The name users select it by (`--workload NAME`).
    public var name: String
    /// One line for `bench list`.
    public var summary: String
    /// The closure.
    public var body: Body

    /// A workload of a blocking closure.
    public init(_ name: String, summary: String = "", _ body: @escaping @Sendable (_ index: Int) throws -> UInt64) {
        self.name = name
        self.summary = summary
        self.body = .blocking(body)
    }

    /// A workload of an async closure.
    public init(
        _ name: String, summary: String = "", async body: @escaping @Sendable (_ index: Int) async throws -> UInt64
    ) {
        self.name = name
        self.summary = summary
        self.body = .async(body)
    }

    /// Whether the closure is async.
    public var isAsync: Bool {
        if case .async = body { return true }
        return false
    }

    /// The task a spec carries for this workload.
    public var task: UserTask {
        var task = UserTask(language: .swift, reference: name, qualifiedName: "swift:\(name)")
        task.isAsync = isAsync
        return task
    }
}

/// The Swift workloads of the user's executable, registered once at start-up, before anything
/// runs: the harness and every worker process it re-executes find them by name.
public enum UserWorkloads {
    private static let registered = Mutex<[UserWorkload]>([])

    /// Registers `workloads`; a name already taken (a built-in or an earlier one) is refused.
    /// - Throws: ``BenchError/usage(_:)`` naming the clash.
    public static func register(_ workloads: [UserWorkload]) throws {
        try registered.withLock { known in
            for workload in workloads {
                if WorkloadCatalog.entry(named: workload.name) != nil
                    || known.contains(where: { $0.name == workload.name })
                {
                    throw BenchError.usage(
                        "the workload name '\(workload.name)' is taken (a built-in or another closure); give each closure its own name."
                    )
                }
                guard !workload.name.isEmpty, !workload.name.contains(",") else {
                    throw BenchError.usage("a workload name must be non-empty and without commas: '\(workload.name)'.")
                }
                known.append(workload)
            }
        }
    }

    /// Every registered workload, in the order registered.
    public static var all: [UserWorkload] { registered.withLock { $0 } }

    /// The workload called `name`, if one is registered.
    public static func named(_ name: String) -> UserWorkload? {
        registered.withLock { $0.first { $0.name == name } }
    }
}
