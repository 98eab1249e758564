/// Which model's tasks to slow down, and by how much: a test seam (`--inject-slowdown MODEL:FACTOR`)
/// for measuring how sensitive `bench compare` is to a real slowdown of one model. Nothing slows
/// down unless asked.
public struct SlowdownPlan: Codable, Sendable, Equatable {
    /// The model whose tasks do more work.
    public var model: ModelKind
    /// How many times the work each of its tasks does (2 = twice the compute and twice the wait).
    public var factor: Double

    /// Creates a plan.
    public init(model: ModelKind, factor: Double) {
        self.model = model
        self.factor = factor
    }

    /// Parses `MODEL:FACTOR`, e.g. `threads:2`; nil unless the factor is a finite number from 1 to 100.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 2, let model = ModelKind(rawValue: parts[0]), let factor = Double(parts[1]),
            factor.isFinite, (1...100).contains(factor)
        else { return nil }
        self.init(model: model, factor: factor)
    }
}

/// Wraps a workload so that each task does `factor` times its work: the task itself (so its
/// checksum is unchanged), then the extra share of compute and of waiting, both real.
struct SlowdownWorkload: Workload {
    let base: any Workload
    let factor: Double
    /// Extra kernel iterations per task.
    private let extraIterations: Int
    /// The extra wait per task, of the same kind as the task's own; nil for tasks that never wait.
    private let extraWaiting: Waiting?
    /// Whole extra runs of an alloc task, whose work is its allocations.
    private let extraRuns: Int

    /// Wraps `base`; the extra work is worked out once here, not on every task.
    init(base: any Workload, factor: Double) {
        self.base = base
        self.factor = factor
        let spec = base.spec
        extraIterations = Int((Double(spec.iterations) * (factor - 1)).rounded())
        if spec.kind == .io || (spec.kind == .mixed && spec.ioFraction > 0) {
            var waiting = spec.waiting
            waiting.nanoseconds = UInt64((Double(waiting.nanoseconds) * (factor - 1)).rounded())
            waiting.fileBytes = max(1, Int((Double(waiting.fileBytes) * (factor - 1)).rounded()))
            extraWaiting = waiting
        } else {
            extraWaiting = nil
        }
        extraRuns = spec.kind == .alloc ? Int((factor - 1).rounded()) : 0
    }

    var name: String { base.name }
    var kind: WorkloadKind { base.kind }
    var taskSeconds: Double { base.taskSeconds }
    var taskDescription: String { base.taskDescription + " (slowed down \(Format.number(factor))x for a test)" }
    var spec: WorkloadSpec { base.spec }

    func runBlocking(task index: Int) -> UInt64 {
        let checksum = base.runBlocking(task: index)
        if extraIterations > 0 {
            blackHole(HashChainKernel.run(iterations: extraIterations, seed: HashChainKernel.seed(forTask: index)))
        }
        if let extraWaiting { blackHole(extraWaiting.block(task: index)) }
        for _ in 0..<extraRuns { blackHole(base.runBlocking(task: index)) }
        return checksum
    }

    func runAsync(task index: Int) async -> UInt64 {
        let checksum = await base.runAsync(task: index)
        if extraIterations > 0 {
            blackHole(HashChainKernel.run(iterations: extraIterations, seed: HashChainKernel.seed(forTask: index)))
        }
        if let extraWaiting { blackHole(await extraWaiting.suspend(task: index)) }
        for _ in 0..<extraRuns { blackHole(await base.runAsync(task: index)) }
        return checksum
    }
}
