import Foundation

/// `bench merge`: one result from several, with the machine as a dimension of every cell
/// (``Cell/machine``), so each machine keeps its own serial baselines, verdicts and fits, and the
/// report can put machines side by side.
///
/// Refused with a sentence: results of different schema versions; results that share no
/// experiment; the same machine twice with different configurations (the same machine with the
/// same configuration is merged as more repetitions of the same cells).
public enum ResultMerger {
    /// Merges `inputs` (each a path and the document read from it), in the order given.
    /// - Throws: ``BenchError/usage(_:)`` for fewer than two inputs; ``BenchError/incomparable(_:)``
    ///   for the refusals above.
    public static func merge(_ inputs: [(path: String, document: ResultDocument)]) throws -> RunResult {
        guard inputs.count >= 2 else {
            throw BenchError.usage("bench merge needs two results or more (files or folders); give their paths.")
        }
        // The same run twice (one file named twice, or a copy of it) would count every sample twice.
        for (index, input) in inputs.enumerated() {
            if let earlier = inputs[..<index].first(where: { $0.document.result == input.document.result }) {
                throw BenchError.incomparable(
                    "\(earlier.path) and \(input.path) are the same run (the same start, machine and samples); merging it with itself would count every sample twice. Give each run once."
                )
            }
            // A figure no measurement yields (an edited or damaged file) is refused, as compare refuses it.
            do { _ = try ResultLoader.comparable(input.document, path: input.path) } catch let error as ResultLoadError
            {
                throw BenchError.incomparable(error.description)
            }
        }
        let versions = Set(inputs.map(\.document.schemaVersion))
        if versions.count > 1 {
            let list = inputs.map { "\($0.path) (schema \($0.document.schemaVersion))" }.joined(separator: ", ")
            throw BenchError.incomparable(
                "The results were written by bench versions with different layouts: \(list); re-run the older ones with this bench before merging."
            )
        }
        // One record per machine; a result already merged brings its machines along.
        var records: [MachineRecord] = []
        var identities: [String: Int] = [:]  // identity → index in records
        var configurations: [Int: (path: String, key: ConfigurationKey)] = [:]
        var samples: [Sample] = []
        for (path, document) in inputs {
            let result = document.result
            let parts: [(label: String, machine: MachineInfo, samples: [Sample])]
            if let machines = result.machines {
                parts = machines.map { record in
                    (record.label, record.machine, result.samples.filter { $0.cell.machine == record.label })
                }
            } else {
                parts = [(result.machine.label, result.machine, result.samples)]
            }
            for part in parts {
                let identity = part.machine.identity
                let key = ConfigurationKey(result.configuration)
                var label = part.label
                if let index = identities[identity] {
                    let earlier = configurations[index]!
                    guard earlier.key == key else {
                        throw BenchError.incomparable(
                            "\(earlier.path) and \(path) both come from \(records[index].label), but with different configurations (\(earlier.key.difference(from: key))); merge results of one configuration per machine, or results from different machines."
                        )
                    }
                    label = records[index].label
                    records[index].sources.append(path)
                } else {
                    // Another machine with the same CPU model and CPU count: told apart by a number.
                    let taken = Set(records.map(\.label))
                    var unique = label
                    var number = 2
                    while taken.contains(unique) {
                        unique = "\(label) #\(number)"
                        number += 1
                    }
                    label = unique
                    identities[identity] = records.count
                    configurations[records.count] = (path, key)
                    records.append(MachineRecord(label: label, machine: part.machine, sources: [path]))
                }
                // Repetitions continue where this machine's earlier samples of the cell stopped.
                var offsets: [Cell: Int] = [:]
                for sample in samples where sample.cell.machine == label {
                    offsets[sample.cell] = max(offsets[sample.cell] ?? 0, sample.repetition)
                }
                for var sample in part.samples {
                    sample.cell.machine = label
                    if sample.repetition > 0 { sample.repetition += offsets[sample.cell] ?? 0 }
                    samples.append(sample)
                }
            }
        }
        if records.count > 1 {
            let experiments = records.map { record in
                Set(samples.filter { $0.cell.machine == record.label }.map { Self.experiment($0.cell) })
            }
            if experiments.dropFirst().allSatisfy({ $0.isDisjoint(with: experiments[0]) }) {
                throw BenchError.incomparable(
                    "The results share no experiment (workload, task duration, I/O fraction and kind, allocator, runtime): \(inputs.map(\.path).joined(separator: ", ")); merge results of the same workloads."
                )
            }
        }
        let first = inputs[0].document.result
        var merged = RunResult(
            configuration: first.configuration, machine: first.machine, calibrations: first.calibrations,
            workloads: inputs.flatMap(\.document.result.workloads).reduce(into: []) { list, workload in
                if !list.contains(workload) { list.append(workload) }
            },
            samples: samples, startedAt: inputs.map(\.document.result.startedAt).min()!)
        // Every input's interpreters and calibrations, so each interpreter's cells keep theirs.
        for input in inputs.dropFirst() {
            merged.calibrations.merge(input.document.result.calibrations) { kept, _ in kept }
            merged.machine.interpreters.merge(input.document.result.machine.interpreters) { kept, _ in kept }
        }
        merged.interrupted = inputs.contains { $0.document.result.interrupted }
        let sweeps = inputs.map(\.document.result.sweep)
        if sweeps.allSatisfy({ $0 == sweeps[0] }) { merged.sweep = sweeps[0] }
        merged.machines = records
        return merged
    }

    /// What a cell measures, whatever machine ran it, however many tasks it had and whichever
    /// version of its runtime's interpreter the machine has: the key under which machines are put
    /// side by side (each cell still names its interpreter).
    public static func experiment(_ cell: Cell) -> Cell {
        var key = cell.baseline
        key.machine = ""
        key.tasks = 0
        key.interpreter = nil
        return key
    }

    /// The parts of a configuration that decide which cells a run measures.
    struct ConfigurationKey: Equatable {
        var values: [(String, String)]

        init(_ configuration: RunConfiguration) {
            values = [
                ("workloads", configuration.workloads.joined(separator: ",")),
                ("models", configuration.models.map(\.rawValue).joined(separator: ",")),
                ("workers", String(configuration.workers)), ("tasks", String(configuration.tasks)),
                ("task_ms", Format.number(configuration.taskMilliseconds)),
                ("io_fraction", Format.number(configuration.ioFraction)),
                ("io_kind", configuration.ioKind.rawValue), ("file_bytes", String(configuration.fileBytes)),
                ("allocators", configuration.allocators.map(\.rawValue).joined(separator: ",")),
                ("runtimes", configuration.runtimes.map(\.rawValue).joined(separator: ",")),
            ]
        }

        static func == (a: ConfigurationKey, b: ConfigurationKey) -> Bool {
            a.values.map(\.1) == b.values.map(\.1)
        }

        /// The differing settings, for the refusal: "tasks 8 against 16".
        func difference(from other: ConfigurationKey) -> String {
            zip(values, other.values).filter { $0.1 != $1.1 }.map { "\($0.0) \($0.1) against \($1.1)" }
                .joined(separator: ", ")
        }
    }
}
