/// The lower bounds every ideal time, crossover prediction and simulated sample is built from,
/// written once and called by name.
public enum Bounds {
    /// The CPUs `workers` parallel workers can compute on at once: one each, as far as the
    /// usable CPUs go (a CPU quota can make that fractional); one worker, or a model that never
    /// runs tasks in parallel, computes on at most one.
    public static func parallelCPUs(workers: Int, usableCPUs: Double) -> Double {
        min(Double(max(1, workers)), usableCPUs)
    }

    /// The tasks a model keeps in flight (threads, processes, tasks on the loop) when `workers`
    /// are asked for and the sample has `tasks`: no more than there are tasks, and at least one.
    public static func inFlight(workers: Int, tasks: Int) -> Int {
        max(1, min(workers, tasks))
    }

    /// The rounds `tasks` tasks take with `inFlight` of them at a time, each slot running its
    /// tasks one after another: ⌈tasks ÷ in flight⌉.
    public static func rounds(tasks: Int, inFlight: Int) -> Int {
        let width = max(1, inFlight)
        return (tasks + width - 1) / width
    }

    /// The least wall time of work with `computeSeconds` of compute on `cpus` CPUs that takes
    /// `rounds` rounds of a whole task of `taskSeconds`: whichever of the two binds.
    public static func wallSeconds(computeSeconds: Double, cpus: Double, rounds: Int, taskSeconds: Double) -> Double {
        max(computeSeconds / cpus, Double(rounds) * taskSeconds)
    }
}
