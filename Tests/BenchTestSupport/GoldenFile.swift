import Foundation

/// Golden files, for both test targets: a fixture's expected text, rewritten from what the test
/// produced when `UPDATE_GOLDEN=1` is in the environment (then review the diff before committing).
public enum GoldenFile {
    /// The text of `name` under the `Fixtures/` folder beside `file` (the calling test's `#filePath`).
    public static func text(_ name: String, actual: String, besides file: String) throws -> String {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
