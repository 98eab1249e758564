import Synchronization

/// A pool of `workers` OS threads, each taking the next task from a shared queue until it is empty.
///
/// The queue is an atomic counter over task indices, so uneven tasks still balance and taking a
/// task costs one atomic increment. The calling thread waits in `pthread_join`, never spinning.
public struct ThreadPoolModel: ExecutionModel {
    public init() {}

    public func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport {
        let queue = TaskQueue(count: log.count)
        var threads: [OSThread] = []
        defer { threads.forEach(Sys.join) }
        let count = Bounds.inFlight(workers: workers, tasks: log.count)
        for number in 1...count {
            do {
                threads.append(
                    try Sys.startThread {
                        while let index = queue.take() {
                            log.run(index) { workload.runBlocking(task: index) }
                        }
                    })
            } catch {
                // The threads already started take no new task; the sample ends as soon as their
                // current ones do.
                queue.close()
                throw SystemLimit.failure(error, starting: "thread", index: number, of: count)
            }
        }
        return ExecutionReport()
    }
}

/// Hands out task indices 0..<count, each exactly once, to any number of threads.
final class TaskQueue: Sendable {
    private let next = Atomic<Int>(0)
    let count: Int

    init(count: Int) { self.count = count }

    /// Hands out no more tasks.
    func close() {
        next.store(count, ordering: .relaxed)
    }

    /// The next task to run, or nil when all have been taken.
    func take() -> Int? {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }
}
