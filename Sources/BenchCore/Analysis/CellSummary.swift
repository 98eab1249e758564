/// The summary of one cell: one workload under one model with one number of workers.
public struct CellSummary: Codable, Sendable, Equatable {
    /// What was measured.
    public var cell: Cell
    /// Wall time over the cell's samples, in seconds.
    public var wall: Summary
    /// 95% confidence interval of the median wall time; nil with fewer than 6 samples.
    public var wallInterval: MedianConfidenceInterval?
    /// Wall times flagged as outliers (modified z-score above 3.5), in seconds: reported, kept.
    public var wallOutliers: [Double]
    /// Per-task latency: the median over samples of each percentile, and the largest maximum.
    public var latency: LatencySummary?
    /// Samples of this cell that failed or timed out (left out of every figure).
    public var unsuccessful: Int
    /// CPU time (user + system) over the cell's samples, in seconds.
    public var cpu: Summary
    /// Median CPU utilisation, in cores.
    public var utilisationCores: Double
    /// Median pool start-up, in seconds; nil for models without one.
    public var startupSeconds: Double?
    /// Median serial wall ÷ median wall.
    public var speedup: Double
    /// Speedup ÷ min(workers, cores available).
    public var efficiency: Double
    /// The ideal wall time, in seconds.
    public var idealWallSeconds: Double
    /// Median wall ÷ ideal wall.
    public var vsIdeal: Double
    /// CPUs available when the cell's samples ran.
    public var coresAvailable: Int
    /// Where the serial baseline behind the speedup came from; nil in results written before
    /// bench could extrapolate it (they were all measured).
    public var baseline: BaselineSource?

    /// Median pickled bytes of arguments sent to a worker process per call (the user's function
    /// under CPython's processes and spawn); nil where no call crosses a process.
    public var argumentBytesPerCall: Double?
    /// Median pickled bytes of return value sent back per call; nil where no call crosses a process.
    public var resultBytesPerCall: Double?
    /// Waiting to be run, median over samples of each figure (the largest delay: the largest);
    /// nil where no sample recorded it.
    public var readyDelay: ReadyDelay? = nil

    /// Whether the speedup, efficiency and ideal are against an extrapolated serial baseline.
    public var isAgainstExtrapolatedBaseline: Bool { baseline?.isExtrapolated == true }
}
