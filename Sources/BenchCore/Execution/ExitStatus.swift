/// The exit statuses of `bench`: part of its interface, documented in the README.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything ran and was written.
    case success = 0
    /// The run could not complete: a system call failed or results could not be written.
    case failure = 1
    /// `bench compare`: at least one cell regressed.
    case regression = 2
    /// The run completed, but at least one sample failed or timed out (reported, not averaged in).
    case sampleFailed = 3
    /// `bench compare`: a result is missing, unreadable, of an unknown schema, or from a different
    /// machine (without `--allow-different-machines`).
    case incomparable = 4
    /// Bad input: an unknown name, an out-of-range number, an unwritable output path (EX_USAGE).
    case usage = 64
    /// Stopped by SIGINT or SIGTERM; the samples finished before it were written.
    case interrupted = 130

    /// The status a finished (or stopped) run ends with.
    public static func of(_ result: RunResult) -> ExitStatus {
        if result.interrupted { return .interrupted }
        return result.unsuccessfulSamples.isEmpty ? .success : .sampleFailed
    }
}
