/// Turns a run's results into the text of one report format. Formatters are pure: they return a
/// `String` from a ``Report`` and never touch the file system (``ReportWriter`` does that) nor
/// compute figures of their own (``RunAnalysis`` does that, once).
public protocol ReportFormatter: Sendable {
    /// The file name this format gets inside an output folder, e.g. `"samples.csv"`.
    var fileName: String { get }
    /// The report's text.
    func format(_ report: Report) -> String
}
