import Foundation
import Testing

@testable import BenchCore

struct ClosureFailed: Error, CustomStringConvertible {
    var description: String { "the closure gave up" }
}

/// The user's Swift closures: registered by name, refused when a name is taken, run by every
/// model through ``ClosureWorkload``; one that throws fails its sample with the error's words.
@Suite(.serialized) struct UserWorkloadTests {
    static let registered: Void = {
        try! UserWorkloads.register([
            UserWorkload("test-double") { UInt64($0 * 2) },
            UserWorkload("test-throws") { index in
                if index == 2 { throw ClosureFailed() }
                return UInt64(index)
            },
            UserWorkload(
                "test-async",
                async: { index in
                    try await Task.sleep(nanoseconds: 1_000)
                    return UInt64(index + 7)
                }),
        ])
    }()

    func spec(_ name: String) -> WorkloadSpec {
        _ = Self.registered
        return WorkloadSpec(name: name, shape: .user(UserWorkloads.named(name)!.task))
    }

    @Test func aClosureRunsBlockingAndAsyncAndReturnsItsChecksum() async {
        let double = spec("test-double").make()
        #expect(double.runBlocking(task: 5) == 10)
        #expect(await double.runAsync(task: 5) == 10)
        let async = spec("test-async").make()
        #expect(async.runBlocking(task: 1) == 8, "run to completion from a plain thread")
        #expect(await async.runAsync(task: 1) == 8)
        #expect(spec("test-async").runs(under: .asyncBlocking) == false)
        #expect(spec("test-double").runs(under: .asyncBlocking))
    }

    @Test func aClosureThatThrowsRecordsTheFailureItsSampleReports() {
        _ = TaskFailures.take()
        let workload = spec("test-throws").make()
        #expect(workload.runBlocking(task: 1) == 1)
        #expect(TaskFailures.take() == nil)
        #expect(workload.runBlocking(task: 2) == 0)
        #expect(TaskFailures.take() == "task 2 threw ClosureFailed: the closure gave up")
    }

    @Test func aTakenNameIsRefused() {
        _ = Self.registered
        #expect(throws: BenchError.self) { try UserWorkloads.register([UserWorkload("cpu") { _ in 0 }]) }
        #expect(throws: BenchError.self) { try UserWorkloads.register([UserWorkload("test-double") { _ in 0 }]) }
    }

    @Test func resultsThatDifferFromSerialsAreNamedWithTheirTasks() {
        let serial = Cell(workload: "f", kind: .user, model: .serial, workers: 1, tasks: 4, taskSeconds: 0)
        var threads = serial
        threads.model = .threads
        threads.workers = 2
        func sample(_ cell: Cell, _ results: [UInt64], repetition: Int = 1) -> Sample {
            var sample = Sample(
                cell: cell, repetition: repetition, coresAvailable: 2, startedAt: Date(), wallSeconds: 1,
                usage: ResourceUsage(
                    userSeconds: 1, systemSeconds: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0,
                    peakRSSBytes: 0), latency: nil, checksum: 0)
            sample.taskResults = results
            return sample
        }
        let checks = ResultCheck.make(
            [
                sample(serial, [1, 2, 3, 4]), sample(threads, [1, 9, 3, 4]),
                sample(threads, [1, 2, 3, 8], repetition: 2),
            ],
            families: [serial])
        #expect(checks.count == 1)
        #expect(checks[0].differences.map(\.tasks) == [[1, 3]])
        #expect(
            checks[0].sentences == [
                "threads × 2 returned other results than serial for 2 of 4 tasks (task 1, task 3; in 2 of 2 samples): the function is not safe to run in threads."
            ])
        let varying = ResultCheck.make(
            [
                sample(serial, [1, 2, 3, 4]), sample(serial, [1, 2, 5, 4], repetition: 2),
                sample(threads, [1, 9, 3, 4]),
            ],
            families: [serial])
        #expect(varying[0].serialVaries == [2])
        #expect(varying[0].sentences.first?.contains("the function's results vary from call to call") == true)
    }
}
