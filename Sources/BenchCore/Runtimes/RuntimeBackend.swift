/// Everything bench knows about one language runtime, in one place: what it runs, how its kernel
/// is calibrated, how its interpreter is found and described, who measures its samples, how many
/// CPUs its compute can use, and what a report says about it. Adding a runtime is a folder under
/// `Runtimes/` with one type conforming to this protocol, and one entry in ``RuntimeRegistry``.
public protocol RuntimeBackend: Sendable {
    /// The runtime this backend serves.
    var runtime: Runtime { get }

    /// Whether the runtime has a counterpart of `model`.
    func supports(_ model: ModelKind) -> Bool

    /// Whether the runtime has `model` in `interpreter` (a model may need a newer one).
    func supports(_ model: ModelKind, interpreter: InterpreterInfo?) -> Bool

    /// Whether the runtime runs workloads of `kind`.
    func supports(_ kind: WorkloadKind) -> Bool

    /// The interpreter `given` names (nil: the runtime's default), probed once and described;
    /// nil for a runtime that runs in bench itself.
    /// - Throws: ``BenchError/usage(_:)`` with a sentence saying how to get a usable one.
    func locate(_ given: String?) throws -> InterpreterInfo?

    /// What a simulated machine (`--simulate`) reports as the interpreter; nil when there is none.
    var simulatedInterpreter: InterpreterInfo? { get }

    /// Refuses a configuration this runtime cannot honour, with a sentence saying what to drop.
    func refuse(_ configuration: RunConfiguration) throws

    /// The kernel's speed in this runtime on this machine, measured in it.
    func calibrate(_ interpreter: InterpreterInfo?) throws -> Calibration

    /// Who measures this runtime's samples, given where the run asked samples to run.
    func sampleRunner(isolation: Isolation, timeoutSeconds: Double) -> any SampleRunner

    /// The CPUs the tasks of `model` with `workers` workers can compute on at once in this
    /// runtime (its threads may take turns: CPython's GIL).
    func computeCPUs(model: ModelKind, workers: Int, usableCPUs: Double, interpreter: InterpreterInfo?) -> Double

    /// Why `model`'s speedup on a workload of `kind` is what it is, where the runtime explains it.
    func reason(model: ModelKind, kind: WorkloadKind, speedup: Double, interpreter: InterpreterInfo?) -> String?

    /// The sentences a report gives for what `configuration` skipped in this runtime, never faked;
    /// `interpreters` are the instances it ran in (a model one of them lacks is named).
    func skipped(_ configuration: RunConfiguration, interpreters: [RuntimeInstance: InterpreterInfo]) -> [String]

    /// What one task of `spec` does in this runtime, where it differs from what bench's Swift
    /// workload says of itself (how the runtime waits); nil to keep that.
    func taskDescription(of spec: WorkloadSpec) -> String?

    /// The machine table's row for the interpreter: a label and its description.
    func fingerprint(_ interpreter: InterpreterInfo) -> (label: String, value: String)
}

extension RuntimeBackend {
    /// A runtime whose models do not depend on its interpreter's version.
    public func supports(_ model: ModelKind, interpreter: InterpreterInfo?) -> Bool { supports(model) }
}
