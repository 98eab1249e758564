import BenchCore
import Foundation

/// Where each report goes: files in the output folder, explicit paths, or stdout ("-").
struct OutputPlan {
    var directory: String?
    var csvPath: String
    var markdownPath: String

    init(out: String?, csv: String?, markdown: String?, now: Date = Date()) throws {
        let needsDirectory = out != nil || csv == nil || markdown == nil
        let directory = needsDirectory ? (out ?? "results/\(Self.folderName(for: now))") : nil
        self.directory = directory
        csvPath = csv ?? "\(directory!)/\(CSVFormatter().fileName)"
        markdownPath = markdown ?? "\(directory!)/\(MarkdownFormatter().fileName)"
    }

    var sendsCSVToStdout: Bool { csvPath == "-" }
    var sendsMarkdownToStdout: Bool { markdownPath == "-" }

    /// Checks, before anything runs, that every destination can be written.
    func prepare() throws {
        if let directory { try ReportWriter.prepareDirectory(directory) }
        if !sendsCSVToStdout { try ReportWriter.checkWritable(file: csvPath, flag: "--csv") }
        if !sendsMarkdownToStdout { try ReportWriter.checkWritable(file: markdownPath, flag: "--markdown") }
    }

    /// Rewrites the CSV file with the samples so far (not when it goes to stdout).
    func checkpoint(_ result: RunResult) throws {
        guard !sendsCSVToStdout else { return }
        try ReportWriter.write(CSVFormatter().format(result), to: csvPath)
    }

    /// Writes every report; returns the paths written.
    func write(_ result: RunResult) throws -> [String] {
        var written: [String] = []
        for (formatter, path) in [(CSVFormatter() as any ReportFormatter, csvPath), (MarkdownFormatter(), markdownPath)] {
            let text = formatter.format(result)
            if path == "-" {
                print(text, terminator: "")
            } else {
                try ReportWriter.write(text, to: path)
                written.append(path)
            }
        }
        return written
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
