extension FamilyVerdict {
    /// CPython's subinterpreters against its threads and its process pool at one worker count:
    /// one GIL per interpreter is what lets compute run in parallel inside one process.
    static func interpreterSentences(_ cells: [CellSummary]) -> [String] {
        guard let interpreters = cells.first(where: { $0.cell.model == .interpreters }) else { return [] }
        var text = "\(interpreters.cell.modelName) reached \(Format.ratio(interpreters.speedup))"
        if let threads = cells.first(where: { $0.cell.model == .threads }) {
            text += " where \(threads.cell.modelName) reached \(Format.ratio(threads.speedup))"
        }
        if interpreters.speedup >= 1.3 && interpreters.utilisationCores >= 1.3 {
            text += ": each subinterpreter has its own GIL, so Python code runs in parallel inside one process"
        } else if interpreters.speedup >= 1.3 {
            text += ": its interpreters overlapped the waits, as threads do"
        } else {
            text += ": its interpreters did not run in parallel here"
        }
        if let startup = interpreters.startupSeconds {
            text +=
                "; creating them and importing the workload in each took \(Format.duration(startup)) before the first task"
        }
        if let pool = cells.first(where: { $0.cell.model == .processes }), let poolStartup = pool.startupSeconds {
            text += ", against the process pool's \(Format.duration(poolStartup))"
        }
        return [text + "."]
    }
}
