/// The verdict for one family of cells (one experiment, every model and worker count): which
/// model won by the one rule (``WinnerChoice``), by how much, and why, from the measured numbers.
/// Every figure names the worker count it belongs to.
public struct FamilyVerdict: Codable, Sendable, Equatable {
    /// The winner and the test that decided it.
    public var choice: WinnerChoice
    /// The sentences of the verdict.
    public var text: String

    /// Writes the verdict for one family's summarised cells; nil when there is no serial cell.
    /// - Parameters:
    ///   - walls: each cell's successful wall times, for the tests between cells.
    ///   - unsuccessful: samples of this family that failed or timed out.
    public static func make(
        _ cells: [CellSummary], walls: [Cell: [Double]], coresAvailable cores: Double,
        unsuccessful: Int = 0
    ) -> FamilyVerdict? {
        guard let serial = cells.first(where: { $0.cell.model == .serial }),
            let choice = WinnerChoice.choose(cells, walls: walls)
        else { return nil }
        let others = cells.filter { $0.cell.model != .serial }
        let summary = { (cell: Cell) in cells.first { $0.cell == cell }! }
        if serial.cell.taskSeconds == 0 && serial.cell.kind != .alloc && serial.cell.kind != .user {
            // Tasks that do nothing: there is nothing to speed up, only a per-task cost to compare.
            let costs = cells.map {
                "\($0.cell.modelName) \(Format.duration($0.wall.median / Double(max(1, $0.cell.tasks))))"
            }
            let methods = startMethodSentences(others)
            return FamilyVerdict(
                choice: choice,
                text:
                    "tasks do nothing, so this measures what each model pays per task: \(costs.joined(separator: ", ")). A task must be much longer than its model's cost for that model to pay off."
                    + methods.map { " " + $0 }.joined()
            )
        }
        var sentences = [winnerSentence(choice, serial: serial, summary: summary, cores: cores)]
        let counts = Set(others.map(\.cell.workers)).sorted()
        if counts.count > 1 {
            sentences += counts.compactMap { perWorkers($0, cells: cells, walls: walls) }
        } else {
            let rest = others.filter { $0.cell != choice.winner }.map {
                "\($0.cell.modelName) \(Format.ratio($0.speedup))"
            }
            if !rest.isEmpty { sentences.append("Others: \(rest.joined(separator: ", ")).") }
        }
        if let most = counts.last {
            let atMost = others.filter { $0.cell.workers == most }
            sentences += kindSentences(serial: serial, cells: atMost, workers: most, walls: walls, cores: cores)
            sentences += serial.cell.kind == .user ? userProcessSentences(atMost) : processSentences(atMost)
            sentences += interpreterSentences(atMost)
            sentences += startMethodSentences(atMost)
        }
        if unsuccessful > 0 {
            sentences.append(
                "\(unsuccessful) failed or timed-out \(unsuccessful == 1 ? "sample is" : "samples are") left out of these figures (see Failed samples)."
            )
        }
        return FamilyVerdict(choice: choice, text: sentences.joined(separator: " "))
    }

    /// Who won, by how much, and the test that decided it.
    static func winnerSentence(
        _ choice: WinnerChoice, serial: CellSummary, summary: (Cell) -> CellSummary, cores: Double
    )
        -> String
    {
        let winner = summary(choice.winner)
        let fastest = summary(choice.fastest)
        let coresText = "\(Format.number(cores)) \(cores == 1 ? "core" : "cores")"
        var text: String
        if winner.cell.model == .serial {
            text = "no model beat serial (\(Format.duration(serial.wall.median))) beyond the noise"
            if let test = choice.winnerAgainstFastest {
                text +=
                    ": serial is \(test.explanation(versus: fastest.cell.modelName)), the fastest at \(Format.ratio(fastest.speedup))"
            }
            return text + "."
        }
        text =
            "\(winner.cell.modelName) wins, \(Format.ratio(winner.speedup)) faster than serial on \(coresText) (ideal \(Format.ratio(serial.wall.median / winner.idealWallSeconds)); \(Format.duration(winner.wall.median)) against \(Format.duration(serial.wall.median)))."
        if let test = choice.winnerAgainstFastest {
            text +=
                " It is the cheapest model within the noise of the fastest, \(fastest.cell.modelName) at \(Format.ratio(fastest.speedup)): it is \(test.explanation(versus: fastest.cell.modelName))."
        }
        if let rejected = choice.cheaperRejected, let test = choice.cheaperRejectedTest {
            text +=
                " No cheaper model kept up: \(rejected.modelName) took \(test.explanation(versus: fastest.cell.modelName))."
        }
        return text
    }

    /// For a family with several worker counts: the winner at one count, and event-loop against the
    /// best parallel model at that same count.
    static func perWorkers(_ workers: Int, cells: [CellSummary], walls: [Cell: [Double]]) -> String? {
        let here = cells.filter { $0.cell.workers == workers && $0.cell.model != .serial }
        guard let point = CrossoverPoint.make(here, walls: walls) else { return nil }
        var text =
            "With \(workers) \(workers == 1 ? "worker" : "workers"): \(point.winner.cell.modelName) wins (\(Format.ratio(point.winner.speedup)))"
        if let parallel = point.bestParallel, let eventLoop = point.bestConcurrent,
            let test = point.concurrentAgainstParallel
        {
            text +=
                test.isWithinNoise
                ? "; event-loop × \(workers) (\(Format.ratio(eventLoop.speedup))) matches the best parallel model, \(parallel.cell.modelName) (\(Format.ratio(parallel.speedup))): it is \(test.explanation(versus: parallel.cell.modelName))"
                : "; event-loop × \(workers) (\(Format.ratio(eventLoop.speedup))) does not match the best parallel model, \(parallel.cell.modelName) (\(Format.ratio(parallel.speedup))): it took \(test.explanation(versus: parallel.cell.modelName))"
        }
        return text + "."
    }

    /// What the workload's kind teaches, at one worker count.
    static func kindSentences(
        serial: CellSummary, cells: [CellSummary], workers: Int, walls: [Cell: [Double]], cores: Double
    ) -> [String] {
        var sentences: [String] = []
        let usable = max(1, Bounds.parallelCPUs(workers: workers, usableCPUs: cores))
        let coresText = "\(Format.number(cores)) \(cores == 1 ? "core" : "cores")"
        let eventLoop = cells.first { $0.cell.model == .eventLoop }
        let bestParallel = cells.filter { $0.cell.model.isParallel }.max { $0.speedup < $1.speedup }
        switch serial.cell.kind {
        case .user:
            sentences += userSentences(serial: serial, cells: cells, workers: workers, walls: walls, cores: cores)
        case .cpu, .alloc:
            if let eventLoop, eventLoop.speedup <= 1.1 {
                sentences.append(
                    "\(eventLoop.cell.modelName) at \(Format.ratio(eventLoop.speedup)): concurrency without parallelism does not speed up compute, since one thread runs one task at a time."
                )
            }
            if let bestParallel, usable > 1, bestParallel.speedup >= 1.1 {
                sentences.append(
                    "Compute gets faster only with parallelism: \(bestParallel.cell.modelName) kept \(Format.number((bestParallel.utilisationCores * 100).rounded() / 100)) cores busy."
                )
            } else if let bestParallel, usable > 1 {
                sentences.append(
                    "The parallel models gained only \(Format.ratio(bestParallel.speedup)) (\(bestParallel.cell.modelName)) where up to \(Format.number(usable))x was possible: the machine was probably busy with other work."
                )
            }
            if Double(workers) > cores {
                sentences.append(
                    "\(workers) workers on \(Format.number(cores)) available \(cores == 1 ? "core" : "cores") is oversubscription: compute cannot go faster than \(Format.number(max(1, cores)))x, the extra workers only take turns."
                )
            }
        case .mixed:
            if let eventLoop, let bestParallel {
                let test = NoiseTest(walls[eventLoop.cell] ?? [], against: walls[bestParallel.cell] ?? [])
                if test.isWithinNoise {
                    sentences.append(
                        "With \(Format.percent(serial.cell.ioFraction)) of each task waiting, concurrency on one thread keeps up at \(workers) workers: \(eventLoop.cell.modelName) \(Format.ratio(eventLoop.speedup)) against \(bestParallel.cell.modelName)'s \(Format.ratio(bestParallel.speedup)), \(test.explanation(versus: bestParallel.cell.modelName))."
                    )
                } else {
                    sentences.append(
                        "With \(Format.percent(1 - serial.cell.ioFraction)) of each task computing, parallelism still pays at \(workers) workers: \(bestParallel.cell.modelName) \(Format.ratio(bestParallel.speedup)) against \(eventLoop.cell.modelName)'s \(Format.ratio(eventLoop.speedup)) on one thread."
                    )
                }
            }
        case .io:
            if let eventLoop, eventLoop.speedup >= 1.5 {
                sentences.append(
                    "\(eventLoop.cell.modelName) reached \(Format.ratio(eventLoop.speedup)) on a single thread, using \(Format.percent(eventLoop.utilisationCores)) of one core: waiting overlaps without parallelism, so concurrency alone is enough."
                )
                if let bestParallel,
                    NoiseTest(walls[bestParallel.cell] ?? [], against: walls[eventLoop.cell] ?? []).isWithinNoise
                        || bestParallel.speedup < eventLoop.speedup
                {
                    sentences.append(
                        "Parallel models did no better (\(bestParallel.cell.modelName) \(Format.ratio(bestParallel.speedup))): more cores do not help work that waits."
                    )
                }
            }
            if Double(workers) > cores {
                sentences.append(
                    "\(workers) workers on \(coresText) is fine for waiting: a waiting task holds no core.")
            }
            if let blocking = cells.first(where: { $0.cell.model == .asyncBlocking }),
                let async = cells.first(where: { $0.cell.model == .async }),
                blocking.wall.median > async.wall.median * 1.5
            {
                sentences.append(
                    "\(blocking.cell.modelName) took \(Format.ratio(blocking.wall.median / async.wall.median)) as long as \(async.cell.modelName): its blocking waits each held one of the cooperative pool's \(Format.number(cores)) threads, so only \(Format.number(cores)) of its \(blocking.cell.workers) tasks could wait at once, where Task.sleep frees the thread."
                )
            }
        }
        return sentences
    }

    /// What processes cost: the pool's start-up, and spawn's process per task.
    static func processSentences(_ cells: [CellSummary]) -> [String] {
        var sentences: [String] = []
        if let pool = cells.first(where: { $0.cell.model == .processes }), let startup = pool.startupSeconds {
            sentences.append(
                "The process pool (\(pool.cell.modelName)) took \(Format.duration(startup)) to start before its first task, on top of its \(Format.duration(pool.wall.median)); processes cost that once, threads almost nothing."
            )
        }
        if let spawn = cells.first(where: { $0.cell.model == .spawn }),
            let pool = cells.first(where: { $0.cell.model == .processes }),
            spawn.wall.median > pool.wall.median * 1.05
        {
            sentences.append(
                "\(spawn.cell.modelName), a new process per task, took \(Format.ratio(spawn.wall.median / pool.wall.median)) the pool's time: process creation is paid \(spawn.cell.tasks) times instead of \(pool.cell.workers)."
            )
        }
        return sentences
    }
}
