import ArgumentParser
import BenchCore
import Foundation

/// `bench report RESULTS`: re-renders a saved result without measuring again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a report again from a results.json (or a folder holding one), without measuring."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case markdown, csv, summary, json, trace
    }

    @Argument(help: "A results.json written by 'bench run' or 'bench sweep', or its folder.")
    var results: String

    @Option(help: ArgumentHelp("What to print: markdown, csv, summary, json or trace.", valueName: "kind"))
    var format: Kind = .markdown

    func run() throws {
        let document: ResultDocument
        do {
            document = try ResultLoader.document(at: results)
        } catch let error as ResultLoadError {
            throw BenchError.incomparable(error.description)
        }
        if format == .trace && !document.result.samples.contains(where: { $0.timeline != nil }) {
            throw BenchError.usage(
                "\(results) holds no task timelines, so its trace would be empty; measure with --trace to record them.")
        }
        let formatter: any ReportFormatter =
            switch format {
            case .markdown: MarkdownFormatter()
            case .csv: CSVFormatter()
            case .summary: SummaryCSVFormatter()
            case .json: JSONFormatter()
            case .trace: ChromeTraceFormatter()
            }
        try Console.out(formatter.format(Report(document.result)), what: "the report")
    }
}
