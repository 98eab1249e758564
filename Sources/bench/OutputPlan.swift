import BenchCore
import Foundation

/// Where each report goes: files in the output folder, explicit paths, or stdout ("-").
struct OutputPlan {
    /// One report and its destination.
    struct Destination {
        var formatter: any ReportFormatter
        var path: String
        var flag: String
    }

    var directory: String?
    var destinations: [Destination]

    init(out: String?, csv: String?, markdown: String?, json: String?, trace: String? = nil, now: Date = Date()) throws
    {
        let needsDirectory = out != nil || csv == nil || markdown == nil || json == nil
        let directory = needsDirectory ? (out ?? "results/\(Self.folderName(for: now))") : nil
        self.directory = directory
        func path(_ explicit: String?, _ formatter: any ReportFormatter) -> String {
            explicit ?? "\(directory!)/\(formatter.fileName)"
        }
        let csvPath = path(csv, CSVFormatter())
        var destinations = [Destination(formatter: CSVFormatter(), path: csvPath, flag: "--csv")]
        // The per-cell summary goes beside the per-sample CSV.
        if let directory, csv == nil {
            destinations.append(
                Destination(
                    formatter: SummaryCSVFormatter(), path: "\(directory)/\(SummaryCSVFormatter().fileName)",
                    flag: "--csv"))
        } else if csvPath != "-" {
            let stem = csvPath.hasSuffix(".csv") ? String(csvPath.dropLast(4)) : csvPath
            destinations.append(
                Destination(formatter: SummaryCSVFormatter(), path: "\(stem).summary.csv", flag: "--csv"))
        }
        destinations.append(
            Destination(formatter: MarkdownFormatter(), path: path(markdown, MarkdownFormatter()), flag: "--markdown"))
        destinations.append(Destination(formatter: JSONFormatter(), path: path(json, JSONFormatter()), flag: "--json"))
        // An empty trace path (a workload file asking for a trace) means the output folder.
        if let trace {
            let path = trace.isEmpty ? "\(directory ?? ".")/\(ChromeTraceFormatter().fileName)" : trace
            destinations.append(Destination(formatter: ChromeTraceFormatter(), path: path, flag: "--trace"))
        }
        self.destinations = destinations
    }

    /// Whether some report is printed on stdout.
    var usesStdout: Bool { destinations.contains { $0.path == "-" } }

    /// Checks, before anything runs, that every destination can be written.
    func prepare() throws {
        if let directory { try ReportWriter.prepareDirectory(directory) }
        for destination in destinations where destination.path != "-" {
            try ReportWriter.checkWritable(file: destination.path, flag: destination.flag)
        }
    }

    /// Rewrites the per-sample CSV with the samples so far (not when it goes to stdout).
    func checkpoint(_ result: RunResult) throws {
        guard let csv = destinations.first, csv.path != "-" else { return }
        try ReportWriter.write(csv.formatter.format(Report(result)), to: csv.path)
    }

    /// Writes every report, each rendered once; returns the paths written and the Markdown report's
    /// text, for the terminal.
    func write(_ report: Report) throws -> (written: [String], markdown: String) {
        var written: [String] = []
        var markdown = ""
        for destination in destinations {
            let text = destination.formatter.format(report)
            if destination.formatter is MarkdownFormatter { markdown = text }
            if destination.path == "-" {
                print(text, terminator: "")
            } else {
                try ReportWriter.write(text, to: destination.path)
                written.append(destination.path)
            }
        }
        return (written, markdown)
    }

    /// A folder name from a UTC timestamp, sortable and free of characters shells dislike.
    static func folderName(for date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
