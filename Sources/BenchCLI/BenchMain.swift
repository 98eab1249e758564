import BenchCore
import Foundation

/// The whole of bench as a library: call it from your own executable's `main.swift` with your
/// workloads, and your executable is a complete bench (every subcommand, flag and report), whose
/// `--workload NAME` runs your closures under every Swift model. Worker processes re-execute your
/// executable, so the process models run your closures too; each closure's returned checksum is
/// compared across models, as bench compares its kernel's.
///
/// ```swift
/// import BenchCLI
///
/// BenchMain.main(workloads: [
///     UserWorkload("json", summary: "a JSON round trip") { index in
///         UInt64(try roundTrip(index))
///     }
/// ])
/// ```
public enum BenchMain {
    /// Registers `workloads`, then parses the command line and runs bench; never returns.
    /// - Parameter workloads: your closures, each selected by its name (a built-in's name is refused).
    public static func main(workloads: [UserWorkload] = []) -> Never {
        do {
            try UserWorkloads.register(workloads)
        } catch {
            Console.error("bench: \(error)\n")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        BenchCommand.start()
    }
}
