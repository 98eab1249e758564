/// The user's code checked as bench checks its kernel: each call's result is hashed, and every
/// model's results are compared task by task with serial's. A model whose results differ is
/// named with the tasks that differed; the run does not fail (the results are the user's code's
/// behaviour, not bench's).
public struct ResultCheck: Codable, Sendable, Equatable {
    /// One model's results against serial's, for one experiment.
    public struct Difference: Codable, Sendable, Equatable {
        /// The cell whose results differed.
        public var cell: Cell
        /// The tasks whose result differed from serial's in at least one sample, in order.
        public var tasks: [Int]
        /// Samples of the cell in which some task differed.
        public var samples: Int
        /// Samples of the cell compared.
        public var compared: Int
    }

    /// The serial cell of the experiment.
    public var baseline: Cell
    /// The cells whose results were compared (every model but serial with a result).
    public var compared: [Cell]
    /// The models whose results differed from serial's.
    public var differences: [Difference]
    /// Tasks whose result differed between serial's own repetitions: the results vary from call
    /// to call, so differences elsewhere are not the model's.
    public var serialVaries: [Int]

    /// One check per experiment of the user's code whose samples carry results, in family order.
    public static func make(_ samples: [Sample], families: [Cell]) -> [ResultCheck] {
        var byCell: [Cell: [[UInt64]]] = [:]
        var order: [Cell] = []
        for sample in samples where sample.status == .ok && sample.repetition > 0 {
            guard let results = sample.taskResults else { continue }
            if byCell[sample.cell] == nil { order.append(sample.cell) }
            byCell[sample.cell, default: []].append(results)
        }
        return families.compactMap { baseline in
            guard let serial = byCell[baseline], let reference = serial.first else { return nil }
            let serialVaries = differing(serial.dropFirst(), from: reference).tasks
            let others = order.filter { $0.baseline == baseline && $0 != baseline }
            let differences = others.compactMap { cell -> Difference? in
                let runs = byCell[cell]!
                let (tasks, samples) = differing(runs[...], from: reference)
                return tasks.isEmpty
                    ? nil : Difference(cell: cell, tasks: tasks, samples: samples, compared: runs.count)
            }
            return ResultCheck(
                baseline: baseline, compared: others, differences: differences, serialVaries: serialVaries)
        }
    }

    /// The tasks whose result in some of `runs` differs from `reference`'s, and how many runs differed.
    private static func differing(_ runs: ArraySlice<[UInt64]>, from reference: [UInt64]) -> (
        tasks: [Int], samples: Int
    ) {
        var tasks = Set<Int>()
        var samples = 0
        for run in runs {
            let here = reference.indices.filter { $0 >= run.count || run[$0] != reference[$0] }
            if !here.isEmpty { samples += 1 }
            tasks.formUnion(here)
        }
        return (tasks.sorted(), samples)
    }

    /// The check in sentences: which models returned other results than serial, for which tasks,
    /// and what that says about the code.
    public var sentences: [String] {
        let count = baseline.tasks
        if !serialVaries.isEmpty {
            return [
                "serial itself returned other results in different repetitions for \(serialVaries.count) of \(count) tasks (\(Self.list(serialVaries))): the function's results vary from call to call, so no model's differences are blamed on the model; run with --no-result-check if that is expected."
            ]
        }
        guard !differences.isEmpty else {
            guard !compared.isEmpty else { return [] }
            return [
                "Every model returned serial's results for all \(count) tasks (\(compared.map(\.modelName).joined(separator: ", ")))."
            ]
        }
        return differences.map { difference in
            "\(difference.cell.modelName) returned other results than serial for \(difference.tasks.count) of \(count) tasks (\(Self.list(difference.tasks)); in \(difference.samples) of \(difference.compared) samples): \(Self.meaning(difference.cell.model))."
        }
    }

    /// What a difference under `model` says about the code.
    static func meaning(_ model: ModelKind) -> String {
        switch model {
        case .threads: "the function is not safe to run in threads"
        case .async: "the function is not safe to run on several threads at once"
        case .eventLoop, .asyncBlocking: "the calls interfere when they interleave on one event loop"
        case .processes, .spawn: "the function's result depends on the process it runs in"
        case .interpreters: "the function's result depends on the interpreter it runs in"
        case .serial: "serial's results vary"
        }
    }

    /// Task indexes for a sentence: "2, 5, 9", or the first eight and how many more.
    static func list(_ tasks: [Int]) -> String {
        let shown = tasks.prefix(8).map { "task \($0)" }.joined(separator: ", ")
        return tasks.count > 8 ? "\(shown) and \(tasks.count - 8) more" : shown
    }
}
