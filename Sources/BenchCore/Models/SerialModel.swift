/// The baseline: every task on the calling thread, one after another.
public struct SerialModel: ExecutionModel {
    public init() {}

    public func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport {
        for index in 0..<log.count {
            log.run(index) { workload.runBlocking(task: index) }
        }
        return ExecutionReport()
    }
}
