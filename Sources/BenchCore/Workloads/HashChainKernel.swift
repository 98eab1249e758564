/// The compute kernel of the `cpu` workload: a chain of 64-bit mixing steps (the SplitMix64
/// finaliser applied to its own output).
///
/// Each step depends on the previous one, so the chain cannot be vectorised, reordered or
/// reduced to a closed form: its running time is linear in `iterations`, which is what makes it
/// calibratable. The result is a checksum of the whole chain.
public enum HashChainKernel {
    /// Runs `iterations` mixing steps starting from `seed` and returns the final state.
    @inline(never)
    public static func run(iterations: Int, seed: UInt64) -> UInt64 {
        var x = seed
        var remaining = iterations
        while remaining > 0 {
            x &+= 0x9E37_79B9_7F4A_7C15
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            x ^= x >> 31
            remaining -= 1
        }
        return x
    }

    /// The seed task `index` starts from, so every task computes a different chain.
    public static func seed(forTask index: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: index) &+ 1
    }
}
