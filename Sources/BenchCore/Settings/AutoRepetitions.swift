/// `--repetitions auto`: each cell is repeated, still interleaved with the others, until the 95%
/// confidence interval of its median wall time is within ``target`` of the median (the "± x%" the
/// report shows), or ``maximum`` repetitions are reached; never fewer than ``minimum``.
public struct AutoRepetitions: Codable, Sendable, Equatable {
    /// The widest interval accepted, as a fraction of the median: 0.02 is ±2%.
    public var target: Double
    /// Repetitions every cell gets: 6 is the fewest with a 95% interval of the median.
    public var minimum: Int
    /// Repetitions no cell goes beyond, settled or not.
    public var maximum: Int
    /// What stops an experiment: its verdict (the default) or each cell's precision.
    public var stop: StopRule = .verdict

    /// What ends an experiment's repetitions under `--repetitions auto`.
    public enum StopRule: String, Codable, Sendable, CaseIterable {
        /// When every model's place against the fastest is decided (``VerdictStop``), and the
        /// serial baseline's median is within the target.
        case verdict
        /// When every cell's median is within the target.
        case precision
    }

    /// The default target, ±2%.
    public static let defaultTarget = 0.02
    /// The default minimum.
    public static let defaultMinimum = 6
    /// The default maximum.
    public static let defaultMaximum = 30

    /// Creates a policy.
    public init(
        target: Double = defaultTarget, minimum: Int = defaultMinimum, maximum: Int = defaultMaximum,
        stop: StopRule = .verdict
    ) {
        self.target = target
        self.minimum = minimum
        self.maximum = maximum
        self.stop = stop
    }

    /// Reads a policy; one written before the verdict rule stopped on each cell's precision.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        target = try c.decode(Double.self, forKey: .target)
        minimum = try c.decode(Int.self, forKey: .minimum)
        maximum = try c.decode(Int.self, forKey: .maximum)
        stop = try c.decodeIfPresent(StopRule.self, forKey: .stop) ?? .precision
    }

    /// Whether a cell with these successful wall times needs no more repetitions: it has at least
    /// ``minimum`` and its median's 95% interval is within ``target``.
    public func isSettled(_ walls: [Double]) -> Bool {
        guard walls.count >= minimum, let median = Stats.median(walls),
            let interval = MedianConfidenceInterval(walls)
        else { return false }
        return interval.relativeHalfWidth(median: median) <= target
    }

    /// The policy as the report states it: "until each median's 95% interval was within ±2% (6 to 30)".
    public var description: String {
        switch stop {
        case .precision:
            "until each median's 95% interval was within ±\(Format.number(target * 100))% (at least \(minimum), at most \(maximum))"
        case .verdict:
            "until the verdict was decided: each model's paired ratio to the fastest beyond or within the ±\(Format.percent(NoiseTest.tolerance)) noise band (looks after rounds \(VerdictStop.looks(maximum: maximum).map(String.init).joined(separator: ", ")), one-sided 1% each), serial's median within ±\(Format.number(target * 100))% (at most \(maximum))"
        }
    }
}
