/// The wall time a model would take if it had no overhead at all: the yardstick for "vs ideal".
public enum IdealTime {
    /// The cores a model can actually use: the workers it has, capped by the CPUs available (which
    /// a CPU quota can make fractional), and one for models that never run tasks in parallel.
    public static func usableCores(model: ModelKind, workers: Int, coresAvailable: Double) -> Double {
        Bounds.parallelCPUs(workers: model.isParallel ? workers : 1, usableCPUs: coresAvailable)
    }

    /// How many times faster than serial a model can be on compute: its usable cores over serial's.
    static func computeSpeedup(model: ModelKind, workers: Int, coresAvailable: Double) -> Double {
        let serial = Bounds.parallelCPUs(workers: 1, usableCPUs: coresAvailable)
        return serial > 0 ? usableCores(model: model, workers: workers, coresAvailable: coresAvailable) / serial : 1
    }

    /// The ideal wall time in seconds.
    ///
    /// - Compute (`cpu`): the serial time divided by the cores the model can use; serial and
    ///   event-loop can use one, so their ideal is the serial time.
    /// - Waiting (`io`): ⌈tasks ÷ workers⌉ rounds of one task's wait, whether or not the model is
    ///   parallel, because waits overlap without using a core.
    /// - Mixed: whichever bound binds, the compute (serial compute share ÷ usable cores) or the
    ///   rounds of whole tasks (⌈tasks ÷ workers⌉ × task time).
    /// - The user's own code (`user`): it may compute or wait, so the waiting bound, ⌈tasks ÷
    ///   workers⌉ rounds of one serial task's time.
    public static func wallSeconds(
        kind: WorkloadKind, model: ModelKind, workers: Int, tasks: Int,
        taskSeconds: Double, serialWallSeconds: Double,
        coresAvailable: Double, ioFraction: Double = 0
    ) -> Double {
        let speedup = computeSpeedup(model: model, workers: workers, coresAvailable: coresAvailable)
        switch kind {
        case .alloc:
            return serialWallSeconds / speedup
        case .mixed:
            let compute = serialWallSeconds * (1 - ioFraction) / speedup
            let inFlight = max(1, model.workers(requested: workers))
            return Bounds.wallSeconds(
                computeSeconds: compute, cpus: 1, rounds: Bounds.rounds(tasks: tasks, inFlight: inFlight),
                taskSeconds: taskSeconds)
        case .cpu:
            return serialWallSeconds / speedup
        case .io:
            let inFlight = max(1, model.workers(requested: workers))
            return Double(Bounds.rounds(tasks: tasks, inFlight: inFlight)) * taskSeconds
        case .user:
            // The user's task may compute or wait, so its ideal is the looser bound, waiting's:
            // ⌈tasks ÷ workers⌉ rounds of one serial task.
            let inFlight = max(1, model.workers(requested: workers))
            return Double(Bounds.rounds(tasks: tasks, inFlight: inFlight)) * serialWallSeconds / Double(max(1, tasks))
        }
    }

    /// The most times faster than serial (whose median took `serialWallSeconds` for the cell
    /// `serial`) any model with `workers` workers can be: as many as usable cores for compute, as
    /// workers for waiting, whichever bound binds.
    public static func speedup(serialWallSeconds: Double, serial: Cell, workers: Int, usableCPUs: Double) -> Double {
        serialWallSeconds
            / Bounds.wallSeconds(
                computeSeconds: serialWallSeconds * (1 - serial.ioFraction),
                cpus: Bounds.parallelCPUs(workers: workers, usableCPUs: usableCPUs),
                rounds: Bounds.rounds(tasks: serial.tasks, inFlight: workers), taskSeconds: serial.taskSeconds)
    }
}
