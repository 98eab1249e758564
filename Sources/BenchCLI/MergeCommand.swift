import ArgumentParser
import BenchCore
import Foundation

/// `bench merge RESULT... --out DIR`: one result from several machines' results, the machine a
/// dimension of every cell, with a report that puts the machines side by side.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge results from several machines (or several runs of one) into one result and report."
    )

    @Argument(help: "Results to merge: results.json files or the folders holding them (two or more).")
    var results: [String] = []

    @OptionGroup var output: OutputOptions

    func run() throws {
        let inputs = try results.map { path -> (path: String, document: ResultDocument) in
            do {
                return (path, try ResultLoader.document(at: path))
            } catch let error as ResultLoadError {
                throw BenchError.incomparable(error.description)
            }
        }
        let merged = try ResultMerger.merge(inputs)
        let outputs = try output.plan()
        try outputs.refuseOverwriting(inputs: results)
        try outputs.prepare()
        Sys.ignoreBrokenPipes()
        let (written, markdown) = try outputs.write(Report(merged))
        if !output.quiet {
            if !outputs.usesStdout { try? Console.out(markdown, what: "the report") }
            if !written.isEmpty {
                Console.error("bench: wrote \(written.joined(separator: ", "))\n")
            }
        }
    }
}
