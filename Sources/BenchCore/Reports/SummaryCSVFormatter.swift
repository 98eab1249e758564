/// One row per cell (workload × model × workers): the statistics behind the report's tables.
public struct SummaryCSVFormatter: ReportFormatter {
    public init() {}

    public var fileName: String { "summary.csv" }

    /// The columns, in order; documented in the README.
    public static let columns = [
        "workload", "kind", "model", "workers", "tasks", "task_ms", "io_fraction", "io_kind", "file_bytes",
        "alloc_objects", "alloc_bytes", "allocator", "runtime", "interpreter", "gil", "function", "arguments",
        "start_method", "machine", "samples", "unsuccessful",
        "wall_median_s", "wall_ci_low_s", "wall_ci_high_s", "wall_ci_half_width_pct",
        "wall_mean_s", "wall_stddev_s", "wall_min_s", "wall_max_s", "wall_cv", "wall_outliers",
        "cpu_median_s", "utilisation_cores", "startup_median_s", "baseline",
        "speedup", "efficiency", "ideal_wall_s", "vs_ideal",
        "task_p50_ms", "task_p90_ms", "task_p99_ms", "task_max_ms",
    ]

    public func format(_ report: Report) -> String {
        var out = CSVFormatter.row(Self.columns)
        for cell in report.analysis.cells {
            let seconds = { (value: Double?) in value.map { Format.fixed($0, 6) } ?? "" }
            let ms = { (value: Double?) in value.map { Format.fixed($0 * 1000, 3) } ?? "" }
            out += CSVFormatter.row(
                CSVFormatter.cellFields(cell.cell) + [
                    String(cell.wall.count), String(cell.unsuccessful),
                    seconds(cell.wall.median), seconds(cell.wallInterval?.lower), seconds(cell.wallInterval?.upper),
                    cell.wallInterval.map { Format.fixed($0.relativeHalfWidth(median: cell.wall.median) * 100, 2) }
                        ?? "",
                    seconds(cell.wall.mean), seconds(cell.wall.standardDeviation), seconds(cell.wall.min),
                    seconds(cell.wall.max), Format.fixed(cell.wall.coefficientOfVariation, 4),
                    String(cell.wallOutliers.count),
                    seconds(cell.cpu.median), Format.fixed(cell.utilisationCores, 4), seconds(cell.startupSeconds),
                    cell.baseline?.csvValue ?? "measured", Format.fixed(cell.speedup, 4),
                    Format.fixed(cell.efficiency, 4), seconds(cell.idealWallSeconds),
                    Format.fixed(cell.vsIdeal, 4),
                    ms(cell.latency?.p50Seconds), ms(cell.latency?.p90Seconds), ms(cell.latency?.p99Seconds),
                    ms(cell.latency?.maxSeconds),
                ])
        }
        return out
    }
}
