/// The answer to "which model should I use here?": of the cells within the noise of the fastest,
/// the cheapest. One thread before parallelism, fewer workers before more, threads before
/// processes, and among models alike in all three the simpler primitive (``ModelKind``'s order:
/// a thread pool before a task runtime, before one that blocks its pool); when one thread keeps
/// up, it is the answer. Models within the noise of each other so get the same winner run after
/// run, where the lowest median would pick among them by chance.
public struct WinnerChoice: Codable, Sendable, Equatable {
    /// The chosen cell.
    public var winner: Cell
    /// The fastest cell by median wall time.
    public var fastest: Cell
    /// The winner tested against the fastest; nil when the winner is the fastest.
    public var winnerAgainstFastest: NoiseTest?
    /// The fastest of the cells cheaper than the winner, none of which was within the noise of the
    /// fastest: why no cheaper model won. Nil when none was cheaper.
    public var cheaperRejected: Cell?
    /// That cell tested against the fastest.
    public var cheaperRejectedTest: NoiseTest?

    /// How much a cell costs to run, for breaking ties within the noise: parallelism, then
    /// workers, then separate processes, then the model's place in ``ModelKind``'s order.
    static func cost(_ cell: Cell) -> (Int, Int, Int, Int) {
        let processes = cell.model == .processes || cell.model == .spawn ? 1 : 0
        let rank = ModelKind.allCases.firstIndex(of: cell.model) ?? 0
        return (cell.model.isParallel ? 1 : 0, cell.workers, processes, rank)
    }

    /// Chooses among `cells`, testing each against the fastest with ``NoiseTest``; nil when empty.
    /// - Parameter walls: each cell's successful wall times.
    public static func choose(_ cells: [CellSummary], walls: [Cell: [Double]]) -> WinnerChoice? {
        guard let fastest = cells.min(by: { $0.wall.median < $1.wall.median }) else { return nil }
        let fastestWalls = walls[fastest.cell] ?? []
        let tests = Dictionary(
            uniqueKeysWithValues: cells.map { ($0.cell, NoiseTest(walls[$0.cell] ?? [], against: fastestWalls)) })
        let byCost = cells.sorted { a, b in
            let (x, y) = (cost(a.cell), cost(b.cell))
            return x != y ? x < y : a.wall.median < b.wall.median
        }
        let winner = byCost.first { $0.cell == fastest.cell || tests[$0.cell]!.isWithinNoise } ?? fastest
        let cheaper = byCost.prefix { $0.cell != winner.cell }.min { $0.wall.median < $1.wall.median }
        return WinnerChoice(
            winner: winner.cell, fastest: fastest.cell,
            winnerAgainstFastest: winner.cell == fastest.cell ? nil : tests[winner.cell],
            cheaperRejected: cheaper?.cell, cheaperRejectedTest: cheaper.map { tests[$0.cell]! })
    }
}
