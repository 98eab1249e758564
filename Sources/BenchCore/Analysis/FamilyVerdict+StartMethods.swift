extension FamilyVerdict {
    /// CPython's process pool under each start method it was measured with, side by side: what
    /// starting the pool cost, and why they differ.
    static func startMethodSentences(_ cells: [CellSummary]) -> [String] {
        let pools = cells.filter { $0.cell.model == .processes && $0.cell.startMethod != nil }
        guard Set(pools.map(\.cell.startMethod)).count > 1 else { return [] }
        let parts = pools.compactMap { pool -> String? in
            guard let method = pool.cell.startMethod, let startup = pool.startupSeconds else { return nil }
            return "\(method) \(Format.duration(startup))\(method == "forkserver" ? " (its server included)" : "")"
        }
        guard parts.count > 1 else { return [] }
        var text = "The process pool's start-up by start method: \(parts.joined(separator: ", "))"
        if let fastest = pools.min(by: { ($0.startupSeconds ?? .infinity) < ($1.startupSeconds ?? .infinity) }),
            let method = fastest.cell.startMethod
        {
            text +=
                method == "fork"
                ? "; fork copies the running interpreter, where forkserver and spawn start fresh ones that import the workload"
                : "; \(method) started fastest here"
        }
        return [text + "."]
    }
}
