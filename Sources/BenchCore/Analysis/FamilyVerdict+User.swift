extension FamilyVerdict {
    /// What made the difference for the user's own code, from what was measured: whether threads
    /// ran in parallel (CPU ÷ wall above one core) or took turns, and whether one thread kept up
    /// with the calls on the event loop.
    static func userSentences(
        serial: CellSummary, cells: [CellSummary], workers: Int, walls: [Cell: [Double]], cores: Double
    ) -> [String] {
        var sentences: [String] = []
        // CPython with its GIL: a free-threaded build without it takes turns on something else.
        let python = serial.cell.runtime == .python && serial.cell.gil != .off
        if let threads = cells.first(where: { $0.cell.model == .threads }) {
            let busy = Format.fixed(threads.utilisationCores, 2)
            let name = threads.cell.modelName
            if threads.utilisationCores >= 1.3 && threads.speedup >= 1.3 {
                sentences.append(
                    python
                        ? "\(name) ran in parallel (\(Format.ratio(threads.speedup))): CPU ÷ wall was \(busy) cores, so the function releases the GIL while it works (or the interpreter runs without one)."
                        : "\(name) ran in parallel (\(Format.ratio(threads.speedup))): CPU ÷ wall was \(busy) cores."
                )
            } else if threads.speedup >= 1.3 {
                sentences.append(
                    "\(name) overlapped the calls (\(Format.ratio(threads.speedup))) on \(busy) cores of CPU: the calls wait, and a thread \(python ? "releases the GIL" : "holds no core") while it waits."
                )
            } else if threads.utilisationCores < 1.15 && cores > 1 {
                sentences.append(
                    python
                        ? "\(name) took turns (\(Format.ratio(threads.speedup))): CPU ÷ wall was \(busy) cores, so the function holds the GIL and one thread runs Python at a time."
                        : "\(name) took turns (\(Format.ratio(threads.speedup))): CPU ÷ wall was \(busy) cores, so the calls serialise on something they share."
                )
            }
        }
        if let loop = cells.first(where: { $0.cell.model == .eventLoop }) {
            let inFlight = Double(min(loop.cell.workers, loop.cell.tasks))
            let busy = Format.percent(loop.utilisationCores)
            if loop.speedup >= max(1.5, 0.8 * inFlight) {
                sentences.append(
                    "One thread kept up with the calls: \(loop.cell.modelName) reached \(Format.ratio(loop.speedup)) using \(busy) of one core, so the calls wait and the loop overlaps the waits."
                )
            } else if loop.speedup <= 1.1 {
                sentences.append(
                    "\(loop.cell.modelName) at \(Format.ratio(loop.speedup)): its calls did not overlap on the loop's one thread (a function that never awaits runs one call at a time there)."
                )
            }
        }
        return sentences
    }

    /// What crossing a process cost the user's code: the pool's start-up, spawn's process per
    /// call, and the pickled arguments and results each call sent.
    static func userProcessSentences(_ cells: [CellSummary]) -> [String] {
        var sentences = processSentences(cells)
        for cell in cells where cell.cell.model == .processes || cell.cell.model == .spawn {
            guard let back = cell.resultBytesPerCall else { continue }
            let result = "\(Format.bytes(Int(back.rounded()))) of result back"
            sentences.append(
                cell.argumentBytesPerCall.map {
                    "Each call of \(cell.cell.modelName) pickled \(Format.bytes(Int($0.rounded()))) of arguments to its worker and \(result)."
                } ?? "Each call of \(cell.cell.modelName) inherited its arguments (fork) and pickled \(result)."
            )
        }
        return sentences
    }
}
