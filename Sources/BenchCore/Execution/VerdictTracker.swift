import Foundation

/// The harness's bookkeeping for `--repetitions auto`: each cell's walls by round, each cell's
/// place (``VerdictStop``) under `--stop verdict`, and when each experiment (block) stopped and why.
struct VerdictTracker {
    /// The blocks of cell indices, as the scheduler has them.
    let blocks: [[Int]]
    /// The plan's cells.
    let cells: [Cell]
    /// The policy.
    let auto: AutoRepetitions?
    /// The most recorded repetitions of a cell.
    let maximum: Int

    private var blockOf: [Int]
    private var walls: [[Double?]]
    private var places: [VerdictStop.Place]
    private var looked: [Int]
    private var began: [Date?]
    private var ended: [Date?]
    private var taken: [Int]
    private var seconds: [Double]

    init(blocks: [[Int]], cells: [Cell], auto: AutoRepetitions?, maximum: Int) {
        self.blocks = blocks
        self.cells = cells
        self.auto = auto
        self.maximum = maximum
        blockOf = [Int](repeating: 0, count: cells.count)
        for (index, block) in blocks.enumerated() { for cell in block { blockOf[cell] = index } }
        walls = [[Double?]](repeating: [], count: cells.count)
        places = [VerdictStop.Place](repeating: .open, count: cells.count)
        looked = [Int](repeating: 0, count: blocks.count)
        began = [Date?](repeating: nil, count: blocks.count)
        ended = [Date?](repeating: nil, count: blocks.count)
        taken = [Int](repeating: 0, count: cells.count)
        seconds = [Double](repeating: 0, count: cells.count)
    }

    /// Whether the verdict rule decides when cells stop (interleaved or random rounds; grouped
    /// order has no rounds to pair, so its cells stop on their own precision).
    var usesVerdict: Bool { auto?.stop == .verdict }

    /// Notes a sample of `cell` in `repetition` (nil: a warm-up) that took `started`…`finished`.
    mutating func record(cell: Int, repetition: Int?, wall: Double?, started: Date, finished: Date) {
        let block = blockOf[cell]
        if began[block] == nil { began[block] = started }
        ended[block] = finished
        taken[cell] += 1
        seconds[cell] += finished.timeIntervalSince(started)
        guard let repetition, repetition >= 1 else { return }
        while walls[cell].count < repetition { walls[cell].append(nil) }
        walls[cell][repetition - 1] = wall
    }

    /// The successful walls of `cell`.
    func successes(_ cell: Int) -> [Double] { walls[cell].compactMap { $0 } }

    /// Whether `cell` needs no more repetitions: under `--stop precision` its own interval is tight;
    /// under `--stop verdict` its experiment is decided, or its place is (and, for the serial
    /// baseline, its precision too).
    /// The scheduler asks at the end of a round, so a look sees whole rounds.
    mutating func isSettled(_ cell: Int) -> Bool {
        if usesVerdict { look(blockOf[cell]) }
        return settledNow(cell)
    }

    /// Whether `cell` is settled by what is known now, without a new look; `decided` says whether
    /// its block is decided, where the caller already knows.
    func settledNow(_ cell: Int, decided: Bool? = nil) -> Bool {
        guard let auto else { return false }
        guard usesVerdict else { return auto.isSettled(successes(cell)) }
        let block = blockOf[cell]
        if decided ?? isDecided(block) { return true }
        switch places[cell] {
        case .open: return false
        case .fastest:
            // The reference of every comparison, needed until no other place is open.
            return blocks[block].allSatisfy { places[$0] != .open }
        case .slower, .withinNoise, .costlier:
            return cells[cell].model != .serial || auto.isSettled(successes(cell))
        }
    }

    /// Updates the places of `block` once all its rounds so far are in, at a look.
    private mutating func look(_ block: Int) {
        let members = blocks[block]
        let rounds = members.map { walls[$0].count }.max() ?? 0
        guard rounds > looked[block] else { return }
        looked[block] = rounds
        let updated = VerdictStop.places(
            walls: members.map { walls[$0] }, decided: members.map { places[$0] }, rounds: rounds, maximum: maximum,
            cells: members.map { cells[$0] })
        for (cell, place) in zip(members, updated) { places[cell] = place }
    }

    /// Whether every cell of `block` but the fastest is placed and its serial baseline is precise.
    private func isDecided(_ block: Int) -> Bool {
        guard let auto else { return false }
        let members = blocks[block]
        guard members.contains(where: { places[$0] == .fastest }) else { return false }
        let placed = members.allSatisfy { places[$0] != .open }
        let serialPrecise = members.filter { cells[$0].model == .serial }.allSatisfy {
            auto.isSettled(successes($0))
        }
        return placed && serialPrecise
    }

    /// The samples still to take at most, and the seconds they need at most (each cell's mean
    /// sample time so far, else the run's): a cell that is settled, or `abandoned`, takes none; any
    /// other up to the maximum (its warm-ups counted in `warmups` per cell still to start).
    func remaining(warmups: (Int) -> Int, abandoned: Set<Int>) -> (samples: Int, seconds: Double?) {
        let done = taken.reduce(0, +)
        let mean = done > 0 ? seconds.reduce(0, +) / Double(done) : nil
        var samples = 0
        var time = 0.0
        // Asked before every sample: each block's decision once, not once per cell.
        let decided = usesVerdict ? blocks.indices.map(isDecided) : []
        for cell in cells.indices
        where !abandoned.contains(cell) && !settledNow(cell, decided: decided.isEmpty ? nil : decided[blockOf[cell]]) {
            let recorded = walls[cell].count
            let left = max(0, maximum - recorded) + (taken[cell] == 0 ? warmups(cell) : 0)
            samples += left
            time += Double(left) * (taken[cell] > 0 ? seconds[cell] / Double(taken[cell]) : (mean ?? 0))
        }
        return (samples, mean.map { _ in time })
    }

    /// How each experiment stopped, once the run is over.
    func stops() -> [ExperimentStop] {
        guard let auto else { return [] }
        return blocks.indices.compactMap { block in
            let members = blocks[block]
            guard let start = began[block], let end = ended[block] else { return nil }
            let rounds = members.map { walls[$0].count }.max() ?? 0
            let reason: ExperimentStop.Reason
            if usesVerdict {
                reason = isDecided(block) ? .decided : .maximum
            } else {
                reason = members.allSatisfy { auto.isSettled(successes($0)) } ? .precise : .maximum
            }
            let baseline = cells[members[0]].baseline
            return ExperimentStop(
                experiment: baseline, reason: reason, rounds: rounds, seconds: end.timeIntervalSince(start),
                cells: members.map {
                    ExperimentStop.CellStop(cell: cells[$0], place: places[$0], samples: successes($0).count)
                })
        }
    }
}
