/// Which way is better for a metric.
public enum Polarity: String, Codable, Sendable {
    /// Less is better (times).
    case smallerIsBetter
    /// More is better (ratios such as speedup).
    case largerIsBetter
}

/// What `bench compare` compares, per sample.
public enum Metric: String, Codable, Sendable, CaseIterable {
    /// Wall time, seconds.
    case wall
    /// CPU time (user + system), seconds.
    case cpu
    /// Speedup over the same run's serial baseline: a ratio measured within one run, so it carries
    /// across machines far better than absolute times.
    case speedup
    /// Speedup ÷ usable cores: a ratio too.
    case efficiency

    /// Which way is better.
    public var polarity: Polarity {
        switch self {
        case .wall, .cpu: .smallerIsBetter
        case .speedup, .efficiency: .largerIsBetter
        }
    }

    /// Whether the metric is a ratio measured within one run (portable across machines).
    public var isRatio: Bool { polarity == .largerIsBetter }

    /// A value of this metric for display.
    public func format(_ value: Double) -> String {
        switch self {
        case .wall, .cpu: Format.duration(value)
        case .speedup: Format.ratio(value)
        case .efficiency: Format.percent(value)
        }
    }
}
