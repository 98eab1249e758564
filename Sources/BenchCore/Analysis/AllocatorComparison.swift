/// Where one experiment ran under several allocators: each model's median wall time under each,
/// the fastest combination, and why the allocators differ, from the measured ratios.
public struct AllocatorComparison: Codable, Sendable, Equatable {
    /// One model at one worker count, under every allocator.
    public struct Row: Codable, Sendable, Equatable {
        /// The cell under the first allocator.
        public var cell: Cell
        /// Median wall time under each allocator, in ``AllocatorComparison/allocators`` order;
        /// nil where that cell has no successful sample.
        public var wallSeconds: [Double?]
    }

    /// The experiment's serial cell under the first allocator.
    public var experiment: Cell
    /// The allocators, in the order they ran.
    public var allocators: [Allocator]
    /// One row per model and worker count.
    public var rows: [Row]
    /// The fastest cell of any model under any allocator.
    public var fastest: Cell?
    /// Its median wall time, in seconds.
    public var fastestWallSeconds: Double?
    /// Serial's median wall time under the first allocator, in seconds.
    public var serialWallSeconds: Double?
    /// Why, in a sentence, from the measured ratios: shared heap (threads) against separate heaps
    /// (processes).
    public var explanation: String

    /// One comparison per experiment that ran under more than one allocator.
    static func make(_ families: [RunAnalysis.Family]) -> [AllocatorComparison] {
        let groups = RunAnalysis.Family.grouped(families) { cell in
            var key = cell
            key.allocator = .system
            return key
        }
        return groups.filter { $0.families.count > 1 }.map { make($0.families) }
    }

    private static func make(_ group: [RunAnalysis.Family]) -> AllocatorComparison {
        let allocators = group.map(\.baseline.allocator)
        let first = group[0]
        let wall = { (cell: Cell, allocator: Allocator) -> Double? in
            var cell = cell
            cell.allocator = allocator
            return group.first { $0.baseline.allocator == allocator }?.cells.first { $0.cell == cell }?.wall.median
        }
        let rows = first.cells.map { summary in
            Row(cell: summary.cell, wallSeconds: allocators.map { wall(summary.cell, $0) })
        }
        let fastest = group.flatMap(\.cells).min { $0.wall.median < $1.wall.median }
        func ratio(_ model: ModelKind) -> Double? {
            guard let row = rows.first(where: { $0.cell.model == model }), let a = row.wallSeconds[0],
                let b = row.wallSeconds.count > 1 ? row.wallSeconds[1] : nil, b > 0
            else { return nil }
            return a / b
        }
        var explanation = ""
        if let threads = ratio(.threads), let serial = ratio(.serial), allocators.count > 1 {
            explanation =
                "\(allocators[1].rawValue) ran serial \(Format.ratio(serial)) and threads \(Format.ratio(threads)) as fast as \(allocators[0].rawValue)"
            if let processes = ratio(.processes) {
                explanation += ", processes \(Format.ratio(processes))"
                explanation +=
                    threads > processes * 1.1
                    ? ": threads share one heap, so their allocations meet in the allocator, while each worker process has a heap of its own; the allocator's handling of a shared heap (per-thread caches, arenas) counts most for threads."
                    : ": the allocator's speed mattered about as much for a shared heap (threads) as for separate ones (processes)."
            } else {
                explanation += "."
            }
        }
        return AllocatorComparison(
            experiment: first.baseline, allocators: allocators, rows: rows, fastest: fastest?.cell,
            fastestWallSeconds: fastest?.wall.median, serialWallSeconds: wall(first.baseline, allocators[0]),
            explanation: explanation)
    }
}
