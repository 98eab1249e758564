/// How one experiment's repetitions stopped (`--repetitions auto`): decided by its verdict after
/// some rounds, settled by each cell's precision, or at the maximum with comparisons still open.
public struct ExperimentStop: Codable, Sendable, Equatable {
    /// Why the experiment stopped.
    public enum Reason: String, Codable, Sendable, Equatable {
        /// Every cell's place against the fastest was decided (`--stop verdict`).
        case decided
        /// Every cell's median interval met the target (`--stop precision`).
        case precise
        /// The maximum of repetitions came first.
        case maximum
    }

    /// One cell: its place against the fastest, and the rounds it was measured in.
    public struct CellStop: Codable, Sendable, Equatable {
        /// The cell.
        public var cell: Cell
        /// Its place when it left the rotation, or when the experiment stopped.
        public var place: VerdictStop.Place
        /// Successful recorded samples it got.
        public var samples: Int
    }

    /// The experiment's serial cell.
    public var experiment: Cell
    /// Why it stopped.
    public var reason: Reason
    /// Rounds of interleaved samples it took.
    public var rounds: Int
    /// Seconds of measuring it took, from its first sample's start to its last one's end.
    public var seconds: Double
    /// Each cell's place and samples, in the plan's order.
    public var cells: [CellStop]

    /// "decided after 5 rounds (19 s): event-loop × 2 and async-blocking × 2 slower, async × 2 within
    /// noise of threads × 2 (the fastest)"; or the maximum with the comparisons still open.
    public var sentence: String {
        let fastest = cells.first { $0.place == .fastest }?.cell.modelName
        func names(_ place: VerdictStop.Place) -> String? {
            let named = cells.filter { $0.place == place }.map(\.cell.modelName)
            return named.isEmpty ? nil : named.joined(separator: ", ")
        }
        var parts: [String] = []
        if let slower = names(.slower) { parts.append("\(slower) slower beyond the noise band") }
        if let within = names(.withinNoise) {
            parts.append("\(within) within the noise of \(fastest ?? "the fastest")")
        }
        if let costlier = names(.costlier) {
            let one = cells.filter { $0.place == .costlier }.count == 1
            parts.append(
                "\(costlier) set aside (slower than \(fastest ?? "the fastest") by about the band's width, and no cheaper than a model that kept up, so \(one ? "its place" : "their places") cannot change the verdict)"
            )
        }
        let time = "\(rounds) \(rounds == 1 ? "round" : "rounds") (\(Format.duration(seconds)) of measuring)"
        switch reason {
        case .decided:
            return "Stopped when the verdict was decided, after \(time): "
                + (parts + [
                    "\(fastest ?? "the fastest") the fastest"
                ]).joined(separator: "; ") + "."
        case .precise:
            return "Stopped when every cell's median was known to the target precision, after \(time)."
        case .maximum:
            let open =
                names(.open).map { "; still open against \(fastest ?? "the fastest") (the fastest): \($0)" } ?? ""
            return
                "Stopped at the maximum, after \(time)\(parts.isEmpty ? "" : ": " + parts.joined(separator: "; "))\(open)."
        }
    }
}
