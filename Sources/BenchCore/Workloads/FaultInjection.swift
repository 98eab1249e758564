/// What an injected fault does to the process that runs it. For tests and demonstrations of
/// failure handling only; nothing injects a fault unless asked with `--inject-fault`.
public enum FaultKind: String, Codable, Sendable, CaseIterable {
    /// The process raises SIGSEGV, as a crashing task would.
    case segv
    /// The process sends itself SIGKILL, as the OOM killer would.
    case kill
    /// The process exits with status 3.
    case exit
    /// The task never finishes (sleeps until killed).
    case hang
}

/// A fault that strikes when one particular task of a sample starts.
public struct InjectedFault: Codable, Sendable, Equatable {
    /// What happens.
    public var kind: FaultKind
    /// The task that triggers it.
    public var taskIndex: Int

    /// Creates a fault.
    public init(kind: FaultKind, taskIndex: Int) {
        self.kind = kind
        self.taskIndex = taskIndex
    }

    /// Makes the fault happen in this process.
    func strike() {
        switch kind {
        case .segv: Sys.raiseSignal(Sys.Signal.segmentationFault)
        case .kill: Sys.raiseSignal(Sys.Signal.kill)
        case .exit: Sys.exitImmediately(3)
        case .hang: while true { Sys.sleep(nanoseconds: 3_600_000_000_000) }
        }
    }
}

/// Where to inject a fault in a run: which model's sample, which repetition.
public struct FaultPlan: Codable, Sendable, Equatable {
    /// What happens.
    public var kind: FaultKind
    /// The model whose sample fails.
    public var model: ModelKind
    /// The repetition (1-based) whose sample fails; 0 for the warm-ups.
    public var repetition: Int

    /// Creates a plan.
    public init(kind: FaultKind, model: ModelKind, repetition: Int) {
        self.kind = kind
        self.model = model
        self.repetition = repetition
    }

    /// Parses `KIND:MODEL:REPETITION`, e.g. `segv:threads:2`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, let kind = FaultKind(rawValue: parts[0]), let model = ModelKind(rawValue: parts[1]),
            let repetition = Int(parts[2]), repetition >= 0
        else { return nil }
        self.init(kind: kind, model: model, repetition: repetition)
    }
}

/// Wraps a workload so that one task triggers a fault before doing its work.
struct FaultInjectingWorkload: Workload {
    let base: any Workload
    let fault: InjectedFault

    var name: String { base.name }
    var kind: WorkloadKind { base.kind }
    var taskSeconds: Double { base.taskSeconds }
    var taskDescription: String { base.taskDescription }
    var spec: WorkloadSpec { base.spec }

    func runBlocking(task index: Int) -> UInt64 {
        if index == fault.taskIndex { fault.strike() }
        return base.runBlocking(task: index)
    }

    func runAsync(task index: Int) async -> UInt64 {
        if index == fault.taskIndex { fault.strike() }
        return await base.runAsync(task: index)
    }
}
