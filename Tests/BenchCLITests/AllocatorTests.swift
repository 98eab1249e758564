import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// jemalloc is installed by scripts/setup, which scripts/test runs first.
@Suite struct AllocatorTests {
    @Test func jemallocCountsAKnownAllocationWithinTenPercent() throws {
        let library = try #require(Jemalloc.libraryPath, "jemalloc is not installed; run scripts/setup")
        let process = Process()
        process.executableURL = BenchBinary.url
        process.arguments = ["allocator-check", "--bytes", "10000000", "--object-bytes", "64"]
        process.environment = ProcessInfo.processInfo.environment.merging(["LD_PRELOAD": library]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("allocator: jemalloc"))
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("allocated_growth_bytes: ") })
        let growth = try #require(Double(line.dropFirst("allocated_growth_bytes: ".count)))
        #expect(abs(growth - 10_000_000) <= 1_000_000, "jemalloc counted \(growth) bytes for 10000000")
    }

    @Test func everyModelRunsUnderBothAllocatorsAndTheCSVSaysWhich() throws {
        let outcome = try BenchBinary.run([
            "--workload", "alloc", "--allocator", "system,jemalloc", "--cores", "2", "--tasks", "2",
            "--alloc-objects", "1000", "--repetitions", "1", "--warmup", "0",
            "--models", "threads,processes",
            "--csv", "-", "--markdown", "/dev/null", "--json", "/dev/null",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let rows = csvRows(outcome.stdout)
        #expect(rows.count == 2 * 3)
        #expect(
            rows.allSatisfy { $0["workload"] == "alloc" },
            "the allocator is a column of its own, never part of the name")
        let system = rows.filter { $0["allocator"] == "system" }
        let jemalloc = rows.filter { $0["allocator"] == "jemalloc" }
        #expect(system.count == 3 && jemalloc.count == 3)
        #expect(
            system.allSatisfy { $0["allocator_in_use"]!.hasPrefix("system") && $0["jemalloc_allocated_bytes"] == "" })
        #expect(
            jemalloc.allSatisfy {
                $0["allocator_in_use"]!.hasPrefix("jemalloc") && Int($0["jemalloc_allocated_bytes"]!)! > 0
            })
    }

    @Test func askingForJemallocWhereItIsMissingSaysHowToInstallIt() throws {
        let process = Process()
        process.executableURL = BenchBinary.url
        process.arguments = ["--workload", "alloc", "--allocator", "jemalloc"]
        process.environment = ProcessInfo.processInfo.environment.merging([
            "BENCH_JEMALLOC_LIBRARY": "/nonexistent/libjemalloc.so.2"
        ]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == ExitStatus.usage.rawValue)
        #expect(text.contains("apt-get install libjemalloc2"))
    }
}
