/// A sample together with the figures derived from its cell's serial baseline.
public struct DerivedSample: Sendable, Equatable {
    /// The measurement.
    public var sample: Sample
    /// Median serial wall time ÷ this sample's wall time.
    public var speedup: Double
    /// Speedup ÷ min(workers, cores available).
    public var efficiency: Double
    /// The wall time this model would take with no overhead, in seconds.
    public var idealWallSeconds: Double
    /// Measured wall time ÷ ideal wall time: 1 is perfect, 2 took twice the ideal.
    public var vsIdeal: Double
    /// Where the serial baseline behind these figures came from.
    public var baseline: BaselineSource
}
