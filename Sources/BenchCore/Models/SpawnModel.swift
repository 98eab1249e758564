/// One new worker process per task, at most `workers` alive at once: Python's
/// `multiprocessing.Process` per job. Process creation is inside the wall time, which is the point:
/// next to ``ProcessPoolModel`` it shows what starting a process costs.
public struct SpawnModel: ExecutionModel {
    /// Who starts the workers: `bench worker` processes, or a test's own.
    public var launcher: any WorkerLauncher

    /// Creates the model; its workers are `bench worker` processes unless `launcher` says otherwise.
    public init(launcher: any WorkerLauncher = WorkerProcessLauncher()) {
        self.launcher = launcher
    }

    public func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport {
        let spec = workload.spec
        var alive: [Int32: any WorkerHandle] = [:]
        defer { for worker in alive.values where !worker.isReaped { _ = try? worker.kill() } }

        var next = 0
        let width = Bounds.inFlight(workers: workers, tasks: log.count)
        if let failure = SystemLimit.memoryFailure(processes: width, bytesEach: Sys.residentBytes()) { throw failure }
        func launch() throws {
            let worker: any WorkerHandle
            do { worker = try launcher.start() } catch {
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
                    guard worker.hasBufferedReply else { continue }
                    answer = try reply(from: worker)
                }
                switch answer {
                case .tasksDone(let records)
                where records.count == 1 && records[0].index < log.count && records[0].isPlausible:
                    log.record(records[0])
                    alive[fd] = nil
                    let ending = try worker.reap()
                    guard ending.isSuccess else {
                        throw SampleFailure("\(worker.label) \(ending) after its task")
                    }
                    if next < log.count { try launch() }
                default:
                    throw SampleFailure("\(worker.label) sent an unexpected reply")
                }
            }
        }
        return ExecutionReport()
    }
}
