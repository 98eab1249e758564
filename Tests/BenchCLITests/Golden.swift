import BenchTestSupport
import Foundation

/// Golden files for whole reports, under Fixtures/ beside this file.
enum Golden {
    /// The text of golden file `name`; with `UPDATE_GOLDEN=1` in the environment the file is first
    /// rewritten from `actual` (then review the diff before committing it).
    static func text(_ name: String, actual: String, file: String = #filePath) throws -> String {
        try GoldenFile.text(name, actual: actual, besides: file)
    }

    /// Runs bench on the simulated machine (`--simulate`), writing into a fresh folder, and returns
    /// the folder.
    static func simulate(_ arguments: [String]) throws -> URL {
        let folder = try BenchBinary.temporaryFolder()
        let outcome = try BenchBinary.run(arguments + ["--out", folder.path, "--quiet"])
        guard outcome.status == 0 else {
            throw NSError(
                domain: "bench", code: Int(outcome.status), userInfo: [NSLocalizedDescriptionKey: outcome.stderr])
        }
        return folder
    }

    /// The report a simulated run wrote.
    static func report(_ folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
    }
}
