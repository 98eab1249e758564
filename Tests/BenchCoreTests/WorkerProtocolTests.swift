import Foundation
import Testing

@testable import BenchCore

@Suite struct WorkerProtocolTests {
    static let spec = WorkloadSpec(name: "cpu", kind: .cpu, taskSeconds: 0.001, iterations: 1_000)

    /// The conversation every transport must carry: prepare, a task, a whole sample, shutdown.
    func converse(_ connection: any WorkerConnection) throws {
        try connection.send(.prepare(Self.spec))
        guard case .ready(let pid)? = try connection.receive(deadline: nil) else {
            Issue.record("expected ready")
            return
        }
        #expect(pid == Sys.processID)  // in-process and threaded pipe workers share our pid

        try connection.send(.runTask(7))
        guard case .taskDone(let record)? = try connection.receive(deadline: nil) else {
            Issue.record("expected taskDone")
            return
        }
        #expect(record.index == 7)
        #expect(record.checksum == HashChainKernel.run(iterations: 1_000, seed: HashChainKernel.seed(forTask: 7)))
        #expect(record.endNanoseconds >= record.startNanoseconds)

        let request = SampleRequest(
            workload: Self.spec, model: .threads, workers: 2, tasks: 4, repetition: 1, coresAvailable: 2)
        try connection.send(.runSample(request))
        guard case .sample(let sample)? = try connection.receive(deadline: nil) else {
            Issue.record("expected sample")
            return
        }
        #expect(sample.status == .ok)
        #expect(sample.cell.tasks == 4 && sample.cell.model == .threads)

        try connection.send(.shutdown)
        #expect(try connection.receive(deadline: nil) == nil, "the worker closes its side after shutdown")
    }

    @Test func workerLoopServesTheProtocolInProcess() throws {
        let transport = try InProcessTransport()
        try converse(transport)
    }

    @Test func workerLoopServesTheProtocolOverRealPipes() throws {
        let requests = try Sys.pipe()
        let replies = try Sys.pipe()
        try Sys.startDetachedThread {
            let endpoint = PipeTransport(readFD: requests.read, writeFD: replies.write)
            try? WorkerLoop.serve(endpoint)
            endpoint.closeWriting()
            endpoint.closeReading()
        }
        let connection = PipeTransport(readFD: replies.read, writeFD: requests.write)
        defer {
            connection.closeWriting()
            connection.closeReading()
        }
        try converse(connection)
    }

    @Test func runTaskBeforePrepareIsAnErrorReplyNotACrash() throws {
        let transport = try InProcessTransport()
        defer { transport.close() }
        try transport.send(.runTask(0))
        guard case .error(let message)? = try transport.receive(deadline: nil) else {
            Issue.record("expected an error reply")
            return
        }
        #expect(message.contains("prepare"))
    }

    @Test func aFrameCutShortIsReportedAsTruncated() throws {
        let pipe = try Sys.pipe()
        let frame = try Frame.encode(WorkerRequest.shutdown)
        try Sys.writeAll(pipe.write, Array(frame.prefix(frame.count - 2)))
        Sys.close(pipe.write)
        defer { Sys.close(pipe.read) }
        #expect(throws: Frame.Error.truncated) { try FrameReader(fd: pipe.read).next(WorkerRequest.self) }
    }

    @Test func anImpossibleLengthIsRefused() throws {
        let pipe = try Sys.pipe()
        try Sys.writeAll(pipe.write, [0xff, 0xff, 0xff, 0xff])
        Sys.close(pipe.write)
        defer { Sys.close(pipe.read) }
        #expect(throws: Frame.Error.oversized(0xffff_ffff)) { try FrameReader(fd: pipe.read).next(WorkerRequest.self) }
    }

    @Test func readingGivesUpAtTheDeadline() throws {
        let pipe = try Sys.pipe()
        defer {
            Sys.close(pipe.read)
            Sys.close(pipe.write)
        }
        let deadline = Sys.monotonicNanoseconds() + 20_000_000
        #expect(throws: Frame.Error.timedOut) {
            try FrameReader(fd: pipe.read).next(WorkerRequest.self, deadline: deadline)
        }
    }

    @Test func aCleanEndBetweenFramesIsNil() throws {
        let pipe = try Sys.pipe()
        try Sys.writeAll(pipe.write, try Frame.encode(WorkerRequest.runTask(3)))
        Sys.close(pipe.write)
        defer { Sys.close(pipe.read) }
        let reader = FrameReader(fd: pipe.read)
        #expect(try reader.next(WorkerRequest.self) == .runTask(3))
        #expect(try reader.next(WorkerRequest.self) == nil)
    }

    @Test func waitStatusesDecodeToExitsAndSignals() {
        #expect(ExitReason(waitStatus: 0) == .exited(0))
        #expect(ExitReason(waitStatus: 3 << 8) == .exited(3))
        #expect(ExitReason(waitStatus: 11) == .signaled(11))
        #expect(ExitReason(waitStatus: 11).description == "killed by SIGSEGV")
        #expect(ExitReason(waitStatus: 9).description == "killed by SIGKILL")
    }

    @Test func faultPlansParseKindModelAndRepetition() {
        #expect(FaultPlan(parsing: "segv:threads:2") == FaultPlan(kind: .segv, model: .threads, repetition: 2))
        #expect(FaultPlan(parsing: "hang:event-loop:1")?.model == .eventLoop)
        #expect(FaultPlan(parsing: "segv:threads") == nil)
        #expect(FaultPlan(parsing: "melt:threads:1") == nil)
        #expect(FaultPlan(parsing: "segv:threads:0")?.repetition == 0, "0 names the warm-ups")
        #expect(FaultPlan(parsing: "segv:threads:-1") == nil)
    }
}
