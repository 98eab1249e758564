import Foundation

/// One tidy row per sample, with a header row, units in column names and RFC 4180 quoting:
/// ready for pandas, R, a spreadsheet or `scripts/plot.py`.
public struct CSVFormatter: ReportFormatter {
    public init() {}

    public var fileName: String { "samples.csv" }

    /// The columns, in order; documented in the README.
    public static let columns = [
        "workload", "kind", "model", "workers", "tasks", "task_ms", "io_fraction", "io_kind", "file_bytes",
        "alloc_objects", "alloc_bytes", "allocator", "runtime", "interpreter", "gil",
        "function", "arguments", "start_method", "machine", "repetition", "cores_available",
        "started_at", "status", "failure_reason", "wall_s", "startup_s", "wall_with_startup_s",
        "cpu_user_s", "cpu_system_s", "cpu_s", "utilisation_cores",
        "voluntary_ctx_switches", "involuntary_ctx_switches", "peak_rss_bytes", "tasks_per_s",
        "task_p50_ms", "task_p90_ms", "task_p99_ms", "task_max_ms",
        "baseline", "speedup", "efficiency", "ideal_wall_s", "vs_ideal", "checksum",
        "allocator_in_use", "jemalloc_allocated_bytes", "jemalloc_active_bytes", "jemalloc_resident_bytes",
        "jemalloc_allocations", "jemalloc_deallocations", "usable_cpus", "throttled_periods", "throttled_s", "steal_s",
        "ready_delay_p50_ms", "ready_delay_p99_ms", "ready_delay_max_ms", "ready_idle_share",
    ]

    /// The cell's columns, the same in samples.csv and summary.csv.
    static func cellFields(_ cell: Cell) -> [String] {
        [
            cell.workload, cell.kind.rawValue, cell.model.rawValue, String(cell.workers), String(cell.tasks),
            Format.number(cell.taskMilliseconds), Format.number(cell.ioFraction), cell.ioKind.rawValue,
            cell.fileBytes.map(String.init) ?? "", cell.allocObjects.map(String.init) ?? "",
            cell.allocObjectBytes.map(String.init) ?? "", cell.allocator.rawValue, cell.runtime.rawValue,
            cell.interpreter ?? "", cell.gil?.rawValue ?? "", cell.function ?? "", cell.arguments ?? "",
            cell.startMethod ?? "", cell.machine,
        ]
    }

    public func format(_ report: Report) -> String {
        Self.text(report.result.samples, derived: report.analysis.derived)
    }

    /// The CSV of `samples` with their derived figures (``RunAnalysis/derive(_:)``): what a
    /// checkpoint after each sample writes, without analysing the whole run again.
    public static func text(_ samples: [Sample], derived: [DerivedSample?]) -> String {
        var lines = [row(columns)]
        for (index, s) in samples.enumerated() {
            let identity =
                Self.cellFields(s.cell) + [
                    String(s.repetition), String(s.coresAvailable),
                    Format.timestamp(s.startedAt), s.status.rawValue, s.failureReason ?? "",
                ]
            // A failed or timed-out sample measured nothing: its figures are empty, not zero.
            guard s.status == .ok else {
                lines.append(Self.row(identity + Array(repeating: "", count: Self.columns.count - identity.count)))
                continue
            }
            let d = derived[index]
            let ms = { (seconds: Double?) in seconds.map { Format.fixed($0 * 1000, 3) } ?? "" }
            let ratio = { (value: Double?) in value.map { Format.fixed($0, 4) } ?? "" }
            lines.append(
                Self.row(
                    identity + [
                        Format.fixed(s.wallSeconds, 6), s.startupSeconds.map { Format.fixed($0, 6) } ?? "",
                        Format.fixed(s.wallWithStartupSeconds, 6),
                        Format.fixed(s.usage.userSeconds, 6), Format.fixed(s.usage.systemSeconds, 6),
                        Format.fixed(s.cpuSeconds, 6), Format.fixed(s.utilisationCores, 4),
                        String(s.usage.voluntaryContextSwitches), String(s.usage.involuntaryContextSwitches),
                        String(s.usage.peakRSSBytes), Format.fixed(s.tasksPerSecond, 3),
                        ms(s.latency?.p50Seconds), ms(s.latency?.p90Seconds), ms(s.latency?.p99Seconds),
                        ms(s.latency?.maxSeconds),
                        d?.baseline.csvValue ?? "", ratio(d?.speedup), ratio(d?.efficiency),
                        d.map { Format.fixed($0.idealWallSeconds, 6) } ?? "",
                        ratio(d?.vsIdeal), String(s.checksum),
                        s.allocatorInUse ?? "",
                        // Under the system allocator there are no such figures: empty, not zero.
                        s.allocatorStats.map { String($0.allocatedBytes) } ?? "",
                        s.allocatorStats.map { String($0.activeBytes) } ?? "",
                        s.allocatorStats.map { String($0.residentBytes) } ?? "",
                        s.allocatorStats.map { String($0.allocations) } ?? "",
                        s.allocatorStats.map { String($0.deallocations) } ?? "",
                        s.usableCPUs.map(Format.number) ?? "", s.throttledPeriods.map(String.init) ?? "",
                        s.throttledSeconds.map { Format.fixed($0, 6) } ?? "",
                        s.stealSeconds.map { Format.fixed($0, 3) } ?? "",
                        s.readyDelay.map { Format.fixed($0.p50Seconds * 1000, 3) } ?? "",
                        s.readyDelay.map { Format.fixed($0.p99Seconds * 1000, 3) } ?? "",
                        s.readyDelay.map { Format.fixed($0.maxSeconds * 1000, 3) } ?? "",
                        s.readyDelay.map { Format.fixed($0.idleShare, 4) } ?? "",
                    ]))
        }
        return lines.joined()
    }

    /// One CSV record terminated by CRLF, as RFC 4180 specifies.
    public static func row(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    /// A field quoted when RFC 4180 requires it: it holds a comma, a double quote, CR or LF.
    /// Double quotes inside are doubled.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
