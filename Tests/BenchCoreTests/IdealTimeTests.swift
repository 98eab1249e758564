import Testing

@testable import BenchCore

@Suite struct IdealTimeTests {
    func ideal(
        _ kind: WorkloadKind, _ model: ModelKind, workers: Int, tasks: Int = 32,
        serial: Double = 1.6, cores: Int = 2
    ) -> Double {
        IdealTime.wallSeconds(
            kind: kind, model: model, workers: workers, tasks: tasks, taskSeconds: 0.05,
            serialWallSeconds: serial, coresAvailable: Double(cores))
    }

    @Test func computeOnThreadsIsSerialTimeOverUsableCores() {
        #expect(ideal(.cpu, .threads, workers: 2) == 0.8)
        #expect(ideal(.cpu, .async, workers: 8) == 0.8)  // capped by the 2 cores
        #expect(ideal(.cpu, .threads, workers: 1) == 1.6)
    }

    @Test func computeOnEventLoopIsSerialTime() {
        #expect(ideal(.cpu, .eventLoop, workers: 8) == 1.6)
        #expect(ideal(.cpu, .serial, workers: 1) == 1.6)
    }

    @Test func waitingIsRoundsOfOneTask() {
        #expect(abs(ideal(.io, .threads, workers: 8) - 0.2) < 1e-12)
        #expect(abs(ideal(.io, .eventLoop, workers: 8) - 0.2) < 1e-12)
        #expect(abs(ideal(.io, .threads, workers: 8, tasks: 33) - 0.25) < 1e-12)  // ⌈33/8⌉ = 5 rounds
        #expect(abs(ideal(.io, .serial, workers: 8) - 1.6) < 1e-12)  // serial always has one worker
    }

    @Test func eventLoopAndSerialUseOneCore() {
        #expect(IdealTime.usableCores(model: .eventLoop, workers: 8, coresAvailable: 4) == 1)
        #expect(IdealTime.usableCores(model: .threads, workers: 8, coresAvailable: 4) == 4)
        #expect(IdealTime.usableCores(model: .threads, workers: 3, coresAvailable: 4) == 3)
    }

    @Test func mixedWorkIsBoundByComputeOrByRoundsWhicheverIsLonger() {
        // 32 tasks of 50 ms, serial 1.6 s. Half computing on 2 cores: compute bound 0.4 s,
        // rounds bound ⌈32/8⌉ × 50 ms = 0.2 s, so 0.4 s.
        let half = IdealTime.wallSeconds(
            kind: .mixed, model: .threads, workers: 8, tasks: 32, taskSeconds: 0.05,
            serialWallSeconds: 1.6, coresAvailable: 2, ioFraction: 0.5)
        #expect(abs(half - 0.4) < 1e-12)
        // 90% waiting: compute 0.08 s, rounds 0.2 s.
        let waiting = IdealTime.wallSeconds(
            kind: .mixed, model: .eventLoop, workers: 8, tasks: 32, taskSeconds: 0.05,
            serialWallSeconds: 1.6, coresAvailable: 2, ioFraction: 0.9)
        #expect(abs(waiting - 0.2) < 1e-12)
    }
}
