/// One new worker process per task, at most `workers` alive at once: Python's
/// `multiprocessing.Process` per job. Process creation is inside the wall time, which is the point:
/// next to ``ProcessPoolModel`` it shows what starting a process costs.
public struct SpawnModel: ExecutionModel {
    public init() {}

    public func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport {
        let spec = workload.spec
        var alive: [Int32: WorkerProcess] = [:]
        defer { for worker in alive.values where !worker.isReaped { _ = try? worker.kill() } }

        var next = 0
        let width = Bounds.inFlight(workers: workers, tasks: log.count)
        if let failure = SystemLimit.memoryFailure(processes: width, bytesEach: Sys.residentBytes()) { throw failure }
        func launch() throws {
            let worker: WorkerProcess
            do { worker = try WorkerProcess.start() } catch {
                throw SystemLimit.failure(error, starting: "worker process", index: alive.count + 1, of: width)
            }
            alive[worker.replyFD] = worker
            // The whole conversation fits in the pipe's buffer, so it is sent at once.
            try send(.prepare(spec), to: worker)
            try send(.runTasks(start: next, count: 1), to: worker)
            try send(.shutdown, to: worker)
            next += 1
        }
        while next < width && next < log.count { try launch() }
        while !alive.isEmpty {
            for fd in try Sys.pollReadable(Array(alive.keys), timeoutMilliseconds: -1) {
                let worker = alive[fd]!
                var answer = try reply(from: worker)
                // "ready" and "tasksDone" can arrive in one read; the second is then buffered.
                if case .ready = answer {
                    guard worker.transport.hasBufferedReply else { continue }
                    answer = try reply(from: worker)
                }
                switch answer {
                case .tasksDone(let records) where records.count == 1 && records[0].index < log.count:
                    log.record(records[0])
                    alive[fd] = nil
                    let ending = try worker.reap()
                    guard ending.reason.isSuccess else {
                        throw SampleFailure("worker process \(worker.child.pid) \(ending.reason) after its task")
                    }
                    if next < log.count { try launch() }
                default:
                    throw SampleFailure("worker process \(worker.child.pid) sent an unexpected reply")
                }
            }
        }
        return ExecutionReport()
    }
}
