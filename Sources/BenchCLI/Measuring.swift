import ArgumentParser
import BenchCore
import Foundation

/// What `run` and `sweep` share once their configuration is built: prepare the outputs, handle
/// Ctrl-C, show progress, write every report (the CSV after each sample), say what failed, and
/// exit with the status the result calls for.
enum Measuring {
    static func run(
        outputs: OutputPlan, quiet: Bool,
        measure: (_ progress: (RunProgress) -> Void, _ checkpoint: (RunResult) throws -> Void) throws -> RunResult
    ) throws -> Never {
        try outputs.prepare()
        Interruption.install()
        Sys.ignoreBrokenPipes()
        let progress = ProgressLine(enabled: !quiet)
        // The CSV is rewritten (atomically) after every sample, so a crash keeps what came before.
        let result: RunResult
        do {
            result = try measure(progress.show, outputs.checkpoint)
        } catch  where Interruption.isRequested {
            progress.clear()
            interruptedBeforeMeasuring()
        }
        progress.clear()
        let (written, markdown) = try outputs.write(Report(result))
        if result.interrupted {
            Console.error("bench: interrupted; kept the \(result.samples.count) samples measured so far.\n")
        }
        for sample in result.unsuccessfulSamples {
            Console.error(
                "bench: \(sample.cell.experimentName) · \(sample.cell.modelName) · \(sample.repetition == 0 ? "warm-up" : "repetition \(sample.repetition)") \(sample.status.rawValue): \(sample.failureReason ?? "no reason given")\n"
            )
        }
        if !quiet {
            if !outputs.usesStdout {
                // A courtesy copy: the report itself is in its file, so a closed terminal pipe is no loss.
                try? Console.out(markdown, what: "the report")
            }
            if !written.isEmpty {
                Console.error("bench: wrote \(written.joined(separator: ", "))\n")
            }
        }
        RunCommand.exit(withError: ExitCode(ExitStatus.of(result).rawValue))
    }

    /// Resolves settings with the stopping signals already handled, so a stop while the
    /// interpreter is probed is an interruption (exit 130), never bench ended by the signal or a
    /// probe killed by the stop reported as a bad interpreter.
    static func settings(_ resolve: () throws -> Settings) throws -> Settings {
        Interruption.install()
        do {
            return try resolve()
        } catch  where Interruption.isRequested {
            interruptedBeforeMeasuring()
        }
    }

    /// Stopped while resolving, calibrating or starting (the stop killed what was running): an
    /// interruption, not a failure of the run.
    static func interruptedBeforeMeasuring() -> Never {
        Console.error("bench: interrupted before the first sample was measured; no report was written.\n")
        RunCommand.exit(withError: ExitCode(ExitStatus.interrupted.rawValue))
    }
}
