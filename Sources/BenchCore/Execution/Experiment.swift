import Foundation

/// A run from settled settings to its result, as a short pipeline: prepare (calibrate, find the
/// interpreters), start what the tasks talk to, plan the cells, and hand them to the ``Harness``
/// loop with each runtime's ``SampleRunner``.
public struct Experiment: Sendable {
    /// The validated configuration to run.
    public var configuration: RunConfiguration
    /// The interpreters already probed for it; nil probes them when the run starts.
    public var interpreters: [RuntimeInstance: InterpreterInfo]?

    /// Creates an experiment for an already validated configuration.
    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// Creates an experiment for resolved settings, with the interpreters they probed.
    public init(_ settings: Settings) {
        configuration = settings.configuration
        interpreters = settings.interpreters
    }

    /// `bench run`: every (workload, model) cell, models interleaved within each repetition so
    /// drift on a noisy machine hits them all alike.
    public func run(
        progress: (RunProgress) -> Void = { _ in }, checkpoint: (RunResult) throws -> Void = { _ in }
    ) throws -> RunResult {
        try measure(ioFractions: [configuration.ioFraction], order: nil, progress: progress, checkpoint: checkpoint) {
            $0.run()
        }
    }

    /// `bench sweep`: every (workers, I/O fraction) point of `sweep`, with one serial baseline per
    /// I/O fraction, models and worker counts interleaved within each repetition.
    public func runSweep(
        _ sweep: SweepConfiguration, progress: (RunProgress) -> Void = { _ in },
        checkpoint: (RunResult) throws -> Void = { _ in }
    ) throws -> RunResult {
        var result = try measure(
            ioFractions: sweep.ioFractions, order: .interleaved, progress: progress, checkpoint: checkpoint
        ) { $0.sweep(workers: sweep.workers, ioFractions: sweep.ioFractions) }
        result.sweep = sweep
        return result
    }

    /// The pipeline both share: prepare, start the server, plan the blocks `plan` picks, and run
    /// the loop over them.
    private func measure(
        ioFractions: [Double], order: RunOrder?, progress: (RunProgress) -> Void,
        checkpoint: (RunResult) throws -> Void, plan: (Planner) -> [[PlannedCell]]
    ) throws -> RunResult {
        let preparation = try Preparation.measure(configuration, interpreters: interpreters)
        return try withServer { port in
            let planner = Planner(configuration: configuration, preparation: preparation, socketPort: port)
            return try harness(
                plan(planner), workloads: planner.workloads(ioFractions: ioFractions), preparation: preparation,
                order: order
            ).run(progress: progress, checkpoint: checkpoint)
        }
    }

    /// The loop over `blocks`, with an empty result describing the run (`workloads` as run) and
    /// the runtimes' runners.
    func harness(_ blocks: [[PlannedCell]], workloads: [WorkloadSpec], preparation: Preparation, order: RunOrder? = nil)
        -> Harness
    {
        let simulated = configuration.simulation != nil
        var machine = configuration.simulation?.machine ?? MachineInfo.current()
        machine.interpreters = preparation.interpreters
        let result = RunResult(
            configuration: configuration, machine: machine, calibrations: preparation.calibrations,
            workloads: workloads.map(\.description), samples: [], startedAt: simulated ? Simulation.start : Date())
        var harness = Harness(result: result, blocks: blocks, runner: runner(), order: order)
        harness.readsCapacity = !simulated
        return harness
    }

    /// The runner of every runtime: computed samples on a simulated machine, else each runtime's own.
    func runner() -> any SampleRunner {
        if let simulation = configuration.simulation { return SimulatedSampleRunner(simulation) }
        var runners: [Runtime: any SampleRunner] = [:]
        for runtime in configuration.runtimes {
            runners[runtime] = runtime.backend.sampleRunner(
                isolation: configuration.isolation, timeoutSeconds: configuration.effectiveTimeoutSeconds)
        }
        return RuntimeRunners(runners)
    }

    /// Runs `body` with the loopback server the socket I/O kind talks to, alive exactly as long.
    func withServer<T>(_ body: (UInt16) throws -> T) throws -> T {
        guard Planner.needsServer(configuration) else { return try body(0) }
        let server = try LoopbackServer()
        defer { server.stop() }
        return try body(server.port)
    }
}
