import Foundation
import Testing

@testable import BenchCore

@Suite struct RealIOTests {
    @Test func theLoopbackServerAnswersAfterTheDelayAndClosesItsPortWhenStopped() throws {
        let server = try LoopbackServer()
        let waiting = Waiting(kind: .socket, nanoseconds: 20_000_000, fileBytes: 0, port: server.port)
        let start = Sys.monotonicNanoseconds()
        #expect(waiting.block(task: 7) == 7, "the server echoes the task number")
        #expect(Sys.monotonicNanoseconds() - start >= 20_000_000, "and answers only after the delay")
        server.stop()
        #expect(throws: SystemCallError.self) { _ = try Sys.connectLoopback(port: server.port, nonBlocking: false) }
    }

    @Test(arguments: [IOKind.socket, .file])
    func everyInProcessModelRunsRealIOAndAgreesOnTheChecksum(kind: IOKind) async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let spec = WorkloadSpec(
            name: "io",
            shape: .wait(taskSeconds: 0.005, io: IOSpec(kind: kind, fileBytes: 4096, socketPort: server.port)))
        let workload = spec.make()
        var checksums: Set<UInt64> = []
        for model in ModelTests.inProcessModels {
            let log = TaskLog(count: 6)
            try await runOnDedicatedThread { try model.make().execute(workload, workers: 3, log: log) }
            #expect(log.isComplete)
            checksums.insert(log.combinedChecksum)
        }
        #expect(checksums.count == 1, "every model read back the same data")
    }

    @Test func aFileRoundTripLeavesNoFileBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-io-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Sys.fileRoundTrip(bytes: 10_000, directory: folder, tag: 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
