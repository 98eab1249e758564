import ArgumentParser
import BenchCore

/// How many times each cell runs, and how its serial baseline is obtained: shared by `run` and `sweep`.
struct RepetitionOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Recorded repetitions per cell: 'auto' (the default) repeats the cells interleaved in rounds until --stop says (at most --max-repetitions); a number repeats every cell that many times.",
            valueName: "auto|n"))
    var repetitions: String?

    @Option(
        name: .customLong("target-ci"), parsing: .unconditional,
        help: ArgumentHelp(
            "With --repetitions auto: the widest 95% interval of a median to accept, in percent of it. Default: 2.",
            valueName: "percent"))
    var targetCI: Double?

    @Option(
        name: .customLong("max-repetitions"), parsing: .unconditional,
        help: ArgumentHelp("With --repetitions auto: the most repetitions of a cell. Default: 30.", valueName: "n"))
    var maxRepetitions: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "With --repetitions auto, what stops an experiment: 'verdict' (the default) when every model's paired ratio to the fastest is beyond or within the 5% noise band and serial's median is within --target-ci; 'precision' when every cell's median is within --target-ci (at least 6 repetitions).",
            valueName: "verdict|precision"))
    var stop: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The serial baseline: 'measured' runs every task; 'extrapolated' runs a prefix of at least 64 tasks and scales it (every speedup against it is marked). Default: measured when one serial sample would take under 10 s, extrapolated otherwise.",
            valueName: "measured|extrapolated"))
    var baseline: String?

    /// Puts what these options say into `input`.
    func fill(_ input: inout SettingsInput) {
        input.repetitions = repetitions
        input.targetCIPercent = targetCI
        input.maxRepetitions = maxRepetitions
        input.stop = stop
        input.baseline = baseline
    }
}
