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
            kind, file size, allocation parameters, allocator). A shift common to every cell of an
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

    @Option(
        help: ArgumentHelp(
            "What to compare: wall, cpu, speedup or efficiency. Speedup and efficiency are ratios measured within one run, so they carry across machines.",
            valueName: "metric"))
    var metric: Metric = .wall

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Relative change within which a cell is unchanged, e.g. 5% or 0.05.", valueName: "percent"))
    var threshold = "5%"

    @Option(help: ArgumentHelp("Output: markdown (for a CI job summary), text, or json.", valueName: "format"))
    var format: ComparisonFormat = .markdown

    @Flag(help: "Compare even when the CPU model or core count differ (sensible with --metric speedup or efficiency).")
    var allowDifferentMachines = false

    @Flag(
        help:
            "Judge each cell's raw change. By default a shift shared by every cell of an experiment (3 or more cells), such as the host's drift, is taken out first, so only a change of some models stands out."
    )
    var absolute = false

    func run() throws {
        let threshold = try Self.parseThreshold(threshold)
        let settings = ComparisonSettings(metric: metric, threshold: threshold, correctsCommonShift: !absolute)
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
            guard allowDifferentMachines else {
                throw BenchError.incomparable(
                    "The results come from different machines: \(why); absolute times do not carry over, so compare on the same machine or pass --allow-different-machines (best with --metric speedup or efficiency)."
                )
            }
            difference = why
        }
        let comparison = try Comparison(baseline: base, current: now, settings: settings, machineDifference: difference)
        print(format.render(comparison), terminator: "")
        if comparison.hasRegression {
            throw ExitCode(ExitStatus.regression.rawValue)
        }
    }

    /// "5%" → 0.05; "0.05" → 0.05.
    static func parseThreshold(_ text: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
        guard let value, value.isFinite else {
            throw BenchError.usage("--threshold '\(text)' is not a relative change; write it as 5% or 0.05.")
        }
        guard value >= 0, value < 10 else {
            throw BenchError.usage(
                "--threshold '\(text)' is out of range: it is the size of a change, without a sign, from 0% up to 1000%; write it as 5% or 0.05."
            )
        }
        return value
    }
}
