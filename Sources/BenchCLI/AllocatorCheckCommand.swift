import ArgumentParser
import BenchCore

/// `bench allocator-check` (hidden): reports the allocator in use and, under jemalloc, how much
/// `stats.allocated` grows for a known allocation, to check the statistics bench reports.
struct AllocatorCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocator-check",
        abstract: "Check the allocator in use and jemalloc's byte counting (internal).",
        shouldDisplay: false
    )

    @Option(parsing: .unconditional, help: "Bytes to allocate and keep live while measuring.")
    var bytes = 10_000_000

    @Option(name: .customLong("object-bytes"), parsing: .unconditional, help: "Bytes per object.")
    var objectBytes = 64

    func run() throws {
        var out = "allocator: \(Jemalloc.inUse)\n"
        if let growth = Jemalloc.allocatedGrowth(bytes: bytes, objectBytes: objectBytes) {
            out += "allocated_growth_bytes: \(growth)\n"
        }
        try Console.out(out, what: "the allocator check")
    }
}
