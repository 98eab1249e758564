import Foundation
import Testing

@testable import BenchCore

@Suite struct WorkerProtocolTests {
    static let spec = WorkloadSpec(name: "cpu", shape: .compute(taskSeconds: 0.001, iterations: 1_000))

    /// The conversation every transport must carry: prepare, a task, a whole sample, shutdown.
    func converse(_ connection: any WorkerConnection) throws {
        try connection.send(.prepare(Self.spec))
        guard case .ready(let pid)? = try connection.receive(deadline: nil) else {
            Issue.record("expected ready")
            return
        }
        #expect(pid == Sys.processID)  // in-process and threaded pipe workers share our pid

        try connection.send(.runTasks(start: 7, count: 1))
        guard case .tasksDone(let records)? = try connection.receive(deadline: nil), let record = records.first else {
            Issue.record("expected tasksDone")
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
        try transport.send(.runTasks(start: 0, count: 1))
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
        try Sys.writeAll(pipe.write, try Frame.encode(WorkerRequest.runTasks(start: 3, count: 2)))
        Sys.close(pipe.write)
        defer { Sys.close(pipe.read) }
        let reader = FrameReader(fd: pipe.read)
        #expect(try reader.next(WorkerRequest.self) == .runTasks(start: 3, count: 2))
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

    @Test func aBatchOfTaskReportsTravelsInBinaryAndComesBackExact() throws {
        let records = (0..<500).map {
            TaskRecord(
                index: 1_000 + $0, checksum: UInt64.max - UInt64($0), startNanoseconds: UInt64($0) * 7,
                endNanoseconds: UInt64($0) * 7 + 3, pid: 4242)
        }
        let frame = try Frame.encode(WorkerReply.tasksDone(records))
        #expect(frame[4] == WorkerReply.tasksDoneTag, "the hot path is binary, not JSON")
        #expect(frame.count == 4 + 9 + 32 * 500)
        #expect(try Frame.decode(WorkerReply.self, frame: frame) == .tasksDone(records))
        let request = try Frame.encode(WorkerRequest.runTasks(start: 12, count: 34))
        #expect(request.count == 4 + 17)
        #expect(try Frame.decode(WorkerRequest.self, frame: request) == .runTasks(start: 12, count: 34))
        // The rare messages stay JSON.
        #expect(try Frame.encode(WorkerRequest.shutdown)[4] == UInt8(ascii: "{"))
    }

    @Test func aBinaryFrameCutShortOrWithAnUnknownTagIsRefusedNotMisread() throws {
        var frame = try Frame.encode(
            WorkerReply.tasksDone([TaskRecord(index: 1, checksum: 2, startNanoseconds: 3, endNanoseconds: 4, pid: 5)]))
        frame.removeLast()
        #expect(throws: Frame.Error.self) { try Frame.decode(WorkerReply.self, frame: frame) }
        #expect(throws: Frame.Error.self) { try Frame.decode(WorkerRequest.self, frame: [0, 0, 0, 2, 0x07, 0]) }
    }
}
