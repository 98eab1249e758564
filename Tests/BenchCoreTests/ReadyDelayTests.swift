import Foundation
import Testing

@testable import BenchCore

/// Waiting to be run (``ReadyDelay``): from tasks' moments, from the ideal schedule the simulated
/// machine uses, and measured on the event loop.
@Suite struct ReadyDelayTests {
    let ms: UInt64 = 1_000_000

    @Test func aTaskReadyWhileTheLoopComputesWaitsForThatComputeAndTheLoopIsNeverIdle() throws {
        // One loop: A computes 0–25 ms then sleeps to 50; B, handed over at 0, computes 25–50.
        let a = ReadyDelay.Timing(
            enqueued: 1, start: 1, waitBegan: 25 * ms, waitEnded: 50 * ms, resumed: 50 * ms, end: 50 * ms)
        let b = ReadyDelay.Timing(
            enqueued: 1, start: 25 * ms, waitBegan: 50 * ms, waitEnded: 75 * ms, resumed: 76 * ms, end: 76 * ms)
        let figures = try #require(ReadyDelay([a, b], origin: 0, end: 76 * ms))
        #expect(abs(figures.maxSeconds - 0.026) < 1e-9, "B: 25 ms for A's compute, then 1 ms after its sleep")
        #expect(abs(figures.p50Seconds - 0) < 1e-6)
        #expect(abs(figures.idleShare - 1.0 / 76) < 1e-9, "only the 1 ms between B's deadline and its run")
    }

    @Test func timeWithWorkReadyAndEveryThreadHeldInABlockingWaitIsIdle() throws {
        // Two threads blocked in waits for 0–50 ms while a third task, handed over at 0, waits.
        let blocked = (0..<2).map { _ in
            ReadyDelay.Timing(enqueued: 1, start: 1, waitBegan: 1, waitEnded: 50 * ms, resumed: 50 * ms, end: 50 * ms)
        }
        let queued = ReadyDelay.Timing(enqueued: 1, start: 50 * ms, end: 100 * ms)
        let figures = try #require(ReadyDelay(blocked + [queued], origin: 0, end: 100 * ms))
        #expect(abs(figures.idleShare - 0.5) < 1e-6)
        #expect(abs(figures.maxSeconds - 0.05) < 1e-6)
        #expect(ReadyDelay([], origin: 0, end: 1) == nil)
    }

    @Test func theIdealScheduleOfAnEventLoopOnHalfComputeMakesOneTaskWaitAWholeCompute() {
        let loop = IdealSchedule(model: .eventLoop, workers: 2, usable: 2, tasks: 16, compute: 0.025, wait: 0.025)
        #expect(abs(loop.readyDelay.p99Seconds - 0.025) < 1e-9)
        #expect(abs(loop.readyDelay.p50Seconds) < 1e-9)
        #expect(abs(loop.readyDelay.idleShare) < 1e-9, "while a task waits for the loop, the loop computes")
        let pool = IdealSchedule(model: .async, workers: 2, usable: 2, tasks: 16, compute: 0.025, wait: 0.025)
        #expect(pool.readyDelay == ReadyDelay(p50Seconds: 0, p99Seconds: 0, maxSeconds: 0, idleShare: 0))
    }

    @Test func theIdealScheduleOfBlockingWaitsOnATwoThreadPoolIsStarvedUntilItsLastWave() {
        // 32 waits of 50 ms, 8 in flight, 2 pool threads: 16 waves; work is queued in all but the last.
        let starved = IdealSchedule(model: .asyncBlocking, workers: 8, usable: 2, tasks: 32, compute: 0, wait: 0.05)
        #expect(abs(starved.readyDelay.idleShare - 15.0 / 16) < 1e-9)
        #expect(abs(starved.readyDelay.maxSeconds - 0.15) < 1e-9, "the 7th and 8th in flight wait three waves")
        let async = IdealSchedule(model: .async, workers: 8, usable: 2, tasks: 32, compute: 0, wait: 0.05)
        #expect(async.readyDelay.idleShare == 0 && async.readyDelay.maxSeconds == 0)
    }

    @Test func onTheEventLoopATaskThatBecomesReadyWhileAnotherComputesWaitsForIt() async throws {
        // Real: 25 ms of compute and 25 ms of sleep per task, two in flight on one loop. A busy
        // machine only makes the wait longer, so the lower bound cannot flake.
        let kernel = Calibration.measure(trials: 2).iterations(forSeconds: 0.025)
        let workload = MixedWorkload(taskSeconds: 0.05, iterations: kernel, ioFraction: 0.5)
        let log = TaskLog(count: 8)
        // Another test's sample may hold the waits; B's 25 ms from hand-over to start is in any case.
        _ = TaskLog.begin(log)
        defer { TaskLog.end(log) }
        let start = Sys.monotonicNanoseconds()
        // Off the cooperative pool: the model blocks its calling thread until the loop is done.
        try await runOnDedicatedThread { try EventLoopModel().execute(workload, workers: 2, log: log) }
        let figures = try #require(ReadyDelay(log.timings, origin: start, end: Sys.monotonicNanoseconds()))
        #expect(figures.maxSeconds >= 0.01, "\(figures)")
    }
}
