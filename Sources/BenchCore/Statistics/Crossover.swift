/// For one I/O fraction of a sweep: which model won, and whether concurrency on one thread
/// (event-loop) matched the best parallel model within the measured noise.
public struct CrossoverPoint: Codable, Sendable, Equatable {
    /// The I/O fraction.
    public var ioFraction: Double
    /// The workload's name at this fraction.
    public var workload: String
    /// The winner: of the cells within the noise of the fastest, the cheapest (no parallelism
    /// before parallelism, then fewest workers): when one thread keeps up, it is the answer.
    public var winner: CellSummary
    /// The fastest cell by median wall time.
    public var fastest: CellSummary
    /// The fastest cell of a parallel model (threads, async, processes, …).
    public var bestParallel: CellSummary?
    /// The fastest event-loop cell (concurrency without parallelism).
    public var bestConcurrent: CellSummary?
    /// Mann–Whitney p-value between those two cells' wall times.
    public var pValue: Double?
    /// Whether event-loop matched the best parallel model: within 5%, or not significantly different.
    public var concurrencyMatchesParallelism: Bool

    /// Relative difference within which two cells count as matched even if the test is significant.
    public static let matchTolerance = 0.05

    /// One point per I/O fraction of a sweep result, in ascending fraction; empty for a normal run.
    public static func points(_ result: RunResult) -> [CrossoverPoint] {
        let cells = Analysis.cells(result.samples)
        let fractions = Set(cells.map(\.ioFraction)).sorted()
        return fractions.compactMap { fraction in
            let here = cells.filter { $0.ioFraction == fraction }
            guard let fastest = here.min(by: { $0.wall.median < $1.wall.median }) else { return nil }
            func walls(_ cell: CellSummary) -> [Double] {
                result.samples.filter { $0.status == .ok && $0.workload == cell.workload && $0.model == cell.model && $0.workers == cell.workers }
                    .map(\.wallSeconds)
            }
            func matched(_ a: CellSummary, _ b: CellSummary) -> (Bool, Double?) {
                let p = MannWhitneyU(walls(a), walls(b))?.pValue
                let difference = abs(a.wall.median - b.wall.median) / b.wall.median
                return (difference <= matchTolerance || (p ?? 0) >= 0.05, p)
            }
            let winner = here.filter { $0 == fastest || matched($0, fastest).0 }
                .min { ($0.model.isParallel ? 1 : 0, $0.workers, $0.wall.median) < ($1.model.isParallel ? 1 : 0, $1.workers, $1.wall.median) } ?? fastest
            let parallel = here.filter { $0.model.isParallel }.min { $0.wall.median < $1.wall.median }
            let concurrent = here.filter { $0.model == .eventLoop }.min { $0.wall.median < $1.wall.median }
            var pValue: Double?
            var matches = false
            if let parallel, let concurrent {
                (matches, pValue) = matched(concurrent, parallel)
            }
            return CrossoverPoint(ioFraction: fraction, workload: winner.workload, winner: winner, fastest: fastest, bestParallel: parallel,
                                  bestConcurrent: concurrent, pValue: pValue, concurrencyMatchesParallelism: matches)
        }
    }
}
