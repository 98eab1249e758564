import ArgumentParser

/// Where reports go and how chatty a measuring command is: shared by `run` and `sweep`.
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Folder for samples.csv, summary.csv, report.md and results.json. Default: results/<UTC timestamp>/.",
            valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Write the per-sample CSV here instead ('-' for stdout).", valueName: "path"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the Markdown report here instead ('-' for stdout).", valueName: "path"))
    var markdown: String?

    @Option(
        help: ArgumentHelp(
            "Write the JSON document (every sample, summary, the configuration and the machine's fingerprint) here instead ('-' for stdout).",
            valueName: "path"))
    var json: String?

    @Flag(help: "Print nothing but errors: no progress line, no report on stdout.")
    var quiet = false

    /// The plan for these options, with an optional trace destination.
    func plan(trace: String? = nil) throws -> OutputPlan {
        try OutputPlan(out: out, csv: csv, markdown: markdown, json: json, trace: trace)
    }
}
