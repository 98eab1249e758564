import Foundation
import Synchronization
import Testing

@testable import BenchCore

/// The process pool's scheduling, driven in-process: its workers are ``WorkerLoop``s (or hostile
/// stand-ins) served on threads over pipes, behind the same connection seam as worker processes.
@Suite struct ProcessPoolSchedulingTests {
    /// A worker served on a thread of this process; every request the model sends is recorded.
    final class ThreadWorker: WorkerHandle, WorkerConnection, @unchecked Sendable {
        let transport: PipeTransport
        let number: Int
        let sent = Mutex<[WorkerRequest]>([])
        private let reaped = Mutex(false)

        /// Starts `serve` on a new thread with the worker's end of the pipes.
        init(number: Int, serve: @escaping @Sendable (PipeTransport) -> Void) throws {
            // A worker that leaves early must fail the sample, not kill the tests with SIGPIPE (bench ignores it too).
            Sys.ignoreBrokenPipes()
            let requests = try Sys.pipe()
            let replies = try Sys.pipe()
            let endpoint = PipeTransport(readFD: requests.read, writeFD: replies.write)
            transport = PipeTransport(readFD: replies.read, writeFD: requests.write)
            self.number = number
            try Sys.startDetachedThread {
                serve(endpoint)
                endpoint.closeWriting()
                endpoint.closeReading()
            }
        }

        var connection: any WorkerConnection { self }
        var replyFD: Int32 { transport.readFD }
        var hasBufferedReply: Bool { transport.hasBufferedReply }
        var label: String { "worker thread \(number)" }
        var isReaped: Bool { reaped.withLock { $0 } }

        func send(_ request: WorkerRequest) throws {
            sent.withLock { $0.append(request) }
            try transport.send(request)
        }

        func receive(deadline: UInt64?) throws -> WorkerReply? { try transport.receive(deadline: deadline) }

        func finish() throws -> ExitReason {
            try? send(.shutdown)
            return try reap()
        }

        func reap() throws -> ExitReason {
            let first = reaped.withLock { done in
                defer { done = true }
                return !done
            }
            if first {
                transport.closeWriting()
                transport.closeReading()
            }
            return .exited(0)
        }

        func kill() throws -> ExitReason { try reap() }

        /// The batches of tasks this worker was handed.
        var batches: [Range<Int>] {
            sent.withLock {
                $0.compactMap {
                    if case .runTasks(let start, let count) = $0 { return start..<(start + count) }
                    return nil
                }
            }
        }
    }

    /// Starts ``ThreadWorker``s that serve with `serve` (bench's own worker loop by default).
    final class ThreadLauncher: WorkerLauncher, @unchecked Sendable {
        let serve: @Sendable (PipeTransport) -> Void
        let started = Mutex<[ThreadWorker]>([])

        init(serve: @escaping @Sendable (PipeTransport) -> Void = { try? WorkerLoop.serve($0) }) {
            self.serve = serve
        }

        func start() throws -> any WorkerHandle {
            let worker = try ThreadWorker(number: started.withLock { $0.count } + 1, serve: serve)
            started.withLock { $0.append(worker) }
            return worker
        }

        var workers: [ThreadWorker] { started.withLock { $0 } }
    }

    static let workload = WorkloadSpec(name: "noop", shape: .noop).make()

    @Test func everyTaskIsHandedOutOnceInShrinkingBatchesAndEveryWorkerIsToldToStop() throws {
        let launcher = ThreadLauncher()
        let log = TaskLog(count: 40)
        let report = try ProcessPoolModel(launcher: launcher).execute(Self.workload, workers: 3, log: log)
        #expect(log.isComplete)
        #expect(report.startupNanoseconds != nil)
        let workers = launcher.workers
        #expect(workers.count == 3)
        let batches = workers.flatMap(\.batches).sorted { $0.lowerBound < $1.lowerBound }
        #expect(batches.flatMap { Array($0) } == Array(0..<40), "each task exactly once, none left out")
        // Guided self-scheduling: each batch is what remains ÷ (2 × workers), at least one.
        #expect(batches.first?.count == 7)
        #expect(zip(batches, batches.dropFirst()).allSatisfy { $0.count >= $1.count })
        #expect(batches.last?.count == 1)
        for worker in workers {
            let requests = worker.sent.withLock { $0 }
            #expect(requests.first.map { if case .prepare = $0 { true } else { false } } == true)
            #expect(requests.last.map { if case .shutdown = $0 { true } else { false } } == true)
        }
    }

    @Test func moreWorkersThanTasksStartOnlyAsManyAsThereAreTasks() throws {
        let launcher = ThreadLauncher()
        let log = TaskLog(count: 2)
        try ProcessPoolModel(launcher: launcher).execute(Self.workload, workers: 8, log: log)
        #expect(launcher.workers.count == 2)
        #expect(log.isComplete)
    }

    @Test func aWorkerThatAnswersTheWrongTasksFailsTheSampleNamingIt() throws {
        let launcher = ThreadLauncher { endpoint in
            while let request = try? endpoint.receive() {
                switch request {
                case .prepare: try? endpoint.send(.ready(pid: 1))
                case .runTasks: try? endpoint.send(.tasksDone([]))
                default: return
                }
            }
        }
        #expect {
            try ProcessPoolModel(launcher: launcher).execute(Self.workload, workers: 2, log: TaskLog(count: 8))
        } throws: { error in
            // Whichever of the two answers first is named, with the tasks it was handed.
            let reason = (error as? SampleFailure)?.reason ?? ""
            return reason == "worker thread 1 sent an unexpected reply to tasks 0..<2"
                || reason == "worker thread 2 sent an unexpected reply to tasks 2..<4"
        }
    }

    @Test func aWorkerThatGoesAwayFailsTheSampleWithHowItEnded() throws {
        let launcher = ThreadLauncher { endpoint in
            if case .prepare? = try? endpoint.receive() { try? endpoint.send(.ready(pid: 1)) }
        }
        #expect {
            try ProcessPoolModel(launcher: launcher).execute(Self.workload, workers: 2, log: TaskLog(count: 8))
        } throws: { error in
            (error as? SampleFailure)?.reason.hasPrefix("worker thread") == true
        }
    }

    @Test func aWorkerThatAnswersAnErrorFailsTheSampleWithItsMessage() throws {
        let launcher = ThreadLauncher { endpoint in
            _ = try? endpoint.receive()
            try? endpoint.send(.error("no such workload"))
        }
        #expect {
            try ProcessPoolModel(launcher: launcher).execute(Self.workload, workers: 1, log: TaskLog(count: 4))
        } throws: { error in
            (error as? SampleFailure)?.reason == "worker thread 1: no such workload"
        }
    }
}
