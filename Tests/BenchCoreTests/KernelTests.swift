import Testing

@testable import BenchCore

@Suite struct KernelTests {
    @Test func oneStepFromSeedZeroIsSplitMix64sPublishedFirstOutput() {
        // SplitMix64 (Steele, Lea & Flood 2014) seeded with 0 first returns 0xE220A8397B1DCDAF.
        #expect(HashChainKernel.run(iterations: 1, seed: 0) == 0xE220_A839_7B1D_CDAF)
    }

    @Test func checksumOfALongChainMatchesAnIndependentImplementation() {
        // Computed with Python's arbitrary-precision integers masked to 64 bits.
        #expect(HashChainKernel.run(iterations: 1000, seed: 1) == 6_982_863_586_396_383_029)
        #expect(HashChainKernel.run(iterations: 3, seed: 42) == 7_138_415_436_909_018_950)
    }

    @Test func calibrationScalesIterationsWithDuration() {
        let calibration = Calibration(iterationsPerSecond: 1_000_000, trials: 1)
        #expect(calibration.iterations(forSeconds: 0.05) == 50_000)
        #expect(calibration.iterations(forSeconds: 0) == 1)
    }

    @Test func measuredCalibrationIsPositive() {
        let calibration = Calibration.measure(trialSeconds: 0.002, trials: 2)
        #expect(calibration.iterationsPerSecond > 1_000)
    }

    @Test func computeTasksGiveDifferentChecksumsPerTask() {
        let workload = ComputeWorkload(taskSeconds: 0.001, iterations: 100)
        #expect(workload.runBlocking(task: 0) != workload.runBlocking(task: 1))
    }
}
