/// Async tasks confined to one dedicated thread: concurrency without parallelism, like asyncio.
///
/// The same windowed task group as ``AsyncTasksModel`` runs under `withTaskExecutorPreference`
/// with an ``EventLoopExecutor``, so every child task runs on the loop's one thread. Tasks
/// interleave only at `await` points: waits overlap, compute does not.
public struct EventLoopModel: ExecutionModel {
    public init() {}

    public func warmUp() { warmCooperativePool() }

    public func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport {
        let loop = try EventLoopExecutor()
        defer { loop.shutdown() }
        blockOn {
            await withTaskExecutorPreference(loop) {
                await runWindowed(workload, workers: workers, log: log)
            }
        }
        return ExecutionReport()
    }
}
