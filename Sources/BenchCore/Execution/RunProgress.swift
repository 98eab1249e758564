/// Where a run is, reported before each sample so a front end can show progress.
public struct RunProgress: Sendable, Equatable {
    /// Samples finished so far, warm-ups included.
    public var completed: Int
    /// Samples in the whole run, warm-ups included.
    public var total: Int
    /// The cell about to be measured.
    public var cell: Cell
    /// Its repetition (1-based), or nil for a warm-up.
    public var repetition: Int?
}
