/// For one worker count of a mixed sweep: the I/O fraction from which one thread (event-loop)
/// keeps up with the best parallel model, predicted from the bounds (``CrossoverPrediction``) and
/// measured, from the grid's families or by `--io-fraction auto`'s bisection, which this type
/// also runs (``next``, ``record(ioFraction:ratio:)``).
public struct WorkerCrossover: Codable, Sendable, Equatable {
    /// One measured point.
    public struct Step: Codable, Sendable, Equatable {
        /// The I/O fraction measured.
        public var ioFraction: Double
        /// event-loop's median wall time ÷ the best parallel model's.
        public var ratio: Double
        /// Whether one thread kept up there (ratio within ``WorkerCrossover/keepsUpWithin``).
        public var keepsUp: Bool
    }

    /// How close one thread's time must be to the best parallel model's to count as keeping up.
    public static let keepsUpWithin = 0.05
    /// Half the width of the interval a bisection narrows the crossover to.
    public static let precision = 0.02

    /// Workers.
    public var workers: Int
    /// The runtime instance (the runtime, and its interpreter).
    public var runtime: RuntimeInstance
    /// The GIL state, for a free-threaded build's cells; nil otherwise.
    public var gil: GILState?
    /// The predicted crossover.
    public var predicted: Double
    /// The highest fraction measured where one thread did not keep up, below ``high``; nil when it
    /// kept up at the lowest fraction measured (a bisection starts from 0).
    public var low: Double?
    /// The lowest fraction measured where one thread kept up; nil when it never did (a bisection
    /// starts from 1).
    public var high: Double?
    /// Whether a bisection located it (so ``low`` and ``high`` are within ±0.02 of each other).
    public var searched: Bool
    /// The points measured, in order.
    public var steps: [Step]

    /// A crossover from known values.
    public init(
        workers: Int, runtime: RuntimeInstance, gil: GILState? = nil, predicted: Double, low: Double?, high: Double?,
        searched: Bool, steps: [Step]
    ) {
        self.workers = workers
        self.runtime = runtime
        self.gil = gil
        self.predicted = predicted
        self.low = low
        self.high = high
        self.searched = searched
        self.steps = steps
    }

    /// A bisection about to start, over the whole range 0…1.
    public init(searching workers: Int, runtime: RuntimeInstance = .swift, gil: GILState? = nil, predicted: Double) {
        self.init(
            workers: workers, runtime: runtime, gil: gil, predicted: predicted, low: 0, high: 1, searched: true,
            steps: [])
    }

    /// Reads a crossover; one stored as a search (`sweep.searches`, before schema 5) has no
    /// `searched` field and was one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        workers = try c.decode(Int.self, forKey: .workers)
        runtime = try c.decodeIfPresent(RuntimeInstance.self, forKey: .runtime) ?? .swift
        gil = try c.decodeIfPresent(GILState.self, forKey: .gil)
        predicted = try c.decode(Double.self, forKey: .predicted)
        low = try c.decodeIfPresent(Double.self, forKey: .low)
        high = try c.decodeIfPresent(Double.self, forKey: .high)
        searched = try c.decodeIfPresent(Bool.self, forKey: .searched) ?? true
        steps = try c.decode([Step].self, forKey: .steps)
    }

    /// The runtime as reports name it, with a free-threaded build's GIL state: "CPython 3.13.0t GIL off".
    public var runtimeName: String { runtime.displayName + (gil.map { " \($0.displayName)" } ?? "") }

    /// The measurement in words: "0.84 ± 0.02", "between 0.5 and 0.9", "at or below 0".
    public var measuredText: String {
        switch (low, high) {
        case (let low?, let high?) where searched:
            "\(Format.fixed((low + high) / 2, 2)) ± \(Format.fixed((high - low) / 2, 2))"
        case (let low?, let high?): "between \(Format.number(low)) and \(Format.number(high))"
        case (nil, let high?): "at or below \(Format.number(high))"
        case (let low?, nil): "above \(Format.number(low)) (one thread never kept up)"
        case (nil, nil): "–"
        }
    }

    /// How far the prediction is from the measured interval: 0 when inside it, else the distance
    /// to its nearer end (negative: the measurement is below the prediction).
    public var disagreement: Double {
        let lower = low ?? 0
        let upper = high ?? 1
        if predicted < lower { return lower - predicted }
        if predicted > upper { return upper - predicted }
        return 0
    }
}
