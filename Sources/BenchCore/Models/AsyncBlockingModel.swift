/// The anti-pattern, on purpose: async tasks on the cooperative pool that wait with *blocking*
/// calls. Each blocked task holds one of the pool's threads (one per core), so no more tasks than
/// cores make progress, however many are in flight. Next to ``AsyncTasksModel`` it shows what a
/// blocking call inside async code costs.
public struct AsyncBlockingModel: ExecutionModel {
    public init() {}

    public func warmUp() { warmCooperativePool() }

    public func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport {
        blockOn {
            await runWindowed(BlockingInAsync(base: workload), workers: workers, log: log)
        }
        return ExecutionReport()
    }
}

/// Runs a workload's blocking variant from async code.
private struct BlockingInAsync: Workload {
    let base: any Workload
    var name: String { base.name }
    var kind: WorkloadKind { base.kind }
    var taskSeconds: Double { base.taskSeconds }
    var taskDescription: String { base.taskDescription }
    var spec: WorkloadSpec { base.spec }
    func runBlocking(task index: Int) -> UInt64 { base.runBlocking(task: index) }
    func runAsync(task index: Int) async -> UInt64 { base.runBlocking(task: index) }
}
