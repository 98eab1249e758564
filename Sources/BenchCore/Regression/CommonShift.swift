/// A change shared by every cell of a family (every model and worker count of one experiment):
/// the median of their changes. Host drift (a core's clock, a neighbour's load) moves a whole run
/// alike; a real slowdown of one model moves that model's cells alone, and stands out against it.
public struct CommonShift: Codable, Sendable, Equatable {
    /// The family's serial cell.
    public var family: Cell
    /// Median over the family's cells of current median ÷ baseline median, minus 1.
    public var relativeChange: Double
    /// Cells of the family in both results.
    public var cells: Int
}
