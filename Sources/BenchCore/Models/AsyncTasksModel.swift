import Dispatch

/// Swift async tasks in a task group on the global cooperative executor, at most `workers` in flight.
///
/// The cooperative pool has one thread per core, so compute runs in parallel up to that width,
/// while waits (`Task.sleep`) free the thread for the next task.
public struct AsyncTasksModel: ExecutionModel {
    public init() {}

    public func warmUp() { warmCooperativePool() }

    public func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport {
        blockOn {
            await runWindowed(workload, workers: workers, log: log)
        }
        return ExecutionReport()
    }
}

/// Runs every task of `log` as a child task of one task group, keeping at most `workers` in
/// flight: each finished task makes room for the next.
func runWindowed<W: Workload>(_ workload: W, workers: Int, log: TaskLog) async {
    await withTaskGroup(of: Void.self) { group in
        var next = 0
        let window = Bounds.inFlight(workers: workers, tasks: log.count)
        while next < window {
            let index = next
            log.enqueued(index)
            group.addTask { await log.run(index) { await workload.runAsync(task: index) } }
            next += 1
        }
        while await group.next() != nil {
            guard next < log.count else { continue }
            let index = next
            log.enqueued(index)
            group.addTask { await log.run(index) { await workload.runAsync(task: index) } }
            next += 1
        }
    }
}

/// Runs `body` as a detached task and blocks the calling (non-pool) thread until it finishes.
///
/// The harness is synchronous; this is the one bridge into async code. The calling thread waits on
/// a semaphore in the kernel, so it does not spin.
///
/// Call it from a thread outside the cooperative pool (the main thread, a worker's thread): a pool
/// thread blocked here is one fewer to run `body`, and on a pool as wide as the machine that can
/// deadlock. Async callers use ``runOnDedicatedThread(_:)`` instead.
func blockOn(_ body: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await body()
        done.signal()
    }
    done.wait()
}
