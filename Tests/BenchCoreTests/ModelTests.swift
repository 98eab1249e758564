import Testing

@testable import BenchCore

/// Model tests run each model on a dedicated thread, as `bench` does from its main thread: models
/// block their caller, and a test blocking the cooperative pool could starve the async models.
@Suite struct ModelTests {
    /// Models that run inside this process. The process models re-execute `bench` itself, which
    /// this test binary is not; BenchCLITests cover them through the built executable.
    static let inProcessModels = ModelKind.defaults.filter { $0 != .processes && $0 != .spawn }

    static let compute = ComputeWorkload(taskSeconds: 0.001, iterations: 20_000)

    /// Runs `model` over `count` tasks of `workload` and returns the log.
    func run(_ model: ModelKind, _ workload: any Workload, tasks count: Int, workers: Int) async throws -> TaskLog {
        let log = TaskLog(count: count)
        try await runOnDedicatedThread { try model.make().execute(workload, workers: workers, log: log) }
        return log
    }

    @Test(arguments: inProcessModels)
    func everyModelRunsEveryTaskExactlyOnce(model: ModelKind) async throws {
        let serial = try await run(.serial, Self.compute, tasks: 13, workers: 1)
        let log = try await run(model, Self.compute, tasks: 13, workers: 3)
        #expect(log.isComplete)
        #expect(log.combinedChecksum == serial.combinedChecksum)
    }

    @Test(arguments: [ModelKind.threads, .async, .eventLoop])
    func noModelRunsMoreTasksAtOnceThanItsWorkers(model: ModelKind) async throws {
        let log = try await run(model, SleepWorkload(taskSeconds: 0.002), tasks: 12, workers: 3)
        #expect(log.maxConcurrency <= 3)
    }

    @Test func eventLoopRunsEveryTaskOnOneThread() async throws {
        let log = try await run(.eventLoop, SleepWorkload(taskSeconds: 0.002), tasks: 8, workers: 4)
        #expect(Set(log.threadIDs).count == 1)
    }

    @Test func eventLoopNeverOverlapsComputeTasks() async throws {
        let log = try await run(.eventLoop, Self.compute, tasks: 6, workers: 6)
        #expect(log.maxConcurrency == 1)
    }

    @Test func eventLoopOverlapsWaits() async throws {
        // Four 50 ms waits, four in flight: concurrent tasks must overlap. Serially they would not.
        let log = try await run(.eventLoop, SleepWorkload(taskSeconds: 0.05), tasks: 4, workers: 4)
        #expect(log.maxConcurrency >= 2)
    }

    @Test func threadPoolUsesSeveralThreads() async throws {
        let log = try await run(.threads, SleepWorkload(taskSeconds: 0.005), tasks: 8, workers: 4)
        #expect(Set(log.threadIDs).count > 1)
    }

    @Test func blockingSleepWaitsAtLeastItsDuration() {
        let start = Sys.monotonicNanoseconds()
        Sys.sleep(nanoseconds: 5_000_000)
        #expect(Sys.monotonicNanoseconds() - start >= 5_000_000)
    }

    @Test func serialIsAlwaysMeasuredFirst() throws {
        var configuration = RunConfiguration(
            workloads: ["io"], models: [.threads, .serial, .threads], workers: 2, coresAvailable: 2)
        try configuration.validate()
        #expect(configuration.models == [.serial, .threads])
    }
}
