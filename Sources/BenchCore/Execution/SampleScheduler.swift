/// Decides which sample runs next: the warm-ups, then each cell's repetitions in the run's order,
/// and, under ``AutoRepetitions``, no more repetitions of a cell once its median is settled.
///
/// Cells come in blocks (one per workload and allocator, or per I/O fraction of a sweep) that run
/// one after another; within a block the order applies: interleaved rounds of every unsettled
/// cell, cell by cell (grouped), or shuffled with the seed (random: the whole plan when the count
/// is fixed, each round under auto).
struct SampleScheduler {
    /// One sample to take: a cell (by its index in the plan) and its repetition, nil for a warm-up.
    struct Step: Equatable {
        var cell: Int
        var repetition: Int?
    }

    private let blocks: [[Int]]
    private let order: RunOrder
    private let warmup: Int
    private let repetitions: Int
    private let auto: AutoRepetitions?
    private let warms: (Int) -> Bool
    private var generator: SplitMix64
    private var queue: [Step] = []
    private var block = 0
    private var round = 0
    private var groupedCell = 0
    private var groupedRepetition = 0

    /// A scheduler over `blocks` of cell indices.
    /// `warms` says which cells get the warm-ups (default: every one).
    init(
        blocks: [[Int]], order: RunOrder, warmup: Int, repetitions: Int, auto: AutoRepetitions?, seed: UInt64,
        warms: @escaping (Int) -> Bool = { _ in true }
    ) {
        self.warms = warms
        self.blocks = blocks.filter { !$0.isEmpty }
        self.order = order
        self.warmup = warmup
        self.repetitions = repetitions
        self.auto = auto
        generator = SplitMix64(seed: seed)
        if !self.blocks.isEmpty { startBlock() }
    }

    /// The most samples the run can take (warm-ups included): the exact count with a fixed number
    /// of repetitions, an upper bound under auto.
    var upperBound: Int {
        blocks.map { $0.count * (warmup + repetitions) }.reduce(0, +)
    }

    /// The next sample, given whether a cell is already settled; nil when the run is complete.
    mutating func next(isSettled: (Int) -> Bool) -> Step? {
        while block < blocks.count {
            if !queue.isEmpty { return queue.removeFirst() }
            if auto != nil, refill(isSettled: isSettled) { continue }
            block += 1
            if block < blocks.count { startBlock() }
        }
        return nil
    }

    private mutating func startBlock() {
        let cells = blocks[block]
        round = 0
        groupedCell = 0
        groupedRepetition = 0
        let warmups = (0..<warmup).flatMap { _ in cells.filter(warms).map { Step(cell: $0, repetition: nil) } }
        guard auto == nil else {
            queue = order == .grouped ? [] : warmups
            return
        }
        switch order {
        case .interleaved:
            queue = warmups + (1...repetitions).flatMap { r in cells.map { Step(cell: $0, repetition: r) } }
        case .grouped:
            queue = cells.flatMap { cell in
                (0..<warmup).map { _ in Step(cell: cell, repetition: nil) }
                    + (1...repetitions).map { Step(cell: cell, repetition: $0) }
            }
        case .random:
            let recorded = (1...repetitions).flatMap { r in cells.map { Step(cell: $0, repetition: r) } }
            queue = warmups + recorded.shuffled(using: &generator)
        }
    }

    /// Under auto, queues the next steps of the current block; false when it has none left.
    private mutating func refill(isSettled: (Int) -> Bool) -> Bool {
        let cells = blocks[block]
        if order == .grouped {
            while groupedCell < cells.count {
                let cell = cells[groupedCell]
                if groupedRepetition == 0 {
                    queue = warms(cell) ? (0..<warmup).map { _ in Step(cell: cell, repetition: nil) } : []
                    groupedRepetition = 1
                    queue.append(Step(cell: cell, repetition: 1))
                    return true
                }
                if groupedRepetition < repetitions && !isSettled(cell) {
                    groupedRepetition += 1
                    queue = [Step(cell: cell, repetition: groupedRepetition)]
                    return true
                }
                groupedCell += 1
                groupedRepetition = 0
            }
            return false
        }
        guard round < repetitions else { return false }
        round += 1
        let open = cells.filter { !isSettled($0) }
        guard !open.isEmpty else { return false }
        let steps = open.map { Step(cell: $0, repetition: round) }
        queue = order == .random ? steps.shuffled(using: &generator) : steps
        return true
    }
}
