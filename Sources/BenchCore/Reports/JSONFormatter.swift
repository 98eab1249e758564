import Foundation

/// Everything a run produced, as one versioned JSON document: configuration, fingerprint, every
/// sample and every cell summary. `bench compare` reads it back.
public struct ResultDocument: Codable, Sendable, Equatable {
    /// The version of this document's layout; readers refuse versions they do not know.
    public static let currentSchemaVersion = 3

    /// The layout version.
    public var schemaVersion: Int
    /// What wrote it, e.g. `"bench 0.3.0"`.
    public var generator: String
    /// The run.
    public var result: RunResult
    /// One summary per cell, as in the report.
    public var summaries: [CellSummary]

    /// A document for `result`.
    public init(_ result: RunResult) {
        schemaVersion = Self.currentSchemaVersion
        generator = "bench \(result.machine.benchVersion)"
        self.result = result
        summaries = Analysis.cells(result.samples)
    }

    /// The JSON coder settings shared by writing and reading: sorted keys, readable, ISO 8601
    /// dates with milliseconds.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Format.timestamp(date))
        }
        return encoder
    }

    /// The decoder matching ``encoder()``.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Format.parseTimestamp(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 timestamp")
            }
            return date
        }
        return decoder
    }
}

/// The JSON report: a ``ResultDocument``.
public struct JSONFormatter: ReportFormatter {
    public init() {}

    public var fileName: String { "results.json" }

    public func format(_ result: RunResult) -> String {
        // Encoding plain Codable values with finite numbers cannot fail.
        let data = try! ResultDocument.encoder().encode(ResultDocument(result))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
