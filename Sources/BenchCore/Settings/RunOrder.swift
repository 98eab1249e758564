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
