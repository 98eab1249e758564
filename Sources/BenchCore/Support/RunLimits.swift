/// Bounds beyond which a value is a mistake rather than an experiment.
public enum RunLimits {
    /// Shorter tasks are dominated by clock reads, thread wake-ups and timer slack (~50 µs).
    public static let minTaskMilliseconds = 1.0
    /// A task longer than a minute is not what a harness like this measures.
    public static let maxTaskMilliseconds = 60_000.0
    /// Workers beyond this exhaust threads before they teach anything.
    public static let maxWorkers = 4096
    /// Tasks per sample.
    public static let maxTasks = 1_000_000
    /// Repetitions per cell.
    public static let maxRepetitions = 10_000
    /// Warm-up repetitions per cell.
    public static let maxWarmup = 1_000
}
