/// What a workload's tasks spend their time on.
public enum WorkloadKind: String, Codable, Sendable, CaseIterable {
    /// Tasks compute: only parallelism (several cores at once) makes them finish sooner.
    case cpu
    /// Tasks wait: concurrency (overlapping the waits) is enough, on one thread or many.
    case io
    /// Tasks compute for part of their time and wait for the rest (see `--io-fraction`).
    case mixed
    /// Tasks allocate and free many small objects: the heap and the allocator are the work.
    case alloc
    /// Each task is one call of the user's own code: a Python function or a Swift closure.
    case user
}

/// A unit of work the execution models run many times.
///
/// A workload knows how to run one task in each way a model may ask: blocking the calling thread
/// (serial, threads) or suspending at `await` points (async models). Each task returns a checksum,
/// which the caller routes into ``blackHole(_:)`` so the optimiser cannot delete the work.
public protocol Workload: Sendable {
    /// The name users select it by, e.g. `"cpu"`.
    var name: String { get }
    /// What the tasks spend their time on.
    var kind: WorkloadKind { get }
    /// How long one task takes on one otherwise idle core, in seconds.
    var taskSeconds: Double { get }
    /// A one-line account of what one task does, for reports.
    var taskDescription: String { get }
    /// The spec the workload was built from (``WorkloadSpec/make()``), to rebuild it in another process.
    var spec: WorkloadSpec { get }

    /// Runs task `index` on the calling thread, blocking it while the task waits.
    func runBlocking(task index: Int) -> UInt64

    /// Runs task `index` in an async context, suspending (never blocking) while it waits.
    func runAsync(task index: Int) async -> UInt64
}
