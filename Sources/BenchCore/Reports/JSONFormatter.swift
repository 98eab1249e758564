import Foundation

/// The JSON report: a ``ResultDocument``.
public struct JSONFormatter: ReportFormatter {
    public init() {}

    public var fileName: String { "results.json" }

    public func format(_ report: Report) -> String {
        // Encoding plain Codable values with finite numbers cannot fail.
        let data = try! ResultDocument.encoder().encode(ResultDocument(report))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
