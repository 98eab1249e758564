import Foundation

/// Everything a run produced, as one versioned JSON document: configuration, fingerprint, every
/// sample with its cell, every cell summary and every verdict. `bench compare` reads it back.
public struct ResultDocument: Codable, Sendable, Equatable {
    /// The version of this document's layout; readers refuse versions they do not know.
    /// Version 4 keys every sample and summary by its ``Cell``; version 5 keeps each runtime's
    /// calibration and interpreter in maps keyed by runtime; version 6 keys them by runtime
    /// instance ("python 3.13.0"), gives CPython cells their interpreter (and a free-threaded
    /// build's GIL state), and lists several interpreters per runtime in the configuration.
    public static let currentSchemaVersion = 6
    /// The oldest version still read: version 3 documents get their cells rebuilt on reading.
    public static let oldestReadableSchemaVersion = 3

    /// One family's verdict, keyed by its serial cell.
    public struct FamilyRecord: Codable, Sendable, Equatable {
        /// The family's serial cell.
        public var baseline: Cell
        /// The verdict; nil without a serial baseline.
        public var verdict: FamilyVerdict?
    }

    /// The layout version.
    public var schemaVersion: Int
    /// What wrote it, e.g. `"bench 0.3.0"`.
    public var generator: String
    /// The run.
    public var result: RunResult
    /// One summary per cell, as in the report.
    public var summaries: [CellSummary]
    /// Each family's verdict, as in the report.
    public var families: [FamilyRecord]
    /// For a sweep, the crossover point of each I/O fraction.
    public var crossover: [CrossoverPoint]
    /// Scalability laws fitted per model (empty without several worker counts).
    public var scalability: [ScalabilityFit] = []
    /// For a mixed sweep, each worker count's crossover, predicted and measured.
    public var workerCrossovers: [WorkerCrossover] = []

    /// A document for an analysed run.
    public init(_ report: Report) {
        schemaVersion = Self.currentSchemaVersion
        generator = "bench \(report.result.machine.benchVersion)"
        result = report.result
        summaries = report.analysis.cells
        families = report.analysis.families.map { FamilyRecord(baseline: $0.baseline, verdict: $0.verdict) }
        crossover = report.analysis.crossover
        scalability = report.analysis.scalability
        workerCrossovers = report.analysis.workerCrossovers
    }

    /// Reads a document of this version or an older readable one: an older document's cells are
    /// rebuilt from its separate fields and its configuration, and its analysis is computed anew.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        generator = try c.decode(String.self, forKey: .generator)
        var result = try c.decode(RunResult.self, forKey: .result)
        if schemaVersion < 4 { result.rebuildSchema3Cells() }
        self.result = result
        if schemaVersion >= 4 {
            summaries = try c.decode([CellSummary].self, forKey: .summaries)
            families = try c.decodeIfPresent([FamilyRecord].self, forKey: .families) ?? []
            crossover = try c.decodeIfPresent([CrossoverPoint].self, forKey: .crossover) ?? []
            scalability = try c.decodeIfPresent([ScalabilityFit].self, forKey: .scalability) ?? []
            workerCrossovers = try c.decodeIfPresent([WorkerCrossover].self, forKey: .workerCrossovers) ?? []
        } else {
            let current = ResultDocument(Report(result))
            (summaries, families, crossover) = (current.summaries, current.families, current.crossover)
            (scalability, workerCrossovers) = (current.scalability, current.workerCrossovers)
        }
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
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an ISO 8601 timestamp")
            }
            return date
        }
        return decoder
    }
}
