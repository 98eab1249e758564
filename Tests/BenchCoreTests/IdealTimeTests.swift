import Testing
@testable import BenchCore

@Suite struct IdealTimeTests {
    func ideal(_ kind: WorkloadKind, _ model: ModelKind, workers: Int, tasks: Int = 32,
               serial: Double = 1.6, cores: Int = 2) -> Double {
        IdealTime.wallSeconds(kind: kind, model: model, workers: workers, tasks: tasks, taskSeconds: 0.05,
                              serialWallSeconds: serial, coresAvailable: cores)
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
}
