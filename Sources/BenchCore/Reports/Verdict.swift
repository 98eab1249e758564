/// The verdict for one workload: which model won, by how much, and why, from the measured numbers.
public struct WorkloadVerdict: Sendable, Equatable {
    /// The workload's name.
    public var workload: String
    /// The fastest model by median wall time.
    public var winner: ModelKind
    /// The sentences of the verdict.
    public var text: String

    /// Writes the verdict for the cells of one workload; nil when there is no serial baseline.
    /// - Parameter unsuccessful: samples of this workload that failed or timed out.
    public static func make(workload: String, cells: [CellSummary], coresAvailable: Int, unsuccessful: Int = 0) -> WorkloadVerdict? {
        let cells = cells.filter { $0.workload == workload }
        guard let serial = cells.first(where: { $0.model == .serial }),
              let best = cells.min(by: { $0.wall.median < $1.wall.median }) else { return nil }
        let others = cells.filter { $0.model != .serial }
        if serial.taskSeconds == 0 {
            // Tasks that do nothing: there is nothing to speed up, only a per-task cost to compare.
            let costs = cells.map { "\($0.model.rawValue) \(Format.duration($0.wall.median / Double(max(1, $0.tasks))))" }
            return WorkloadVerdict(workload: workload, winner: best.model,
                                   text: "tasks do nothing, so this measures what each model pays per task: \(costs.joined(separator: ", ")). A task must be much longer than its model's cost for that model to pay off.")
        }
        let workers = others.first?.workers ?? 1
        let usable = max(1, min(workers, coresAvailable))
        var sentences: [String] = []

        if best.model == .serial || best.speedup < 1.05 {
            sentences.append("no model beat serial (\(Format.duration(serial.wall.median))) by more than 5%.")
        } else {
            sentences.append("\(best.model.rawValue) was fastest, \(Format.ratio(best.speedup)) faster than serial with \(best.workers) workers on \(coresAvailable) \(coresAvailable == 1 ? "core" : "cores") (ideal \(Format.ratio(serial.wall.median / best.idealWallSeconds)); \(Format.duration(best.wall.median)) against \(Format.duration(serial.wall.median))).")
        }
        let rest = others.filter { $0.model != best.model }.map { "\($0.model.rawValue) \(Format.ratio($0.speedup))" }
        if !rest.isEmpty { sentences.append("Others: \(rest.joined(separator: ", ")).") }

        let eventLoop = others.first { $0.model == .eventLoop }
        let parallel = others.filter { $0.model.isParallel }
        let bestParallel = parallel.max { $0.speedup < $1.speedup }
        switch serial.kind {
        case .cpu, .alloc:
            if let eventLoop, eventLoop.speedup <= 1.1 {
                sentences.append("event-loop at \(Format.ratio(eventLoop.speedup)): concurrency without parallelism does not speed up compute, since one thread runs one task at a time.")
            }
            if let bestParallel, usable > 1, bestParallel.speedup >= 1.1 {
                sentences.append("Compute gets faster only with parallelism: \(bestParallel.model.rawValue) kept \(Format.number((bestParallel.utilisationCores * 100).rounded() / 100)) cores busy.")
            } else if let bestParallel, usable > 1 {
                sentences.append("The parallel models gained only \(Format.ratio(bestParallel.speedup)) where up to \(usable)x was possible: the machine was probably busy with other work.")
            }
            if workers > coresAvailable {
                sentences.append("\(workers) workers on \(coresAvailable) available \(coresAvailable == 1 ? "core" : "cores") is oversubscription: compute cannot go faster than \(coresAvailable)x, the extra workers only take turns.")
            }
        case .mixed:
            if let eventLoop, let bestParallel {
                let ratio = bestParallel.speedup / eventLoop.speedup
                if ratio > 1.1 {
                    sentences.append("With \(Format.percent(1 - serial.ioFraction)) of each task computing, parallelism still pays: \(bestParallel.model.rawValue) \(Format.ratio(bestParallel.speedup)) against event-loop's \(Format.ratio(eventLoop.speedup)) on one thread.")
                } else {
                    sentences.append("With \(Format.percent(serial.ioFraction)) of each task waiting, concurrency on one thread keeps up: event-loop \(Format.ratio(eventLoop.speedup)) against \(bestParallel.model.rawValue)'s \(Format.ratio(bestParallel.speedup)).")
                }
            }
        case .io:
            if let eventLoop, eventLoop.speedup >= 1.5 {
                let sharePerCore = eventLoop.utilisationCores
                sentences.append("event-loop reached \(Format.ratio(eventLoop.speedup)) on a single thread, using \(Format.percent(sharePerCore)) of one core: waiting overlaps without parallelism, so concurrency alone is enough.")
                if let bestParallel, bestParallel.speedup < eventLoop.speedup * 1.1 {
                    sentences.append("Parallel models did no better (\(bestParallel.model.rawValue) \(Format.ratio(bestParallel.speedup))): more cores do not help work that waits.")
                }
            }
            if workers > coresAvailable {
                sentences.append("\(workers) workers on \(coresAvailable) \(coresAvailable == 1 ? "core" : "cores") is fine for waiting: a waiting task holds no core.")
            }
            if let blocking = others.first(where: { $0.model == .asyncBlocking }),
               let async = others.first(where: { $0.model == .async }), blocking.wall.median > async.wall.median * 1.5 {
                sentences.append("async-blocking took \(Format.ratio(blocking.wall.median / async.wall.median)) as long as async: its blocking waits each held one of the cooperative pool's \(coresAvailable) threads, so only \(coresAvailable) of its \(blocking.workers) tasks could wait at once, where Task.sleep frees the thread.")
            }
        }
        if let pool = others.first(where: { $0.model == .processes }), let startup = pool.startupSeconds {
            sentences.append("The process pool took \(Format.duration(startup)) to start before its first task, on top of its \(Format.duration(pool.wall.median)); processes cost that once, threads almost nothing.")
        }
        if let spawn = others.first(where: { $0.model == .spawn }), let pool = others.first(where: { $0.model == .processes }),
           spawn.wall.median > pool.wall.median * 1.05 {
            sentences.append("spawn, a new process per task, took \(Format.ratio(spawn.wall.median / pool.wall.median)) the pool's time: process creation is paid \(spawn.tasks) times instead of \(pool.workers).")
        }
        if unsuccessful > 0 {
            sentences.append("\(unsuccessful) failed or timed-out \(unsuccessful == 1 ? "sample is" : "samples are") left out of these figures (see Failed samples).")
        }
        return WorkloadVerdict(workload: workload, winner: best.model, text: sentences.joined(separator: " "))
    }
}
