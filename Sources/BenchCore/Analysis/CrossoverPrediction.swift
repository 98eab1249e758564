/// Where one thread should start keeping up with the best parallel model, from first principles:
/// for `tasks` tasks of `taskSeconds` each, a share f of which waits, one thread needs at least
/// the total compute, tasks × (1 − f) × task time, and the parallel models that divided over
/// ``Bounds/parallelCPUs(workers:usableCPUs:)``; both need at least ⌈tasks ÷ workers⌉ rounds of one whole task, since
/// each of `workers` slots runs its tasks one after another. One thread keeps up from the fraction
/// where its compute bound falls to the rounds bound.
public struct CrossoverPrediction: Codable, Sendable, Equatable {
    /// Workers (threads, or tasks in flight on the one thread).
    public var workers: Int
    /// The predicted I/O fraction above which one thread keeps up.
    public var ioFraction: Double

    /// The prediction for `workers` workers on `usableCPUs` CPUs.
    public static func predict(workers: Int, tasks: Int, usableCPUs: Double) -> CrossoverPrediction {
        // With at most one usable CPU (or one worker), parallelism has nothing to gain: one
        // thread keeps up at every fraction.
        guard workers > 1, Bounds.parallelCPUs(workers: workers, usableCPUs: usableCPUs) > 1, tasks > 0 else {
            return CrossoverPrediction(workers: workers, ioFraction: 0)
        }
        let rounds = Double(Bounds.rounds(tasks: tasks, inFlight: workers))
        return CrossoverPrediction(workers: workers, ioFraction: max(0, 1 - rounds / Double(tasks)))
    }

    /// The CPUs the run's parallel models can compute on in `runtime`: the most any of them can
    /// (``RuntimeBackend/computeCPUs(model:workers:usableCPUs:interpreter:)``: in CPython with its
    /// GIL, threads take turns, so without a process model that is one).
    public static func parallelCPUs(
        runtime: Runtime, models: [ModelKind], usableCPUs: Double, interpreter: InterpreterInfo?
    ) -> Double {
        let backend = runtime.backend
        let cpus = models.filter { $0.isParallel && backend.supports($0) }.map {
            backend.computeCPUs(model: $0, workers: Int.max, usableCPUs: usableCPUs, interpreter: interpreter)
        }
        // With none of them, what the runtime's threads could (CPython's take turns under the GIL).
        return cpus.max()
            ?? backend.computeCPUs(model: .threads, workers: Int.max, usableCPUs: usableCPUs, interpreter: interpreter)
    }

    /// The lower bounds of one thread's and the parallel models' wall time at I/O fraction `f`,
    /// in units of one task's time.
    public static func bounds(ioFraction f: Double, workers: Int, tasks: Int, usableCPUs: Double) -> (
        oneThread: Double, parallel: Double
    ) {
        let compute = Double(tasks) * (1 - f)
        let rounds = Bounds.rounds(tasks: tasks, inFlight: workers)
        let cpus = max(1, Bounds.parallelCPUs(workers: workers, usableCPUs: usableCPUs))
        return (
            Bounds.wallSeconds(computeSeconds: compute, cpus: 1, rounds: rounds, taskSeconds: 1),
            Bounds.wallSeconds(computeSeconds: compute, cpus: cpus, rounds: rounds, taskSeconds: 1)
        )
    }
}
