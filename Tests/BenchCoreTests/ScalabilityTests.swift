import BenchCore
import Foundation
import Testing

/// The laws bench fits to speedups, and the crossover it predicts, on figures whose answer is known.
@Suite struct ScalabilityTests {
    /// Speedups the Universal Scalability Law gives for σ and κ at `workers`, each scaled by a
    /// deterministic factor within ±`noise`.
    static func speedups(sigma: Double, kappa: Double, workers: [Double], noise: Double = 0) -> [(
        workers: Double, speedup: Double
    )] {
        workers.enumerated().map { index, n in
            let jitter = noise * (index % 2 == 0 ? 1 : -1) * Double(index % 3) / 2
            return (n, n / (1 + sigma * (n - 1) + kappa * n * (n - 1)) * (1 + jitter))
        }
    }

    @Test(arguments: [(0.03, 0.0004), (0.10, 0.002), (0.005, 0.0001)])
    func theUniversalScalabilityLawRecoversSigmaAndKappaWithinFivePercent(sigma: Double, kappa: Double) throws {
        let points = Self.speedups(sigma: sigma, kappa: kappa, workers: [1, 2, 4, 8, 16, 32, 64], noise: 0.002)
        let fit = try #require(ScalabilityFit.fit(points))
        #expect(fit.law == .usl)
        #expect(abs(fit.sigma - sigma) / sigma < 0.05, "σ \(fit.sigma) against \(sigma)")
        #expect(abs(fit.kappa - kappa) / kappa < 0.05, "κ \(fit.kappa) against \(kappa)")
        #expect((fit.rSquared ?? 0) > 0.99)
    }

    @Test func amdahlsLawStandsWhenThereIsNoCoherencyCost() throws {
        let points = Self.speedups(sigma: 0.05, kappa: 0, workers: [1, 2, 4, 8, 16], noise: 0.001)
        let fit = try #require(ScalabilityFit.fit(points))
        #expect(fit.law == .amdahl)
        #expect(fit.kappa == 0)
        #expect(abs(fit.sigma - 0.05) / 0.05 < 0.05, "σ \(fit.sigma)")
    }

    @Test func onePointGivesAmdahlsContentionExactly() throws {
        let fit = try #require(ScalabilityFit.fit([(1, 1), (2, 1.9)]))
        #expect(fit.law == .amdahl)
        #expect(abs(fit.sigma - (2 / 1.9 - 1)) < 1e-12)
        #expect(fit.rSquared == nil, "no R² without spread to explain")
    }

    @Test func noPointBeyondOneWorkerGivesNoFit() {
        #expect(ScalabilityFit.fit([(1, 1)]) == nil)
    }

    @Test func thePeakIsWhereTheFittedCurveTurnsDown() throws {
        let cell = Cell(workload: "cpu", kind: .cpu, model: .serial, workers: 1, tasks: 8, taskSeconds: 0.05)
        let fit = ScalabilityFit(
            experiment: cell, model: .threads, law: .usl, sigma: 0.02, kappa: 0.001, rSquared: 0.99,
            points: [], excludedWorkers: [], usableCPUs: 64)
        let peak = try #require(fit.peakWorkers)
        #expect(abs(peak - (0.98 / 0.001).squareRoot()) < 1e-9)
        #expect(fit.speedup(at: peak) > fit.speedup(at: peak - 1))
        #expect(fit.speedup(at: peak) > fit.speedup(at: peak + 1))
        #expect(fit.sentence.contains("2.0% contention"))
    }

    @Test func thePredictedCrossoverIsWhereOneThreadsComputeFallsToTheRounds() {
        // 8 tasks on 2 workers: 4 rounds; one thread keeps up once 8 × (1 − f) ≤ 4, so f = 0.5.
        #expect(CrossoverPrediction.predict(workers: 2, tasks: 8, usableCPUs: 2).ioFraction == 0.5)
        // 32 tasks on 8 workers, 2 CPUs: 4 rounds, so f = 1 − 4/32.
        #expect(CrossoverPrediction.predict(workers: 8, tasks: 32, usableCPUs: 2).ioFraction == 0.875)
        // 10 tasks on 4 workers: ⌈10/4⌉ = 3 rounds, f = 0.7.
        #expect(abs(CrossoverPrediction.predict(workers: 4, tasks: 10, usableCPUs: 8).ioFraction - 0.7) < 1e-12)
        // Nothing parallel to gain: one worker, or one usable CPU.
        #expect(CrossoverPrediction.predict(workers: 1, tasks: 8, usableCPUs: 4).ioFraction == 0)
        #expect(CrossoverPrediction.predict(workers: 8, tasks: 32, usableCPUs: 1).ioFraction == 0)
        let atCrossover = CrossoverPrediction.bounds(ioFraction: 0.875, workers: 8, tasks: 32, usableCPUs: 2)
        #expect(atCrossover.oneThread == atCrossover.parallel)
        let below = CrossoverPrediction.bounds(ioFraction: 0.5, workers: 8, tasks: 32, usableCPUs: 2)
        #expect(below.oneThread == 2 * below.parallel, "compute-bound: one thread takes twice the two CPUs' time")
    }

    @Test func inCPythonWithItsGILThreadsAloneComputeOnOneCPU() {
        func cpus(_ runtime: Runtime, _ models: [ModelKind], gil: Bool?) -> Double {
            let interpreter = gil.map { InterpreterInfo(version: "3.13.0", executable: "python3", gilEnabled: $0) }
            return CrossoverPrediction.parallelCPUs(
                runtime: runtime, models: models, usableCPUs: 8, interpreter: interpreter)
        }
        #expect(cpus(.python, [.serial, .threads, .eventLoop], gil: true) == 1)
        #expect(cpus(.python, [.threads, .processes], gil: true) == 8, "processes compute in parallel")
        #expect(cpus(.python, [.threads], gil: false) == 8, "a free-threaded CPython's threads do too")
        #expect(cpus(.swift, [.threads], gil: nil) == 8)
        #expect(
            cpus(.python, [.eventLoop, .async], gil: true) == 1, "no parallel model CPython has: its threads' rule")
        #expect(
            CrossoverPrediction.predict(workers: 2, tasks: 8, usableCPUs: cpus(.python, [.threads], gil: true))
                .ioFraction == 0)
    }

    @Test(arguments: [0.63, 0.12, 0.97, 0.875])
    func theBisectionLocatesTheCrossoverWithinTwoHundredths(truth: Double) {
        var search = WorkerCrossover(searching: 8, predicted: 0.875)
        var steps = 0
        while let fraction = search.next {
            search.record(ioFraction: fraction, ratio: fraction >= truth ? 1.01 : 1.4)
            steps += 1
        }
        #expect(abs(search.located - truth) <= WorkerCrossover.precision + 1e-9, "\(search.located) for \(truth)")
        #expect(steps <= 7)
        #expect(search.steps.first?.ioFraction == 0.875, "the prediction is measured first")
    }

    @Test func capacityIsTheSmallestOfAffinityQuotaAndCpuset() {
        #expect(CPUCapacity(affinityCPUs: 2, quotaCPUs: 0.5, cpusetCPUs: 2, cgroupVersion: 1).usableCPUs == 0.5)
        #expect(CPUCapacity(affinityCPUs: 2, quotaCPUs: 0.5, cgroupVersion: 1).limitedBy.contains("quota"))
        #expect(CPUCapacity(affinityCPUs: 8, cpusetCPUs: 3).usableCPUs == 3)
        #expect(CPUCapacity(affinityCPUs: 4).usableCPUs == 4)
        #expect(Sys.countCPUList("0-3,5") == 5)
        #expect(Sys.countCPUList("7") == 1)
        #expect(Sys.countCPUList("") == nil)
        #expect(Sys.countCPUList("3-1") == nil)
    }

    @Test func aSampleKeepsItsUsableCPUsThrottlingAndStealThroughResultsJSON() throws {
        let cell = Cell(workload: "cpu", kind: .cpu, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.05)
        var sample = Sample(
            cell: cell, repetition: 1, coresAvailable: 2, startedAt: Date(timeIntervalSince1970: 0), wallSeconds: 0.8,
            usage: ResourceUsage(
                userSeconds: 0.4, systemSeconds: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0,
                peakRSSBytes: 0), latency: nil, checksum: 1)
        sample.usableCPUs = 0.5
        sample.throttledPeriods = 7
        sample.throttledSeconds = 0.3
        sample.stealSeconds = 0.01
        let data = try ResultDocument.encoder().encode(sample)
        let read = try ResultDocument.decoder().decode(Sample.self, from: data)
        #expect(read == sample, "bench merge and bench report read these back from results.json")
        #expect(read.capacity == 0.5)
    }

    @Test func efficiencyAndTheIdealUseFractionalUsableCPUs() {
        // Half a CPU: parallel compute cannot beat serial, which had the same half.
        let ideal = IdealTime.wallSeconds(
            kind: .cpu, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.05, serialWallSeconds: 0.8,
            coresAvailable: 0.5)
        #expect(ideal == 0.8)
        #expect(IdealTime.usableCores(model: .threads, workers: 8, coresAvailable: 1.5) == 1.5)
    }
}
