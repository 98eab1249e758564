import Foundation
import Synchronization
import Testing

@testable import BenchCore

/// The harness is the loop only: these drive it with a fake runner whose samples are scripted.
@Suite struct HarnessTests {
    /// A runner that records every request and answers what `answer` says, never measuring.
    final class FakeRunner: SampleRunner {
        let answer: @Sendable (SampleRequest) -> Sample
        let requests = Mutex<[SampleRequest]>([])

        init(_ answer: @escaping @Sendable (SampleRequest) -> Sample = { FakeRunner.ok($0) }) {
            self.answer = answer
        }

        func run(_ request: SampleRequest) throws -> Sample {
            requests.withLock { $0.append(request) }
            return answer(request)
        }

        var taken: [(model: ModelKind, repetition: Int)] {
            requests.withLock { $0.map { ($0.model, $0.repetition) } }
        }

        /// A successful sample of `request` with wall time `wall` and checksum `checksum`.
        static func ok(_ request: SampleRequest, wall: Double = 1, checksum: UInt64 = 7) -> Sample {
            Sample(
                cell: request.cell, repetition: request.repetition, coresAvailable: request.coresAvailable,
                startedAt: Date(timeIntervalSince1970: 0), wallSeconds: wall,
                usage: ResourceUsage(
                    userSeconds: wall, systemSeconds: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0,
                    peakRSSBytes: 0),
                latency: nil, checksum: checksum)
        }
    }

    /// A harness over a plan of `models` on the io workload, with `repetitions` and one warm-up.
    static func harness(
        _ runner: FakeRunner, models: [ModelKind] = [.serial, .threads, .eventLoop], repetitions: Int = 2,
        warmup: Int = 1
    ) -> Harness {
        var configuration = RunConfiguration(
            workloads: ["io"], models: models, workers: 2, tasks: 4, repetitions: repetitions, warmup: warmup,
            coresAvailable: 2)
        configuration.simulation = Simulation(cores: 2)
        let planner = Planner(configuration: configuration, preparation: Preparation())
        let result = RunResult(
            configuration: configuration, machine: Simulation(cores: 2).machine, calibrations: [:],
            workloads: planner.workloads(ioFractions: [1]).map(\.description), samples: [],
            startedAt: Simulation.start)
        var harness = Harness(result: result, blocks: planner.run(), runner: runner)
        harness.readsCapacity = false
        return harness
    }

    @Test func samplesRunWarmUpsFirstThenEveryModelInterleavedPerRepetition() throws {
        let runner = FakeRunner()
        let result = try Self.harness(runner).run()
        let expected: [(ModelKind, Int)] = [
            (.serial, 0), (.threads, 0), (.eventLoop, 0), (.serial, 1), (.threads, 1), (.eventLoop, 1),
            (.serial, 2), (.threads, 2), (.eventLoop, 2),
        ]
        #expect(runner.taken.map(\.model) == expected.map(\.0))
        #expect(runner.taken.map(\.repetition) == expected.map(\.1))
        #expect(result.samples.count == 6, "warm-ups that succeed are not recorded")
        #expect(result.samples.allSatisfy { $0.status == .ok })
    }

    @Test func failedAndTimedOutSamplesAreRecordedAndTheRunGoesOn() throws {
        let runner = FakeRunner { request in
            switch (request.model, request.repetition) {
            case (.threads, 1): .unmeasured(request, startedAt: Date(), status: .failed, reason: "worker crashed")
            case (.eventLoop, 2): .unmeasured(request, startedAt: Date(), status: .timedOut, reason: "too slow")
            default: FakeRunner.ok(request)
            }
        }
        let result = try Self.harness(runner).run()
        #expect(runner.taken.count == 9, "every planned sample still ran")
        let failed = result.samples.filter { $0.status != .ok }
        #expect(failed.map(\.cell.model) == [.threads, .eventLoop])
        #expect(failed.map(\.failureReason) == ["worker crashed", "too slow"])
        #expect(failed.map(\.status) == [.failed, .timedOut])
        #expect(result.samples.filter { $0.status == .ok }.count == 4)
    }

    @Test func aFailedWarmUpIsRecordedAsRepetitionZero() throws {
        let runner = FakeRunner { request in
            request.repetition == 0 && request.model == .threads
                ? .unmeasured(request, startedAt: Date(), status: .failed, reason: "no threads")
                : FakeRunner.ok(request)
        }
        let result = try Self.harness(runner).run()
        #expect(result.samples.filter { $0.repetition == 0 }.map(\.cell.model) == [.threads])
    }

    @Test func aCellThatHitsALimitOfTheSystemIsNotRetried() throws {
        let runner = FakeRunner { request in
            request.model == .threads
                ? .unmeasured(
                    request, startedAt: Date(), status: .failed, reason: "\(SystemLimit.marker) too many threads")
                : FakeRunner.ok(request)
        }
        let result = try Self.harness(runner).run()
        #expect(runner.taken.filter { $0.model == .threads }.count == 1, "only the warm-up tried")
        #expect(result.samples.filter { $0.cell.model == .threads }.count == 1)
        #expect(result.samples.filter { $0.cell.model == .eventLoop }.count == 2, "the others ran on")
    }

    @Test func aCheckpointFollowsEveryRecordedSampleWithEverythingSoFar() throws {
        let runner = FakeRunner()
        var counts: [Int] = []
        let result = try Self.harness(runner).run(checkpoint: { counts.append($0.samples.count) })
        #expect(counts == Array(1...6))
        #expect(result.samples.count == 6)
    }

    @Test func progressCountsEverySampleBeforeItRuns() throws {
        let runner = FakeRunner()
        var seen: [RunProgress] = []
        _ = try Self.harness(runner).run(progress: { seen.append($0) })
        #expect(seen.map(\.completed) == Array(0..<9))
        #expect(seen.allSatisfy { $0.total == 9 })
        #expect(seen.first?.repetition == nil && seen.last?.repetition == 2)
    }

    @Test func modelsThatDisagreeOnAChecksumStopTheRunWithBothFigures() throws {
        let runner = FakeRunner { request in
            FakeRunner.ok(request, checksum: request.model == .eventLoop ? 8 : 7)
        }
        #expect {
            try Self.harness(runner).run()
        } throws: { error in
            "\(error)".contains("Model event-loop computed checksum 8") && "\(error)".contains("computed 7")
        }
    }

    @Test func theFaultPlannedForARepetitionReachesOnlyThatRequest() throws {
        let runner = FakeRunner()
        var configuration = RunConfiguration(
            workloads: ["io"], models: [.serial, .threads], workers: 2, tasks: 4, repetitions: 2, warmup: 0,
            coresAvailable: 2)
        configuration.fault = FaultPlan(parsing: "segv:threads:2")
        let planner = Planner(configuration: configuration, preparation: Preparation())
        let result = RunResult(
            configuration: configuration, machine: Simulation(cores: 2).machine, calibrations: [:], workloads: [],
            samples: [], startedAt: Simulation.start)
        var harness = Harness(result: result, blocks: planner.run(), runner: runner)
        harness.readsCapacity = false
        _ = try harness.run()
        let faulted = runner.requests.withLock { $0.filter { $0.workload.fault != nil } }
        #expect(faulted.map(\.model) == [.threads])
        #expect(faulted.map(\.repetition) == [2])
        #expect(faulted.first?.workload.fault?.taskIndex == 2)
    }
}
