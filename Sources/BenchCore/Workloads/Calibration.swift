/// How fast the compute kernel runs on this machine, measured once per run.
public struct Calibration: Codable, Sendable, Equatable {
    /// Kernel iterations per second of thread CPU time, the fastest of several trials.
    public var iterationsPerSecond: Double
    /// How many trials the rate is the best of.
    public var trials: Int

    /// Creates a calibration from a known rate (tests, or a rate reported by another process).
    public init(iterationsPerSecond: Double, trials: Int) {
        self.iterationsPerSecond = iterationsPerSecond
        self.trials = trials
    }

    /// The iterations that make one task take `seconds` of CPU on one core.
    public func iterations(forSeconds seconds: Double) -> Int {
        // Bounded, so no figure that arrived from elsewhere can trap the conversion.
        let iterations = (iterationsPerSecond * seconds).rounded()
        guard iterations.isFinite, iterations < Double(Int.max / 2) else { return iterations > 0 ? Int.max / 2 : 1 }
        return max(1, Int(iterations))
    }

    /// Faster than any kernel runs on any machine (a step is several multiplications): a speed
    /// above this that arrives from an interpreter is refused.
    public static let fastestIterationsPerSecond = 1e11

    /// Measures the kernel's speed on the calling thread.
    ///
    /// The rate is taken from thread CPU time, not wall time, so a preemption during calibration
    /// does not make tasks shorter than asked; the best of `trials` trials is kept, because noise
    /// only ever slows a trial down.
    public static func measure(trialSeconds: Double = 0.02, trials: Int = 5) -> Calibration {
        // Grow a probe until it is long enough to time reliably, then time full trials.
        var iterations = 10_000
        while true {
            let start = Sys.threadCPUNanoseconds()
            blackHole(HashChainKernel.run(iterations: iterations, seed: 1))
            let elapsed = Double(Sys.threadCPUNanoseconds() - start) / 1e9
            if elapsed >= trialSeconds / 4 {
                iterations = max(iterations, Int(Double(iterations) * trialSeconds / elapsed))
                break
            }
            iterations *= 4
        }
        var best = 0.0
        for trial in 0..<trials {
            let start = Sys.threadCPUNanoseconds()
            blackHole(HashChainKernel.run(iterations: iterations, seed: UInt64(trial)))
            let elapsed = Double(Sys.threadCPUNanoseconds() - start) / 1e9
            if elapsed > 0 { best = max(best, Double(iterations) / elapsed) }
        }
        return Calibration(iterationsPerSecond: best, trials: trials)
    }
}
