import BenchCore

/// The rows of a CSV bench wrote, each as its header's names to its fields, read with bench's own
/// RFC 4180 reader (quoted fields may hold commas); empty for text that is not CSV.
public func csvRows(_ csv: String) -> [[String: String]] {
    guard let records = try? CSVReader.records(csv), let header = records.first else { return [] }
    return records.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
}
