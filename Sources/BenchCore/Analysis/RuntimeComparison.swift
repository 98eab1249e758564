/// Where one experiment ran in several runtime instances (Swift, and each CPython interpreter and
/// GIL state): each model's speedup over its own instance's serial baseline, side by side; how
/// the interpreters' serial figures compare on the same work; and what sets them apart, in words.
public struct RuntimeComparison: Codable, Sendable, Equatable {
    /// One column: a runtime instance, and the GIL state of a free-threaded build.
    public struct Column: Codable, Sendable, Equatable, Hashable, Comparable {
        /// The runtime and its interpreter.
        public var instance: RuntimeInstance
        /// The GIL state, for a free-threaded build; nil otherwise.
        public var gil: GILState?

        /// "Swift", "CPython 3.13.0", "CPython 3.13.0t GIL off".
        public var displayName: String { instance.displayName + (gil.map { " \($0.displayName)" } ?? "") }

        /// The column of `cell`.
        public init(_ cell: Cell) { self.init(instance: cell.instance, gil: cell.gil) }

        /// A column from known values.
        public init(instance: RuntimeInstance, gil: GILState?) {
            self.instance = instance
            self.gil = gil
        }

        /// In ``RuntimeInstance`` order, a build's GIL on before off.
        public static func < (a: Column, b: Column) -> Bool {
            a.instance != b.instance ? a.instance < b.instance : (a.gil ?? .on) < (b.gil ?? .on)
        }
    }

    /// One model at one worker count, in every column.
    public struct Row: Codable, Sendable, Equatable {
        /// The model.
        public var model: ModelKind
        /// Its workers.
        public var workers: Int
        /// Speedup over the same column's serial, in ``RuntimeComparison/columns`` order; nil
        /// where the model did not run there (or has no successful sample).
        public var speedups: [Double?]
        /// Speedup counting the pool's start-up, where the model has one, in the same order.
        public var speedupsWithStartup: [Double?]
    }

    /// How one column's serial compares with another's on the same work: CPython interpreters
    /// against the first (oldest) one, a free-threaded build's GIL off against its GIL on.
    public struct SerialRatio: Codable, Sendable, Equatable {
        /// The column measured.
        public var column: Column
        /// The column it is measured against.
        public var reference: Column
        /// How many times faster the column's serial did the same work (above 1: faster).
        public var speed: Double
        /// Whether the work is measured per kernel iteration (a compute workload, whose tasks each
        /// interpreter's own calibration sized) rather than task for task.
        public var perIteration: Bool
    }

    /// The experiment's serial cell in the first column.
    public var experiment: Cell
    /// The columns, in ``RuntimeInstance`` order, a build's GIL on before off.
    public var columns: [Column]
    /// One row per model and worker count, serial left out (it is 1.00x by definition).
    public var rows: [Row]
    /// The serial comparisons between interpreters (and GIL states) of one runtime.
    public var serial: [SerialRatio]
    /// The interpreter each instance ran in (its GIL explains CPython's threads); empty when unknown.
    public var interpreters: [RuntimeInstance: InterpreterInfo]

    /// One comparison per experiment that ran in more than one column; `calibrations` size the
    /// compute workloads' tasks in each instance.
    static func make(
        _ families: [RunAnalysis.Family], interpreters: [RuntimeInstance: InterpreterInfo],
        calibrations: [RuntimeInstance: Calibration] = [:]
    ) -> [RuntimeComparison] {
        let groups = RunAnalysis.Family.grouped(families, by: withoutRuntime)
        return groups.compactMap { _, members in
            let group = members.sorted { Column($0.baseline) < Column($1.baseline) }
            guard group.count > 1 else { return nil }
            let columns = group.map { Column($0.baseline) }
            var points: [(model: ModelKind, workers: Int)] = []
            for cell in group.flatMap(\.cells) where cell.cell.model != .serial {
                if !points.contains(where: { $0.model == cell.cell.model && $0.workers == cell.cell.workers }) {
                    points.append((cell.cell.model, cell.cell.workers))
                }
            }
            points.sort { ($0.workers, $0.model) < ($1.workers, $1.model) }
            let rows = points.map { point in
                let cells = group.map { family in
                    family.cells.first { $0.cell.model == point.model && $0.cell.workers == point.workers }
                }
                return Row(
                    model: point.model, workers: point.workers, speedups: cells.map { $0?.speedup },
                    speedupsWithStartup: zip(cells, group).map { cell, family in
                        guard let cell, let startup = cell.startupSeconds, let serial = family.serial else {
                            return nil
                        }
                        return serial.wall.median / (cell.wall.median + startup)
                    })
            }
            return RuntimeComparison(
                experiment: group[0].baseline, columns: columns, rows: rows,
                serial: serialRatios(group, columns: columns, calibrations: calibrations), interpreters: interpreters)
        }
    }

    /// Each CPython column's serial against the first interpreter's (on the same work: per kernel
    /// iteration for compute, whose tasks each calibration sized; task for task where the work does
    /// not depend on the calibration), and a free-threaded build's GIL off against its GIL on
    /// (one calibration, the same tasks). A mixed workload's compute and waits cannot be told
    /// apart in its serial time, so it has none.
    static func serialRatios(
        _ group: [RunAnalysis.Family], columns: [Column], calibrations: [RuntimeInstance: Calibration]
    ) -> [SerialRatio] {
        let kind = group[0].baseline.kind
        guard kind != .mixed else { return [] }
        func wall(_ index: Int) -> Double? { group[index].serial.map(\.wall.median).flatMap { $0 > 0 ? $0 : nil } }
        var ratios: [SerialRatio] = []
        // A free-threaded build's single-thread cost: its GIL off against its GIL on.
        for (index, column) in columns.enumerated() where column.gil == .off {
            guard let on = columns.firstIndex(of: Column(instance: column.instance, gil: .on)),
                let off = wall(index), let reference = wall(on)
            else { continue }
            ratios.append(
                SerialRatio(column: column, reference: columns[on], speed: reference / off, perIteration: false))
        }
        // Interpreters against the first: one column each (a build's GIL on where it ran both).
        var seen: Set<RuntimeInstance> = []
        let firsts = columns.indices.filter {
            columns[$0].instance.runtime != .swift && seen.insert(columns[$0].instance).inserted
        }
        guard let first = firsts.first, let firstWall = wall(first) else { return ratios }
        for index in firsts.dropFirst() {
            guard let here = wall(index) else { continue }
            var speed = firstWall / here
            if kind == .cpu {
                guard let a = calibrations[columns[first].instance]?.iterationsPerSecond,
                    let b = calibrations[columns[index].instance]?.iterationsPerSecond, a > 0, b > 0
                else { continue }
                // Time per iteration: wall ÷ (tasks × rate × task time); the tasks and task time are the same.
                speed = (firstWall / a) / (here / b)
            }
            ratios.append(
                SerialRatio(column: columns[index], reference: columns[first], speed: speed, perIteration: kind == .cpu)
            )
        }
        return ratios
    }

    /// The comparison in sentences: one per worker count ("cpu, 2 workers: Swift threads 1.98x
    /// over Swift serial; CPython 3.11.7 threads 1.00x over CPython 3.11.7 serial (the GIL lets one
    /// thread run Python at a time); CPython 3.11.7 processes 1.93x (1.85x with start-up)"), the
    /// article's three models (threads, processes, event-loop) and CPython's subinterpreters
    /// speaking for each column (the table has the rest), then one per serial comparison.
    public var sentences: [String] {
        var workerCounts: [Int] = []
        for row in rows where !workerCounts.contains(row.workers) { workerCounts.append(row.workers) }
        let models = workerCounts.map { workers in
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                var first = true
                for row in rows where row.workers == workers && Self.spokenModels.contains(row.model) {
                    guard let speedup = row.speedups[index] else { continue }
                    var part = "\(column.displayName) \(row.model.rawValue) \(Format.ratio(speedup))"
                    if first { part += " over \(column.displayName) serial" }
                    if let whole = row.speedupsWithStartup[index] { part += " (\(Format.ratio(whole)) with start-up)" }
                    if let why = reason(column, row.model, speedup) { part += " (\(why))" }
                    parts.append(part)
                    first = false
                }
            }
            return "\(experimentName), \(workers) \(workers == 1 ? "worker" : "workers"): "
                + parts.joined(separator: "; ")
        }
        return models + serial.map(Self.sentence)
    }

    /// "CPython 3.13.0 serial did the same work 1.12x faster than CPython 3.11.7 serial (per
    /// kernel iteration)"; for a GIL off against its GIL on, the single-thread cost of free
    /// threading.
    static func sentence(_ ratio: SerialRatio) -> String {
        let how =
            Format.ratio(ratio.speed) == Format.ratio(1)
            ? "in the same time as"
            : ratio.speed > 1
                ? "\(Format.ratio(ratio.speed)) faster than" : "\(Format.ratio(1 / ratio.speed)) slower than"
        let measure = ratio.perIteration ? " (per kernel iteration, each calibrated in its own interpreter)" : ""
        if ratio.column.gil == .off && ratio.reference.instance == ratio.column.instance {
            return
                "\(ratio.column.instance.displayName) serial with the GIL off ran \(how) with it on: the single-thread cost of free threading is \(Format.ratio(1 / ratio.speed)) the time."
        }
        return
            "\(ratio.column.displayName) serial did the same work \(how) \(ratio.reference.displayName) serial\(measure)."
    }

    /// `cell` with its runtime, interpreter and GIL state erased: the key the columns share.
    static func withoutRuntime(_ cell: Cell) -> Cell {
        var key = cell
        key.runtime = .swift
        key.interpreter = nil
        key.gil = nil
        return key
    }

    /// The experiment without its runtime, which each column names: "cpu", "mixed · I/O fraction 0.5".
    var experimentName: String { Self.withoutRuntime(experiment).experimentName }

    /// The models the sentences name.
    static let spokenModels: [ModelKind] = [.threads, .processes, .interpreters, .eventLoop]

    /// Why a figure is what it is, where its runtime explains it (the GIL state it ran under).
    private func reason(_ column: Column, _ model: ModelKind, _ speedup: Double) -> String? {
        column.instance.runtime.backend.reason(
            model: model, kind: experiment.kind, speedup: speedup,
            interpreter: interpreters[column.instance]?.running(column.gil))
    }
}
