/// Where a run is, reported before each sample so a front end can show progress.
public struct RunProgress: Sendable, Equatable {
    /// Samples finished so far, warm-ups included.
    public var completed: Int
    /// Samples in the whole run as now planned, warm-ups included: exact with a fixed count of
    /// repetitions; under auto, the most the undecided cells can still take, so it shrinks as
    /// models are decided.
    public var total: Int
    /// The cell about to be measured.
    public var cell: Cell
    /// Its repetition (1-based), or nil for a warm-up.
    public var repetition: Int?
    /// Seconds since the first sample started.
    public var elapsedSeconds: Double = 0
    /// Seconds the samples still to take will need at most, at each cell's mean sample time so far
    /// (the run's mean for a cell not yet measured); nil before the first sample.
    public var remainingSeconds: Double?

    /// Creates a report of progress.
    public init(
        completed: Int, total: Int, cell: Cell, repetition: Int?, elapsedSeconds: Double = 0,
        remainingSeconds: Double? = nil
    ) {
        self.completed = completed
        self.total = total
        self.cell = cell
        self.repetition = repetition
        self.elapsedSeconds = elapsedSeconds
        self.remainingSeconds = remainingSeconds
    }
}
