/// For one family of a sweep (one I/O fraction): which cell won, and whether concurrency on one
/// thread (event-loop) matched the best parallel model within the measured noise.
public struct CrossoverPoint: Codable, Sendable, Equatable {
    /// The family's serial cell (its I/O fraction is the point's).
    public var family: Cell
    /// The winner by the one rule (``WinnerChoice``), among every cell of the family.
    public var choice: WinnerChoice
    /// The winner's summary.
    public var winner: CellSummary
    /// The fastest cell of a parallel model (threads, async, processes, …).
    public var bestParallel: CellSummary?
    /// The fastest event-loop cell (concurrency without parallelism).
    public var bestConcurrent: CellSummary?
    /// The best event-loop cell tested against the best parallel cell.
    public var concurrentAgainstParallel: NoiseTest?

    /// The I/O fraction.
    public var ioFraction: Double { family.ioFraction }

    /// Whether event-loop matched the best parallel model within the noise.
    public var concurrencyMatchesParallelism: Bool { concurrentAgainstParallel?.isWithinNoise ?? false }

    /// The point for one family's summarised cells; nil when there are none.
    public static func make(_ cells: [CellSummary], walls: [Cell: [Double]]) -> CrossoverPoint? {
        guard let choice = WinnerChoice.choose(cells, walls: walls),
            let winner = cells.first(where: { $0.cell == choice.winner })
        else { return nil }
        let parallel = cells.filter { $0.cell.model.isParallel }.min { $0.wall.median < $1.wall.median }
        let concurrent = cells.filter { $0.cell.model == .eventLoop }.min { $0.wall.median < $1.wall.median }
        var test: NoiseTest?
        if let parallel, let concurrent {
            test = NoiseTest(walls[concurrent.cell] ?? [], against: walls[parallel.cell] ?? [])
        }
        return CrossoverPoint(
            family: winner.cell.baseline, choice: choice, winner: winner, bestParallel: parallel,
            bestConcurrent: concurrent, concurrentAgainstParallel: test)
    }
}
