import Foundation

/// A workload as it was run: enough for a report to say what one task was.
public struct WorkloadDescription: Codable, Sendable, Equatable {
    /// The workload's name.
    public var name: String
    /// What its tasks spend their time on.
    public var kind: WorkloadKind
    /// What one task does.
    public var taskDescription: String
    /// The runtime instance it ran in; nil (Swift) in results written before runtimes existed.
    public var runtime: RuntimeInstance?

    /// Creates a description.
    public init(name: String, kind: WorkloadKind, taskDescription: String, runtime: RuntimeInstance? = nil) {
        self.name = name
        self.kind = kind
        self.taskDescription = taskDescription
        self.runtime = runtime
    }
}

/// Everything one run produced: what was asked, where it ran, and every sample.
public struct RunResult: Codable, Sendable, Equatable {
    /// The configuration the run used.
    public var configuration: RunConfiguration
    /// The machine it ran on.
    public var machine: MachineInfo
    /// The compute kernel's measured speed in each runtime that computed, measured in it.
    public var calibrations: [RuntimeInstance: Calibration]
    /// How each experiment's repetitions stopped under `--repetitions auto`; empty otherwise (and
    /// in results from before it was recorded).
    public var stops: [ExperimentStop] = []
    /// The workloads, as run.
    public var workloads: [WorkloadDescription]
    /// Every recorded sample, in the order measured.
    public var samples: [Sample]
    /// When the run started.
    public var startedAt: Date
    /// The grid, when this was a `bench sweep`.
    public var sweep: SweepConfiguration?
    /// Whether the run was stopped early (SIGINT or SIGTERM); the samples are those finished.
    public var interrupted: Bool = false
    /// For a result merged from several machines (`bench merge`): each machine's label, its
    /// fingerprint and the results it came from; nil for a result from one machine.
    public var machines: [MachineRecord]?

    /// Samples that failed or timed out: reported, never averaged in.
    public var unsuccessfulSamples: [Sample] { samples.filter { $0.status != .ok } }

    /// Creates a result.
    public init(
        configuration: RunConfiguration, machine: MachineInfo, calibrations: [RuntimeInstance: Calibration],
        workloads: [WorkloadDescription], samples: [Sample], startedAt: Date
    ) {
        self.configuration = configuration
        self.machine = machine
        self.calibrations = calibrations
        self.workloads = workloads
        self.samples = samples
        self.startedAt = startedAt
    }
}

extension RunResult {
    /// Decodes a result; before schema 5 each runtime's calibration was a field of its own
    /// (`calibration` for Swift, `pythonCalibration` for CPython).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        configuration = try c.decode(RunConfiguration.self, forKey: .configuration)
        machine = try c.decode(MachineInfo.self, forKey: .machine)
        calibrations =
            try c.decodeIfPresent([RuntimeInstance: Calibration].self, forKey: .calibrations)
            ?? SchemaKey.perRuntime(Calibration.self, in: decoder) {
                $0 == .swift ? "calibration" : "\($0.rawValue)Calibration"
            }
        workloads = try c.decode([WorkloadDescription].self, forKey: .workloads)
        samples = try c.decode([Sample].self, forKey: .samples)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        sweep = try c.decodeIfPresent(SweepConfiguration.self, forKey: .sweep)
        interrupted = try c.decodeIfPresent(Bool.self, forKey: .interrupted) ?? false
        machines = try c.decodeIfPresent([MachineRecord].self, forKey: .machines)
        stops = try c.decodeIfPresent([ExperimentStop].self, forKey: .stops) ?? []
        nameInterpreters()
    }

    /// A result from before several interpreters could run together keeps its interpreter under
    /// the bare runtime ("python") and its cells without one: each is named after the interpreter
    /// the fingerprint describes, so it compares with a result of the same interpreter today.
    mutating func nameInterpreters() {
        for runtime in Runtime.allCases {
            let bare = RuntimeInstance(runtime)
            guard let info = machine.interpreters[bare] else { continue }
            let named = RuntimeInstance(runtime, interpreter: info.label)
            machine.interpreters[bare] = nil
            machine.interpreters[named] = info
            if let calibration = calibrations.removeValue(forKey: bare) { calibrations[named] = calibration }
            for index in samples.indices where samples[index].cell.runtime == runtime {
                if samples[index].cell.interpreter == nil { samples[index].cell.interpreter = info.label }
            }
            for index in workloads.indices where workloads[index].runtime == bare {
                workloads[index].runtime = named
            }
        }
    }
}

/// The grid of a `bench sweep`: every worker count crossed with every I/O fraction.
public struct SweepConfiguration: Codable, Sendable, Equatable {
    /// Worker counts, ascending.
    public var workers: [Int]
    /// I/O fractions (0…1), ascending.
    public var ioFractions: [Double]
    /// With `--io-fraction auto`: the search for each worker count's crossover; nil for a grid.
    public var searches: [WorkerCrossover]?

    /// Creates a grid.
    public init(workers: [Int], ioFractions: [Double], searches: [WorkerCrossover]? = nil) {
        self.workers = workers
        self.ioFractions = ioFractions
        self.searches = searches
    }

    private enum CodingKeys: String, CodingKey { case workers, ioFractions, searches }
    private enum SearchKeys: String, CodingKey { case workers, runtime, gil, predicted, low, high, steps }

    /// Writes the grid; each search as it always was, without `searched` (every one is).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(workers, forKey: .workers)
        try c.encode(ioFractions, forKey: .ioFractions)
        guard let searches else { return }
        var list = c.nestedUnkeyedContainer(forKey: .searches)
        for search in searches {
            var s = list.nestedContainer(keyedBy: SearchKeys.self)
            try s.encode(search.workers, forKey: .workers)
            try s.encode(search.runtime, forKey: .runtime)
            try s.encodeIfPresent(search.gil, forKey: .gil)
            try s.encode(search.predicted, forKey: .predicted)
            try s.encodeIfPresent(search.low, forKey: .low)
            try s.encodeIfPresent(search.high, forKey: .high)
            try s.encode(search.steps, forKey: .steps)
        }
    }
}

/// One machine of a merged result: the label its cells carry, its fingerprint, and its sources.
public struct MachineRecord: Codable, Sendable, Equatable {
    /// The label in every cell of this machine (``Cell/machine``).
    public var label: String
    /// The fingerprint.
    public var machine: MachineInfo
    /// The results merged for it (more than one when the same machine ran the same configuration
    /// several times: their samples are repetitions of the same cells).
    public var sources: [String]

    /// Creates a record.
    public init(label: String, machine: MachineInfo, sources: [String]) {
        self.label = label
        self.machine = machine
        self.sources = sources
    }
}
