extension WorkerCrossover {
    /// The located crossover: the middle of the interval.
    public var located: Double { ((low ?? 0) + (high ?? 1)) / 2 }
    /// Half the interval's width.
    public var halfWidth: Double { ((high ?? 1) - (low ?? 0)) / 2 }
    /// Whether the interval is narrow enough.
    public var isDone: Bool { halfWidth <= Self.precision + 1e-9 }

    /// The next fraction a bisection measures: the prediction first (kept inside the interval),
    /// then the middle; nil when done.
    public var next: Double? {
        guard !isDone else { return nil }
        let low = low ?? 0
        let high = high ?? 1
        if steps.isEmpty, predicted > low + Self.precision, predicted < high - Self.precision {
            return (predicted * 1000).rounded() / 1000
        }
        return ((low + high) / 2 * 1000).rounded() / 1000
    }

    /// Records the ratio measured at `fraction`, narrowing the interval.
    public mutating func record(ioFraction fraction: Double, ratio: Double) {
        let keepsUp = ratio <= 1 + Self.keepsUpWithin
        steps.append(Step(ioFraction: fraction, ratio: ratio, keepsUp: keepsUp))
        if keepsUp { high = min(high ?? 1, fraction) } else { low = max(low ?? 0, fraction) }
    }
}
