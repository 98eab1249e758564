/// When a run measured several allocators, the report compares them model by model and names the
/// winning combination of model and allocator, with the numbers and the reason.
public enum AllocatorSection {
    /// The section, or "" when only one allocator was measured.
    public static func markdown(_ result: RunResult) -> String {
        let allocators = result.configuration.allocators
        guard allocators.count > 1 else { return "" }
        let cells = Analysis.cells(result.samples)
        var out = "## Allocators\n\n"
        for workload in result.configuration.workloads {
            let name = { (allocator: Allocator) in "\(workload) [\(allocator.rawValue)]" }
            let models = cells.filter { $0.workload == name(allocators[0]) }.map(\.model)
            out += "| Model | " + allocators.map { "\($0.rawValue) (median wall)" }.joined(separator: " | ") + " | \(allocators[1].rawValue) vs \(allocators[0].rawValue) |\n"
            out += "|---|" + allocators.map { _ in "---:|" }.joined() + "---:|\n"
            var best: (model: ModelKind, allocator: Allocator, wall: Double)?
            for model in models {
                let walls = allocators.map { allocator in cells.first { $0.workload == name(allocator) && $0.model == model }?.wall.median }
                for (allocator, wall) in zip(allocators, walls) {
                    if let wall, wall < (best?.wall ?? .infinity) { best = (model, allocator, wall) }
                }
                var ratio = "–"
                if let first = walls[0], let second = walls[1], first > 0, second > 0 {
                    ratio = second <= first ? "\(Format.ratio(first / second)) faster" : "\(Format.ratio(second / first)) slower"
                }
                out += "| \(model.rawValue) | " + walls.map { $0.map(Format.duration) ?? "–" }.joined(separator: " | ") + " | \(ratio) |\n"
            }
            out += "\n"
            if let best, let serialSystem = cells.first(where: { $0.workload == name(allocators[0]) && $0.model == .serial })?.wall.median {
                out += "**\(workload)**: the fastest combination was \(best.model.rawValue) under \(best.allocator.rawValue), \(Format.duration(best.wall)), \(Format.ratio(serialSystem / best.wall)) faster than serial under \(allocators[0].rawValue). "
                out += why(cells: cells, workload: workload, allocators: allocators) + "\n\n"
            }
        }
        out += "jemalloc's figures (bytes allocated, active and resident, allocation counts) are in samples.csv for samples under jemalloc; for `processes` and `spawn` they describe the sample's coordinating process, not its workers.\n\n"
        return out
    }

    /// Why the allocators differ, from the measured ratios: shared heap (threads) against separate
    /// heaps (processes).
    static func why(cells: [CellSummary], workload: String, allocators: [Allocator]) -> String {
        func ratio(_ model: ModelKind) -> Double? {
            let walls = allocators.prefix(2).map { allocator in
                cells.first { $0.workload == "\(workload) [\(allocator.rawValue)]" && $0.model == model }?.wall.median
            }
            guard let first = walls.first ?? nil, let second = walls.last ?? nil, second > 0 else { return nil }
            return first / second
        }
        guard let threads = ratio(.threads), let serial = ratio(.serial) else { return "" }
        var text = "\(allocators[1].rawValue) ran serial \(Format.ratio(serial)) and threads \(Format.ratio(threads)) as fast as \(allocators[0].rawValue)"
        if let processes = ratio(.processes) {
            text += ", processes \(Format.ratio(processes))"
            if threads > processes * 1.1 {
                text += ": threads share one heap, so their allocations meet in the allocator, while each worker process has a heap of its own; the allocator's handling of a shared heap (per-thread caches, arenas) counts most for threads."
            } else {
                text += ": the allocator's speed mattered about as much for a shared heap (threads) as for separate ones (processes)."
            }
        } else {
            text += "."
        }
        return text
    }
}
