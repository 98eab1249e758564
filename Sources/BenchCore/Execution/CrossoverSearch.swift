/// `bench sweep --io-fraction auto` for one worker count: a bisection on the measured ratio of
/// one thread's time (event-loop) to the best parallel model's, starting at the predicted
/// crossover, until the fraction where one thread starts keeping up is located within
/// ±``precision``.
public struct CrossoverSearch: Codable, Sendable, Equatable {
    /// One measured point of the search.
    public struct Step: Codable, Sendable, Equatable {
        /// The I/O fraction measured.
        public var ioFraction: Double
        /// event-loop's median wall time ÷ the best parallel model's.
        public var ratio: Double
        /// Whether one thread kept up there (ratio within ``CrossoverSearch/keepsUpWithin``).
        public var keepsUp: Bool
    }

    /// How close one thread's time must be to the best parallel model's to count as keeping up.
    public static let keepsUpWithin = 0.05
    /// Half the width of the interval the search narrows the crossover to.
    public static let precision = 0.02

    /// The worker count searched.
    public var workers: Int
    /// The runtime searched in.
    public var runtime: Runtime = .swift
    /// The predicted crossover (``CrossoverPrediction``).
    public var predicted: Double
    /// The highest fraction where one thread did not keep up (0 when it kept up everywhere measured).
    public var low: Double = 0
    /// The lowest fraction where one thread kept up (1 when it never did).
    public var high: Double = 1
    /// The points measured, in order.
    public var steps: [Step] = []

    /// Creates a search about to start.
    public init(workers: Int, runtime: Runtime = .swift, predicted: Double) {
        self.workers = workers
        self.runtime = runtime
        self.predicted = predicted
    }

    /// The located crossover: the middle of the interval.
    public var located: Double { (low + high) / 2 }
    /// Half the interval's width.
    public var halfWidth: Double { (high - low) / 2 }
    /// Whether the interval is narrow enough.
    public var isDone: Bool { halfWidth <= Self.precision + 1e-9 }

    /// The next fraction to measure: the prediction first (kept inside the interval), then the
    /// middle; nil when done.
    public var next: Double? {
        guard !isDone else { return nil }
        if steps.isEmpty, predicted > low + Self.precision, predicted < high - Self.precision {
            return (predicted * 1000).rounded() / 1000
        }
        return ((low + high) / 2 * 1000).rounded() / 1000
    }

    /// Records the ratio measured at `fraction`, narrowing the interval.
    public mutating func record(ioFraction fraction: Double, ratio: Double) {
        let keepsUp = ratio <= 1 + Self.keepsUpWithin
        steps.append(Step(ioFraction: fraction, ratio: ratio, keepsUp: keepsUp))
        if keepsUp { high = min(high, fraction) } else { low = max(low, fraction) }
    }
}
