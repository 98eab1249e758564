/// Turns settled settings into the plan: the cells a run measures, each with its ``Cell`` and
/// its workload spec built whole, in blocks that run one after another.
public struct Planner: Sendable {
    /// The settings planned from.
    public var configuration: RunConfiguration
    /// The calibrations and interpreters the workloads are built with.
    public var preparation: Preparation
    /// The loopback server's port, for the socket I/O kind (0 when none runs).
    public var socketPort: UInt16

    /// Creates a planner.
    public init(configuration: RunConfiguration, preparation: Preparation, socketPort: UInt16 = 0) {
        self.configuration = configuration
        self.preparation = preparation
        self.socketPort = socketPort
    }

    /// Whether some workload of `configuration` computes in `runtime`, so it needs a calibration.
    public static func computes(_ configuration: RunConfiguration, in runtime: Runtime) -> Bool {
        zip(configuration.workloads, configuration.workloadKinds).contains { name, kind in
            runtime.supports(kind) && kind != .io && configuration.usesTaskDuration(name)
        }
    }

    /// Whether `configuration`'s tasks talk to a loopback server (the socket I/O kind, waiting).
    public static func needsServer(_ configuration: RunConfiguration) -> Bool {
        configuration.ioKind == .socket && configuration.workloadKinds.contains { $0 != .cpu && $0 != .alloc }
    }

    /// Every workload at each of `ioFractions` in each runtime instance that runs it (each
    /// interpreter, and each GIL state of a free-threaded build): the dimensions of each sample's
    /// cell, never part of its name.
    public func workloads(ioFractions: [Double]) -> [WorkloadSpec] {
        configuration.runtimes.flatMap { runtime in
            instances(of: runtime).flatMap { instance in
                gilStates(instance).flatMap { gil in
                    zip(configuration.workloads, configuration.workloadKinds).filter { runtime.supports($0.1) }.flatMap
                    {
                        name, _ in
                        ioFractions.map { spec(name, ioFraction: $0, instance: instance, gil: gil) }
                    }
                }
            }
        }
    }

    /// The instances of `runtime` the run prepared; the bare runtime when it prepared none (a
    /// planner built from known values).
    func instances(of runtime: Runtime) -> [RuntimeInstance] {
        let prepared = preparation.instances(of: runtime)
        return prepared.isEmpty ? [RuntimeInstance(runtime)] : prepared
    }

    /// The GIL states `instance`'s cells run under: each one asked for (or the state it starts in)
    /// on a free-threaded build; one nil on every other build.
    func gilStates(_ instance: RuntimeInstance) -> [GILState?] {
        guard let found = preparation.interpreters[instance], found.freeThreadedBuild else { return [nil] }
        return configuration.gilStates.isEmpty ? [found.gilEnabled ? .on : .off] : configuration.gilStates
    }

    /// `bench run`: every (allocator, workload, runtime) is a block of every model the runtime has.
    public func run() -> [[PlannedCell]] {
        configuration.allocators.flatMap { allocator in
            workloads(ioFractions: [configuration.ioFraction]).map { spec in
                configuration.models.filter { plans($0, spec) }.flatMap { model in
                    startMethods(model, spec).map {
                        cell(spec, model: model, workers: configuration.workers, allocator: allocator, startMethod: $0)
                    }
                }
            }
        }
    }

    /// `bench sweep`: per workload and I/O fraction, serial and every other model at each worker
    /// count.
    public func sweep(workers: [Int], ioFractions: [Double]) -> [[PlannedCell]] {
        workloads(ioFractions: ioFractions).map { spec in cells(spec, workers: workers) }
    }

    /// Serial, then every other model of `models` (default: the configuration's) that `spec`'s
    /// runtime has, at each worker count.
    public func cells(_ spec: WorkloadSpec, workers: [Int], models: [ModelKind]? = nil) -> [PlannedCell] {
        let parallel = (models ?? configuration.models).filter { $0 != .serial && plans($0, spec) }
        return [cell(spec, model: .serial, workers: 1)]
            + workers.flatMap { count in
                parallel.flatMap { model in
                    startMethods(model, spec).map { cell(spec, model: model, workers: count, startMethod: $0) }
                }
            }
    }

    /// Whether `model` runs `spec`: its runtime has it (in the interpreter the run probed), and
    /// the workload can run under it.
    func plans(_ model: ModelKind, _ spec: WorkloadSpec) -> Bool {
        spec.runtime.backend.supports(model, interpreter: preparation.interpreters[spec.instance])
            && spec.runs(under: model)
    }

    /// The start methods `model` runs `spec` under: each one asked for, or the interpreter's own,
    /// for CPython's process models; one nil for every other model.
    func startMethods(_ model: ModelKind, _ spec: WorkloadSpec) -> [String?] {
        guard Cell.takesStartMethod(runtime: spec.runtime, model: model) else { return [nil] }
        if !configuration.startMethods.isEmpty { return configuration.startMethods }
        return [preparation.interpreters[spec.instance]?.startMethod]
    }

    /// One planned cell: `spec` under `model` with `workers` workers (serial has one).
    public func cell(
        _ spec: WorkloadSpec, model: ModelKind, workers: Int, allocator: Allocator = .system, startMethod: String? = nil
    ) -> PlannedCell {
        var spec = spec
        if let slowdown = configuration.slowdown, slowdown.model == model { spec.slowdown = slowdown.factor }
        var request = SampleRequest(
            workload: spec, model: model, workers: model.workers(requested: workers), tasks: configuration.tasks,
            repetition: 0, coresAvailable: configuration.coresAvailable, allocator: allocator)
        request.cell.startMethod = startMethod
        request.recordTimeline = configuration.recordTimeline
        request.interpreter = preparation.interpreters[spec.instance].flatMap { $0.command ?? $0.executable }
        // Only a state asked for is forced: by default the build decides (and may turn the GIL
        // back on for a module that needs it, which the sample then reports).
        if !configuration.gilStates.isEmpty { request.gil = spec.gil }
        if model == .serial { request.measuredTasks = configuration.serialMeasuredTasks(taskSeconds: spec.taskSeconds) }
        let fault = configuration.fault.flatMap { plan in
            plan.model == model
                ? (plan.repetition, InjectedFault(kind: plan.kind, taskIndex: configuration.tasks / 2)) : nil
        }
        return PlannedCell(request: request, fault: fault)
    }

    /// The workload `name` at `ioFraction` in `instance` (under `gil`, on a free-threaded build),
    /// built whole from the catalog entry that runs it (a workload file's kind picks its built-in)
    /// and that instance's calibration.
    func spec(_ name: String, ioFraction: Double, instance: RuntimeInstance, gil: GILState? = nil) -> WorkloadSpec {
        var spec = spec(
            name, ioFraction: ioFraction, runtime: instance.runtime, rate: preparation.calibrations[instance])
        spec.interpreter = instance.interpreter
        spec.gil = gil
        return spec
    }

    private func spec(_ name: String, ioFraction: Double, runtime: Runtime, rate: Calibration?) -> WorkloadSpec {
        if var task = configuration.userTasks.first(where: { $0.name == name }) {
            task.checksResults = configuration.checksResults
            return WorkloadSpec(name: name, shape: .user(task), runtime: runtime)
        }
        let entryName = configuration.workloadFile.flatMap { $0.name == name ? $0.kind.rawValue : nil } ?? name
        let entry = WorkloadCatalog.entry(named: entryName)!
        let rate = rate ?? Calibration(iterationsPerSecond: 0, trials: 0)
        return entry.make(
            WorkloadCatalog.Parameters(
                name: name, runtime: runtime, taskSeconds: configuration.taskSeconds, ioFraction: ioFraction,
                calibration: rate,
                io: IOSpec(kind: configuration.ioKind, fileBytes: configuration.fileBytes, socketPort: socketPort),
                alloc: (configuration.allocObjects, configuration.allocObjectBytes)))
    }
}
