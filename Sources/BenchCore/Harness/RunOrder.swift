/// The order in which a workload's samples run.
public enum RunOrder: String, Codable, Sendable, CaseIterable {
    /// Repetition by repetition, every model once per repetition: drift on a noisy machine hits
    /// every model alike. The default.
    case interleaved
    /// Model by model, all repetitions of one before the next: what naive harnesses do; drift can
    /// then masquerade as a difference between models.
    case grouped
    /// Warm-ups first, then the recorded (model, repetition) pairs in a random order, seeded.
    case random

    /// The (model, repetition) pairs in running order; repetition nil marks a warm-up.
    public func schedule(
        models: [ModelKind], warmup: Int, repetitions: Int,
        seed: UInt64
    ) -> [(model: ModelKind, repetition: Int?)] {
        let warmups = (0..<warmup).flatMap { _ in models.map { (model: $0, repetition: Int?.none) } }
        switch self {
        case .interleaved:
            return warmups + (1...repetitions).flatMap { repetition in models.map { ($0, Int?.some(repetition)) } }
        case .grouped:
            return models.flatMap { model in
                (0..<warmup).map { _ in (model, Int?.none) } + (1...repetitions).map { (model, Int?.some($0)) }
            }
        case .random:
            var generator = SplitMix64(seed: seed)
            let recorded = (1...repetitions).flatMap { repetition in models.map { ($0, Int?.some(repetition)) } }
            return warmups + recorded.shuffled(using: &generator)
        }
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64), so a random order can be
/// reproduced with `--seed`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
