import ArgumentParser
import BenchCore
import Foundation

/// `bench`: measures when parallelism beats concurrency. ``BenchMain`` runs it.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Measure when parallelism beats concurrency: a workload under serial, threads, worker processes, async tasks and a single-threaded event loop.",
        discussion: """
            Running is the default: `bench --workload cpu --cores 8` is `bench run --workload cpu --cores 8`.

            Exit statuses: 0 success; 1 the run failed (a system call, writing results); 2 compare found a regression; 3 a sample failed or timed out; 4 compare could not use a result; 64 bad input; 130 interrupted (the results so far are written).
            """,
        version: BenchVersion.current,
        subcommands: [
            RunCommand.self, SweepCommand.self, CompareCommand.self, ReportCommand.self, MergeCommand.self,
            HistoryCommand.self, ListCommand.self,
            WorkerCommand.self, AllocatorCheckCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// Parses, runs, and turns every error into one sentence on stderr and a documented exit status.
    static func start() -> Never {
        // A closed stderr or stdout reader must never kill bench with SIGPIPE: writes report it.
        Sys.ignoreBrokenPipes()
        // Thousands of worker processes need two pipes each; take what the hard limit allows.
        Sys.raiseDescriptorLimit()
        // A worker needs no argument parsing, and skipping it halves a worker's start-up: the
        // parser's dynamic casts make the runtime scan every protocol conformance in the binary.
        if CommandLine.arguments.dropFirst().first == WorkerCommand.configuration.commandName {
            // Run by hand (no request pipe on fd 3), it has nothing to serve: say what it is.
            guard Sys.isOpen(3) else {
                fail(
                    "bench worker is internal: bench starts it itself, with its requests on fd 3 and replies on fd 4; run 'bench --help' for the commands.",
                    status: .usage)
            }
            do {
                try WorkerCommand().run()
                Foundation.exit(0)
            } catch {
                fail("worker: \(error)", status: .failure)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let error as BenchError {
            fail(error.description, status: error.exitStatus)
        } catch let error as SystemCallError {
            fail("\(error.description); the run was stopped.", status: .failure)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version: their text is the output, so losing it is a failure.
                do { try Console.out(fullMessage(for: error) + "\n", what: "the help") } catch {
                    fail("\(error)", status: .failure)
                }
                Foundation.exit(0)
            }
            if code == .validationFailure {
                fail("\(message(for: error)) (see 'bench --help').", status: .usage)
            }
            exit(withError: error)
        }
    }

    private static func fail(_ message: String, status: ExitStatus) -> Never {
        Console.error("bench: \(message)\n")
        Foundation.exit(status.rawValue)
    }
}
