/// Bounds beyond which a value is a mistake rather than an experiment.
public enum RunLimits {
    /// Shorter tasks are dominated by clock reads, thread wake-ups and timer slack (~50 µs).
    public static let minTaskMilliseconds = 1.0
    /// A task longer than a minute is not what a harness like this measures.
    public static let maxTaskMilliseconds = 60_000.0
    /// Workers: as many as tasks. Async tasks and the event loop hold a million in flight; threads
    /// and processes go as far as the system allows and then stop with a sentence naming the limit.
    public static let maxWorkers = 1_000_000
    /// Tasks per sample.
    public static let maxTasks = 1_000_000
    /// Repetitions per cell.
    public static let maxRepetitions = 10_000
    /// Warm-up repetitions per cell.
    public static let maxWarmup = 1_000
}
