/// A pool of `workers` worker processes: `bench` re-executed, fed tasks over pipes.
///
/// The pool starts once per sample; its start-up (spawn, exec, build the workload, say ready) is
/// timed apart and reported as `startup_s`. Tasks are then handed out in batches (binary frames)
/// to whichever worker is free, large at first and single tasks at the end, so a task's dispatch
/// costs little and uneven tasks still balance. Every worker is reaped with `wait4`, so its CPU
/// time reaches the sample through `RUSAGE_CHILDREN`. If a worker dies, the others are killed and
/// reaped, and the sample fails with the dead worker's reason.
public struct ProcessPoolModel: ExecutionModel {
    /// Who starts the workers: `bench worker` processes, or a test's own.
    public var launcher: any WorkerLauncher

    /// Creates the model; its workers are `bench worker` processes unless `launcher` says otherwise.
    public init(launcher: any WorkerLauncher = WorkerProcessLauncher()) {
        self.launcher = launcher
    }

    public func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport {
        let spec = workload.spec
        var pool: [any WorkerHandle] = []
        defer { for worker in pool where !worker.isReaped { _ = try? worker.kill() } }

        let count = Bounds.inFlight(workers: workers, tasks: log.count)
        if let failure = SystemLimit.memoryFailure(processes: count, bytesEach: Sys.residentBytes()) { throw failure }
        let startupBegan = Sys.monotonicNanoseconds()
        for number in 1...count {
            let worker: any WorkerHandle
            do { worker = try launcher.start() } catch {
                throw SystemLimit.failure(error, starting: "worker process", index: number, of: count)
            }
            pool.append(worker)
            try send(.prepare(spec), to: worker)
        }
        for worker in pool {
            guard case .ready = try reply(from: worker) else {
                throw SampleFailure("\(worker.label) answered prepare with something other than ready")
            }
        }
        let startup = Sys.monotonicNanoseconds() - startupBegan

        // Guided self-scheduling: each batch is the remaining tasks ÷ (2 × workers), at least one,
        // so early batches are large (few round trips) and the last ones single tasks (balance).
        var next = 0
        func batch() -> Range<Int> {
            let size = max(1, (log.count - next + 2 * count - 1) / (2 * count))
            defer { next += size }
            return next..<(next + size)
        }
        var busy: [Int32: (worker: any WorkerHandle, tasks: Range<Int>)] = [:]
        func hand(_ worker: any WorkerHandle) throws {
            let tasks = batch()
            try send(.runTasks(start: tasks.lowerBound, count: tasks.count), to: worker)
            busy[worker.replyFD] = (worker, tasks)
        }
        for worker in pool where next < log.count { try hand(worker) }
        while !busy.isEmpty {
            for fd in try Sys.pollReadable(Array(busy.keys), timeoutMilliseconds: -1) {
                let (worker, tasks) = busy[fd]!
                guard case .tasksDone(let records) = try reply(from: worker), records.count == tasks.count,
                    records.allSatisfy({ tasks.contains($0.index) && $0.isPlausible })
                else {
                    throw SampleFailure(
                        "\(worker.label) sent an unexpected reply to tasks \(tasks.lowerBound)..<\(tasks.upperBound)"
                    )
                }
                records.forEach(log.record)
                busy[fd] = nil
                if next < log.count { try hand(worker) }
            }
        }
        for worker in pool {
            let ending = try worker.finish()
            guard ending.isSuccess else {
                throw SampleFailure("\(worker.label) \(ending) while shutting down")
            }
        }
        return ExecutionReport(startupNanoseconds: startup)
    }
}

/// Sends `request`, turning a broken pipe into the worker's cause of death.
func send(_ request: WorkerRequest, to worker: any WorkerHandle) throws {
    do {
        try worker.connection.send(request)
    } catch {
        throw SampleFailure("\(worker.label) \(try worker.reap())")
    }
}

/// The worker's next reply; if it has gone, reaps it and fails with how it ended.
func reply(from worker: any WorkerHandle) throws -> WorkerReply {
    let reply: WorkerReply?
    do {
        reply = try worker.connection.receive(deadline: nil)
    } catch {
        throw SampleFailure("\(worker.label) \(try worker.reap()) (\(error))")
    }
    guard let reply else {
        throw SampleFailure("\(worker.label) \(try worker.reap())")
    }
    if case .error(let message) = reply { throw SampleFailure("\(worker.label): \(message)") }
    return reply
}
