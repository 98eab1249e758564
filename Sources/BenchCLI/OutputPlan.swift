import BenchCore
import Foundation

/// Where each report goes: files in the output folder, explicit paths, or stdout ("-").
///
/// Every report asked for is written somewhere or refused before anything runs: at most one goes
/// to stdout, no two share a path, and names derived from a path (`X.summary.csv`) are never made
/// beside a device or FIFO. Only regular files are rewritten after each sample; anything else gets
/// its report once, whole, at the end.
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
        // The per-cell summary goes beside the per-sample CSV when that is a file of its own,
        // otherwise into the output folder; with neither, it was not asked for.
        let summary = SummaryCSVFormatter()
        if csv != nil && csvPath != "-" && Self.isFileOrAbsent(csvPath) {
            let stem = csvPath.hasSuffix(".csv") ? String(csvPath.dropLast(4)) : csvPath
            destinations.append(Destination(formatter: summary, path: "\(stem).summary.csv", flag: "--csv"))
        } else if let directory {
            destinations.append(
                Destination(formatter: summary, path: "\(directory)/\(summary.fileName)", flag: "--csv"))
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
        try refuseCollisions()
    }

    /// Refuses two reports on stdout, and two reports on one file, however they are named
    /// (`-` and `/dev/stdout`, a link and its target): files are told apart by device and inode.
    private func refuseCollisions() throws {
        let stdout = Sys.fileIdentity(fd: 1)
        let null = Sys.fileIdentity(path: "/dev/null")
        func isStdout(_ path: String) -> Bool {
            path == "-" || (stdout != nil && stdout != null && Sys.fileIdentity(path: path) == stdout)
        }
        let toStdout = destinations.filter { isStdout($0.path) }.map(\.flag)
        if toStdout.count > 1 {
            throw BenchError.usage(
                "\(toStdout.joined(separator: " and ")) would all go to stdout, one after another; send at most one report to '-' and the others to files."
            )
        }
        var seen: [String: String] = [:]
        for destination in destinations where !isStdout(destination.path) {
            let identity = Sys.fileIdentity(path: destination.path)
            let key = identity.map { "\($0)" } ?? Self.canonical(destination.path)
            // /dev/null may take any number of reports: nothing is kept there to overwrite.
            if identity != nil && identity == null { continue }
            if let other = seen[key] {
                throw BenchError.usage(
                    "\(other) and \(destination.flag) both name \(destination.path), so one report would overwrite the other; give each its own path."
                )
            }
            seen[key] = destination.flag
        }
    }

    /// The absolute path a file that does not exist yet will have: a dangling link followed, the
    /// folder's links resolved.
    static func canonical(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        for _ in 0..<8 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else { break }
            url = URL(fileURLWithPath: target, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
        }
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent)
            .path
    }

    /// Whether `path` is a regular file or does not exist yet (so it will be a regular file).
    static func isFileOrAbsent(_ path: String) -> Bool {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
        else { return true }
        return type == .typeRegular
    }

    /// Whether some report is printed on stdout.
    var usesStdout: Bool { destinations.contains { $0.path == "-" } }

    /// Checks, before anything runs, that every destination can be written, and takes the output
    /// folder for this run alone.
    func prepare() throws {
        if let directory {
            try ReportWriter.prepareDirectory(directory)
            try FolderLock.acquire(directory)
        }
        for destination in destinations where destination.path != "-" {
            try ReportWriter.checkWritable(file: destination.path, flag: destination.flag)
        }
    }

    /// Refuses a destination that is one of `inputs` (a results.json, or its folder): it would be
    /// overwritten, and counted twice by the next merge.
    /// - Throws: ``BenchError/usage(_:)`` naming the input and the flag.
    func refuseOverwriting(inputs: [String]) throws {
        for input in inputs {
            let file =
                Sys.fileIdentity(path: (input as NSString).appendingPathComponent("results.json"))
                ?? Sys.fileIdentity(path: input)
            guard let file else { continue }
            for destination in destinations where destination.path != "-" {
                if Sys.fileIdentity(path: destination.path) == file {
                    throw BenchError.usage(
                        "The merged result would be written to \(destination.path), which is the input \(input), and overwrite it; give --out (or \(destination.flag)) another path."
                    )
                }
            }
        }
    }

    /// Rewrites the per-sample CSV with the samples so far, when it is a regular file: a FIFO, a
    /// device or stdout gets the CSV once, whole, at the end.
    func checkpoint(_ result: RunResult) throws {
        guard let csv = destinations.first, csv.path != "-", Self.isFileOrAbsent(csv.path) else { return }
        // Only the per-sample figures: summaries and verdicts wait for the end of the run.
        try ReportWriter.write(
            CSVFormatter.text(result.samples, derived: RunAnalysis.derive(result.samples)), to: csv.path)
    }

    /// Writes every report, each rendered once; returns the paths written and the Markdown report's
    /// text, for the terminal.
    /// - Throws: ``BenchError/failure(_:)`` when any report, stdout included, could not be written whole.
    func write(_ report: Report) throws -> (written: [String], markdown: String) {
        var written: [String] = []
        var lost: [String] = []
        var markdown = ""
        // One report that cannot be written never costs the others: each is tried, then every
        // loss is named together.
        for destination in destinations {
            let text = destination.formatter.format(report)
            if destination.formatter is MarkdownFormatter { markdown = text }
            do {
                if destination.path == "-" {
                    try Console.out(text, what: "the \(destination.flag) report")
                } else {
                    try ReportWriter.write(text, to: destination.path)
                    written.append(destination.path)
                }
            } catch {
                lost.append("\(error)")
            }
        }
        if !lost.isEmpty {
            let kept = written.isEmpty ? "" : " The other reports were written: \(written.joined(separator: ", "))."
            throw BenchError.failure(lost.joined(separator: " ") + kept)
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
