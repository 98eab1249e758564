/// The wall time a model would take if it had no overhead at all: the yardstick for "vs ideal".
public enum IdealTime {
    /// The cores a model can actually use: the workers it has, capped by the cores available, and
    /// one for models that never run tasks in parallel.
    public static func usableCores(model: ModelKind, workers: Int, coresAvailable: Int) -> Int {
        model.isParallel ? max(1, min(workers, coresAvailable)) : 1
    }

    /// The ideal wall time in seconds.
    ///
    /// - Compute (`cpu`): the serial time divided by the cores the model can use; serial and
    ///   event-loop can use one, so their ideal is the serial time.
    /// - Waiting (`io`): ⌈tasks ÷ workers⌉ rounds of one task's wait, whether or not the model is
    ///   parallel, because waits overlap without using a core.
    /// - Mixed: whichever bound binds, the compute (serial compute share ÷ usable cores) or the
    ///   rounds of whole tasks (⌈tasks ÷ workers⌉ × task time).
    public static func wallSeconds(
        kind: WorkloadKind, model: ModelKind, workers: Int, tasks: Int,
        taskSeconds: Double, serialWallSeconds: Double,
        coresAvailable: Int, ioFraction: Double = 0
    ) -> Double {
        switch kind {
        case .alloc:
            return serialWallSeconds
                / Double(usableCores(model: model, workers: workers, coresAvailable: coresAvailable))
        case .mixed:
            let cores = Double(usableCores(model: model, workers: workers, coresAvailable: coresAvailable))
            let compute = serialWallSeconds * (1 - ioFraction) / cores
            let inFlight = max(1, model.workers(requested: workers))
            let rounds = Double((tasks + inFlight - 1) / inFlight) * taskSeconds
            return max(compute, rounds)
        case .cpu:
            return serialWallSeconds
                / Double(usableCores(model: model, workers: workers, coresAvailable: coresAvailable))
        case .io:
            let inFlight = max(1, model.workers(requested: workers))
            let rounds = (tasks + inFlight - 1) / inFlight
            return Double(rounds) * taskSeconds
        }
    }
}
