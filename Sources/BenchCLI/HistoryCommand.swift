import ArgumentParser
import BenchCore
import Foundation

/// `bench history RESULT...`: each cell over time, and the latest result against a rolling
/// baseline of the ones before it; exit 2 when a cell regressed.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract:
            "Show each cell's median over a series of results and judge the latest against the previous ones (exit 2 on a regression)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Argument(help: "Results (results.json files or their folders), in any order: they are ordered by start time.")
    var results: [String] = []

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("How many earlier results form the rolling baseline. Default: 4.", valueName: "k"))
    var window = 4

    @OptionGroup var judging: JudgingOptions

    @Option(help: ArgumentHelp("What to print: markdown or json.", valueName: "format"))
    var format: Format = .markdown

    @Option(
        help: ArgumentHelp(
            "Folder to write history.md and history.json into (scripts/plot.py draws history.json as trend.png).",
            valueName: "dir"))
    var out: String?

    func run() throws {
        let settings = try judging.settings(correctsCommonShift: false)
        let inputs = try results.map { path -> (path: String, document: ResultDocument, loaded: LoadedResult) in
            do {
                let document = try ResultLoader.document(at: path)
                return (path, document, try ResultLoader.comparable(document, path: path))
            } catch let error as ResultLoadError {
                throw BenchError.incomparable(error.description)
            }
        }
        if !judging.allowDifferentMachines,
            let latest = inputs.max(by: { $0.document.result.startedAt < $1.document.result.startedAt })
        {
            for input in inputs {
                if let why = input.document.result.machine.incompatibility(with: latest.document.result.machine) {
                    throw BenchError.incomparable(
                        "\(input.path) and \(latest.path) come from different machines: \(why); follow one machine's results, or pass --allow-different-machines (best with --metric speedup)."
                    )
                }
            }
        }
        let history = try History.make(inputs, window: window, settings: settings)
        let markdown = HistoryFormatter.markdown(history)
        if let out {
            try ReportWriter.write(markdown, to: (out as NSString).appendingPathComponent("history.md"))
            try ReportWriter.write(
                HistoryFormatter.json(history), to: (out as NSString).appendingPathComponent("history.json"))
        }
        try Console.out(format == .markdown ? markdown : HistoryFormatter.json(history), what: "the history")
        if history.hasRegression { throw ExitCode(ExitStatus.regression.rawValue) }
    }
}
