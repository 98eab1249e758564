/// bench's own runtime: its Swift models, measured in a fresh `bench worker` process per sample
/// (or in bench itself with `--isolation none`), its kernel calibrated in this process.
public struct SwiftBackend: RuntimeBackend {
    /// Creates the backend.
    public init() {}

    public var runtime: Runtime { .swift }

    /// Every model but CPython's subinterpreters.
    public func supports(_ model: ModelKind) -> Bool { model != .interpreters }

    public func supports(_ kind: WorkloadKind) -> Bool { true }

    /// Swift runs in bench itself: there is no interpreter to find.
    public func locate(_ given: String?) throws -> InterpreterInfo? { nil }

    public var simulatedInterpreter: InterpreterInfo? { nil }

    public func refuse(_ configuration: RunConfiguration) throws {}

    public func calibrate(_ interpreter: InterpreterInfo?) throws -> Calibration { .measure() }

    public func sampleRunner(isolation: Isolation, timeoutSeconds: Double) -> any SampleRunner {
        switch isolation {
        case .process: IsolatedSampleRunner(timeoutSeconds: timeoutSeconds)
        case .none: InProcessSampleRunner()
        }
    }

    /// Parallel models compute on a CPU per worker, as far as the usable CPUs go; the others on one.
    public func computeCPUs(model: ModelKind, workers: Int, usableCPUs: Double, interpreter: InterpreterInfo?)
        -> Double
    {
        Bounds.parallelCPUs(workers: model.isParallel ? workers : 1, usableCPUs: usableCPUs)
    }

    public func reason(model: ModelKind, kind: WorkloadKind, speedup: Double, interpreter: InterpreterInfo?)
        -> String?
    { nil }

    /// Swift has a counterpart of every model and workload: nothing is skipped.
    public func skipped(_ configuration: RunConfiguration, interpreters: [RuntimeInstance: InterpreterInfo])
        -> [String]
    {
        guard configuration.models.contains(.interpreters) else { return [] }
        return [
            "Swift has no counterpart of `interpreters` (CPython's subinterpreters, each with its own GIL); it was measured for CPython only."
        ]
    }

    /// The Swift workloads describe themselves.
    public func taskDescription(of spec: WorkloadSpec) -> String? { nil }

    public func fingerprint(_ interpreter: InterpreterInfo) -> (label: String, value: String) {
        ("Swift", interpreter.version)
    }
}
