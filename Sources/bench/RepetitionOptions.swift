import ArgumentParser
import BenchCore

/// How many times each cell runs, and how its serial baseline is obtained: shared by `run` and `sweep`.
struct RepetitionOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Recorded repetitions per cell: 'auto' (the default) repeats each cell, interleaved with the others, until its median's 95% interval is within --target-ci (at least 6, at most --max-repetitions); a number repeats every cell that many times.",
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
            "The serial baseline: 'measured' runs every task; 'extrapolated' runs a prefix of at least 64 tasks and scales it (every speedup against it is marked). Default: measured when one serial sample would take under 10 s, extrapolated otherwise.",
            valueName: "measured|extrapolated"))
    var baseline: String?

    /// Applies the options to `configuration`; `fileRepetitions` is a workload file's fixed count.
    func apply(to configuration: inout RunConfiguration, fileRepetitions: Int? = nil) throws {
        if let baseline {
            guard let mode = BaselineMode(rawValue: baseline) else {
                throw BenchError.usage("--baseline '\(baseline)' is not a mode; give measured or extrapolated.")
            }
            configuration.baseline = mode
        }
        if let text = repetitions, text != "auto" {
            guard let count = Int(text) else {
                throw BenchError.usage(
                    "--repetitions '\(text)' is neither 'auto' nor a whole number; give auto, or a count such as 9.")
            }
            try refuseAutoOptions("--repetitions \(count) fixes the count")
            configuration.repetitions = count
            configuration.autoRepetitions = nil
        } else if repetitions == nil, let fileRepetitions {
            try refuseAutoOptions("the workload file repeats each cell \(fileRepetitions) times")
            configuration.repetitions = fileRepetitions
            configuration.autoRepetitions = nil
        } else {
            var policy = AutoRepetitions()
            if let targetCI { policy.target = targetCI / 100 }
            if let maxRepetitions { policy.maximum = maxRepetitions }
            configuration.autoRepetitions = policy
        }
    }

    private func refuseAutoOptions(_ why: String) throws {
        if targetCI != nil || maxRepetitions != nil {
            throw BenchError.usage(
                "--target-ci and --max-repetitions apply to --repetitions auto, but \(why); drop them or use --repetitions auto."
            )
        }
    }
}
