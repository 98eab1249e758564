/// The one home of every default a command's settings start from, as the lowest layer of
/// ``SettingsResolver``: what `bench run` and `bench sweep` measure when nothing says otherwise.
public enum SettingsDefaults {
    /// Tasks per sample when none are given: this many per worker (the most workers of a sweep),
    /// enough to keep every worker busy.
    public static let tasksPerWorker = 4

    /// `bench run`: cpu and io (the contrast bench exists to show), every model, 50 ms tasks.
    public static let run: SettingsInput = {
        var input = common
        input.workloads = "cpu,io"
        input.models = ListSetting(items: ModelKind.defaults.map(\.rawValue))
        input.taskMilliseconds = 50
        input.ioFractions = ListSetting(String(WorkloadDefaults.ioFraction))
        return input
    }()

    /// `bench sweep`: the mixed workload over 1, 2, 4 and 8 workers and four I/O fractions, 20 ms tasks.
    public static let sweep: SettingsInput = {
        var input = common
        input.workloads = "mixed"
        input.models = "threads,async,event-loop,processes"
        input.cores = "1,2,4,8"
        input.ioFractions = "0,0.5,0.9,1"
        input.taskMilliseconds = 20
        return input
    }()

    /// What both commands share.
    private static let common: SettingsInput = {
        var input = SettingsInput()
        input.warmup = 1
        input.repetitions = "auto"
        input.allocators = "system"
        input.ioKind = .sleep
        input.fileBytes = WorkloadDefaults.fileBytes
        input.allocObjects = WorkloadDefaults.allocObjects
        input.allocObjectBytes = WorkloadDefaults.allocObjectBytes
        input.runtimes = "swift"
        input.trace = false
        input.order = .interleaved
        input.seed = 1
        input.isolation = .process
        return input
    }()
}
