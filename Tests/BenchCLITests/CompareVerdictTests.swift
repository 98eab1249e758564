import BenchCore
import Foundation
import Testing

/// `bench compare` on simulated results (exact figures), word for word: regressed, improved,
/// unchanged, inconclusive, no common cell, and figures no measurement yields.
@Suite struct CompareVerdictTests {
    static let cells = [
        "--simulate", "2", "--workload", "cpu,io", "--cores", "2", "--tasks", "8", "--task-ms", "20",
        "--models", "threads,async,event-loop,processes",
    ]

    /// Simulated results, made once for the suite.
    static let base = try! Golden.simulate(cells + ["--repetitions", "7"])
    static let slowed = try! Golden.simulate(cells + ["--repetitions", "7", "--inject-slowdown", "threads:2"])

    func compare(_ baseline: URL, _ current: URL, _ extra: [String] = []) throws -> BenchBinary.Outcome {
        try BenchBinary.run(["compare", baseline.path, current.path, "--format", "text"] + extra)
    }

    @Test func aSlowedDownModelIsARegressionOfItsCellsAlone() throws {
        let outcome = try compare(Self.base, Self.slowed)
        #expect(outcome.status == ExitStatus.regression.rawValue)
        #expect(outcome.stdout == (try Golden.text("compare-regressed.txt", actual: outcome.stdout)))
        let regressed = outcome.stdout.split(separator: "\n").filter { $0.hasSuffix("regressed") }
        #expect(regressed.count == 2 && regressed.allSatisfy { $0.contains("threads × 2") })
    }

    @Test func theSameSlowdownTheOtherWayIsAnImprovement() throws {
        let outcome = try compare(Self.slowed, Self.base)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == (try Golden.text("compare-improved.txt", actual: outcome.stdout)))
    }

    @Test func aResultAgainstItselfIsUnchanged() throws {
        let outcome = try compare(Self.base, Self.base)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == (try Golden.text("compare-unchanged.txt", actual: outcome.stdout)))
    }

    @Test func tooFewSamplesAreInconclusiveNeverAPassOrAFail() throws {
        let few = try Golden.simulate(Self.cells + ["--repetitions", "3"])
        let fewSlowed = try Golden.simulate(Self.cells + ["--repetitions", "3", "--inject-slowdown", "threads:2"])
        defer { for folder in [few, fewSlowed] { try? FileManager.default.removeItem(at: folder) } }
        let outcome = try compare(few, fewSlowed)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == (try Golden.text("compare-inconclusive.txt", actual: outcome.stdout)))
    }

    @Test func resultsOfDifferentIOFractionsShareNoCellAndSaySo() throws {
        let mixed = [
            "--simulate", "2", "--workload", "mixed", "--cores", "2", "--tasks", "4", "--task-ms", "10",
            "--models", "threads", "--repetitions", "6",
        ]
        let low = try Golden.simulate(mixed + ["--io-fraction", "0.2"])
        let high = try Golden.simulate(mixed + ["--io-fraction", "0.8"])
        defer { for folder in [low, high] { try? FileManager.default.removeItem(at: folder) } }
        let outcome = try compare(low, high)
        #expect(outcome.status == ExitStatus.incomparable.rawValue)
        #expect(outcome.stdout.isEmpty)
        let message = outcome.stderr.replacingOccurrences(of: low.path, with: "LOW").replacingOccurrences(
            of: high.path, with: "HIGH")
        #expect(message == (try Golden.text("compare-no-common-cell.txt", actual: message)))
        #expect(message.contains("io_fraction") && message.contains("0.2") && message.contains("0.8"))
    }

    @Test func resultsOfDifferentAllocatorsShareNoCell() throws {
        let alloc = [
            "--simulate", "2", "--workload", "alloc", "--cores", "2", "--tasks", "4", "--models", "threads",
            "--repetitions", "6",
        ]
        let system = try Golden.simulate(alloc + ["--allocator", "system"])
        let jemalloc = try Golden.simulate(alloc + ["--allocator", "jemalloc"])
        defer { for folder in [system, jemalloc] { try? FileManager.default.removeItem(at: folder) } }
        let outcome = try compare(system, jemalloc)
        #expect(outcome.status == ExitStatus.incomparable.rawValue)
        #expect(
            outcome.stderr.contains("the baseline was measured with allocator system, the current result with jemalloc")
        )
    }

    @Test(arguments: ["inf", "NaN", "-0.001", "0"])
    func anImpossibleWallTimeIsRefusedNamingTheFile(value: String) throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var records = try CSVReader.records(
            try String(contentsOf: Self.base.appendingPathComponent("samples.csv"), encoding: .utf8))
        let wall = try #require(records[0].firstIndex(of: "wall_s"))
        for row in records.indices.dropFirst() { records[row][wall] = value }
        let copy = folder.appendingPathComponent("samples.csv")
        try Data(records.map(CSVFormatter.row).joined().utf8).write(to: copy)
        let outcome = try BenchBinary.run(["compare", Self.base.path, copy.path])
        #expect(outcome.status == ExitStatus.incomparable.rawValue)
        #expect(outcome.stderr.contains("\(copy.path) line 2: wall_s is"))
        #expect(outcome.stdout.isEmpty, "no verdict at all on garbage")
    }
}
