import ArgumentParser
import BenchCore
import Foundation

extension Metric: ExpressibleByArgument {}
extension ComparisonFormat: ExpressibleByArgument {}

/// `bench compare BASELINE CURRENT`: a regression gate for CI.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two results cell by cell and exit 2 if any cell regressed.",
        discussion: """
            BASELINE and CURRENT are each a results.json, a samples.csv, or a results folder. A cell
            regresses when its median is worse by more than --threshold AND a Mann–Whitney U test finds
            the difference significant; too few samples make it inconclusive, never a regression. Cells
            match on every dimension (workload, model, workers, tasks, task duration, I/O fraction and
            kind, file size, allocation parameters, allocator, runtime, machine). A shift common to every cell of an
            experiment is taken out before judging each cell (see --absolute).
            Exit statuses: 0 no regression; 2 regression; 4 a result is missing, unreadable, holds an
            impossible figure (non-finite, negative or zero time), shares no cell with the other, is of
            another schema, or from another machine; 64 bad usage.
            """
    )

    @Argument(help: "The baseline result (file or folder).")
    var baseline: String

    @Argument(help: "The current result (file or folder).")
    var current: String

    @OptionGroup var judging: JudgingOptions

    @Option(help: ArgumentHelp("Output: markdown (for a CI job summary), text, or json.", valueName: "format"))
    var format: ComparisonFormat = .markdown

    @Flag(
        help:
            "Judge each cell's raw change. By default a shift shared by every cell of an experiment (3 or more cells), such as the host's drift, is taken out first, so only a change of some models stands out."
    )
    var absolute = false

    func run() throws {
        let settings = try judging.settings(correctsCommonShift: !absolute)
        let base: LoadedResult
        let now: LoadedResult
        do {
            base = try ResultLoader.load(baseline)
            now = try ResultLoader.load(current)
        } catch let error as ResultLoadError {
            throw BenchError.incomparable(error.description)
        }
        var difference: String?
        if let a = base.machine, let b = now.machine, let why = a.incompatibility(with: b) {
            guard judging.allowDifferentMachines else {
                throw BenchError.incomparable(
                    "The results come from different machines: \(why); absolute times do not carry over, so compare on the same machine or pass --allow-different-machines (best with --metric speedup or efficiency)."
                )
            }
            difference = why
        }
        let comparison = try Comparison(baseline: base, current: now, settings: settings, machineDifference: difference)
        try Console.out(format.render(comparison), what: "the comparison")
        if comparison.hasRegression {
            throw ExitCode(ExitStatus.regression.rawValue)
        }
    }
}
