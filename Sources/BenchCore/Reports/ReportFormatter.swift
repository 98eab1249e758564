/// Turns a run's results into the text of one report format. Formatters are pure: they return a
/// `String` and never touch the file system (``ReportWriter`` does that).
public protocol ReportFormatter: Sendable {
    /// The file name this format gets inside an output folder, e.g. `"samples.csv"`.
    var fileName: String { get }
    /// The report's text.
    func format(_ result: RunResult) -> String
}
