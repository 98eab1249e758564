import Foundation
import Testing

@testable import BenchCore

@Suite struct ComparisonTests {
    let key = Cell(workload: "cpu", kind: .cpu, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.05)

    func result(_ walls: [Double], path: String = "x") -> LoadedResult {
        LoadedResult(
            path: path, samples: walls.map { ComparableSample(cell: key, values: [.wall: $0, .speedup: 0.4 / $0]) },
            machine: nil)
    }

    func compare(_ before: [Double], _ after: [Double], metric: Metric = .wall) -> CellComparison {
        try! Comparison(baseline: result(before), current: result(after), settings: ComparisonSettings(metric: metric))
            .cells[0]
    }

    let quiet = [0.200, 0.201, 0.199, 0.202, 0.200, 0.198, 0.201, 0.200, 0.199]

    @Test func aClearSlowdownIsARegression() {
        let cell = compare(quiet, quiet.map { $0 * 1.3 })
        #expect(cell.verdict == .regressed)
        #expect(cell.pValue! < 0.001)
    }

    @Test func aClearSpeedupIsAnImprovement() {
        #expect(compare(quiet, quiet.map { $0 * 0.7 }).verdict == .improved)
    }

    @Test func aSignificantButTinyChangeIsUnchanged() {
        let cell = compare(quiet, quiet.map { $0 * 1.02 })
        #expect(cell.verdict == .unchanged)
    }

    @Test func aLargeButNoisyChangeIsInconclusive() {
        let noisy = [0.20, 0.30, 0.19, 0.31, 0.21, 0.29, 0.20, 0.30, 0.22]
        let cell = compare(noisy, noisy.map { $0 * 1.08 })
        #expect(cell.verdict == .inconclusive)
    }

    @Test func tooFewSamplesAreInconclusiveNeverRegressed() {
        let cell = compare([0.2, 0.2, 0.2], [0.4, 0.4, 0.4])
        #expect(cell.verdict == .inconclusive)
        #expect(cell.reason.contains("too few"))
    }

    @Test func polarityFlipsForRatios() {
        // Wall 30% longer means speedup 23% lower: worse for a larger-is-better metric too.
        #expect(compare(quiet, quiet.map { $0 * 1.3 }, metric: .speedup).verdict == .regressed)
    }

    @Test func cellsOnOneSideAreListedNotCompared() {
        var extra = result(quiet)
        extra.samples.append(
            ComparableSample(
                cell: Cell(workload: "io", kind: .io, model: .async, workers: 2, tasks: 8, taskSeconds: 0.05),
                values: [.wall: 1]))
        let comparison = try! Comparison(baseline: extra, current: result(quiet), settings: ComparisonSettings())
        #expect(comparison.cells.count == 1)
        #expect(comparison.onlyInBaseline.map(\.workload) == ["io"])
        #expect(!comparison.hasRegression)
        #expect(ComparisonFormat.markdown.render(comparison).contains("Only in the baseline"))
    }
}

@Suite struct CommonShiftTests {
    static let quiet = [0.200, 0.201, 0.199, 0.202, 0.200, 0.198, 0.201, 0.200, 0.199]
    static let models: [ModelKind] = [.serial, .threads, .async, .eventLoop, .processes]

    /// One family of five cells, each model's walls scaled by its factor.
    func result(_ factors: [ModelKind: Double] = [:], shift: Double = 1) -> LoadedResult {
        let samples = Self.models.flatMap { model in
            let cell = Cell(
                workload: "cpu", kind: .cpu, model: model, workers: model == .serial ? 1 : 2, tasks: 8,
                taskSeconds: 0.02)
            return Self.quiet.map { ComparableSample(cell: cell, values: [.wall: $0 * shift * (factors[model] ?? 1)]) }
        }
        return LoadedResult(path: "x", samples: samples, machine: nil)
    }

    @Test func driftSharedByEveryCellOfAFamilyIsNotARegression() throws {
        let comparison = try Comparison(
            baseline: result(), current: result(shift: 1.06), settings: ComparisonSettings())
        #expect(!comparison.hasRegression)
        #expect(abs(try #require(comparison.commonShifts.first).relativeChange - 0.06) < 1e-9)
        #expect(ComparisonFormat.text.render(comparison).contains("moved +6.0% together"))
    }

    @Test func theSameDriftJudgedAbsolutelyIsARegression() throws {
        let settings = ComparisonSettings(correctsCommonShift: false)
        #expect(try Comparison(baseline: result(), current: result(shift: 1.06), settings: settings).hasRegression)
    }

    @Test func oneSlowedModelStandsOutAgainstDrift() throws {
        let comparison = try Comparison(
            baseline: result(), current: result([.threads: 2], shift: 1.06), settings: ComparisonSettings())
        #expect(comparison.cells.filter { $0.verdict == .regressed }.map(\.cell.model) == [.threads])
    }

    @Test func twoCellsAreTooFewToTellDriftFromARegression() throws {
        func pair(_ factor: Double) -> LoadedResult {
            var loaded = result([.threads: factor])
            loaded.samples.removeAll { ![.serial, .threads].contains($0.cell.model) }
            return loaded
        }
        let comparison = try Comparison(baseline: pair(1), current: pair(2), settings: ComparisonSettings())
        #expect(comparison.commonShifts.isEmpty)
        #expect(comparison.cells.filter { $0.verdict == .regressed }.map(\.cell.model) == [.threads])
    }
}

@Suite struct ResultLoaderTests {
    func write(_ text: String, _ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func loadError(_ path: String) -> String? {
        do {
            _ = try ResultLoader.load(path)
            return nil
        } catch {
            return (error as? ResultLoadError)?.description ?? "unexpected \(error)"
        }
    }

    @Test func jsonWrittenByARunLoadsBackWithEverySuccessfulSample() throws {
        let path = try write(JSONFormatter().format(ReportFixtures.report), "results.json")
        let loaded = try ResultLoader.load(path)
        #expect(loaded.samples.count == ReportFixtures.run.samples.filter { $0.status == .ok }.count)
        #expect(loaded.machine == ReportFixtures.machine)
    }

    @Test func csvWrittenByARunLoadsTheSameCellsAsTheJSON() throws {
        let csv = try ResultLoader.load(try write(CSVFormatter().format(ReportFixtures.report), "samples.csv"))
        let json = try ResultLoader.load(try write(JSONFormatter().format(ReportFixtures.report), "results.json"))
        #expect(Set(csv.samples.map(\.cell)) == Set(json.samples.map(\.cell)))
        // The CSV keeps microseconds; the JSON keeps every bit.
        for (a, b) in zip(csv.samples, json.samples) { #expect(abs(a.values[.wall]! - b.values[.wall]!) < 1e-6) }
    }

    @Test func aTruncatedJSONIsOneClearSentence() throws {
        let json = JSONFormatter().format(ReportFixtures.report)
        let message = try #require(loadError(try write(String(json.prefix(json.count / 2)), "results.json")))
        #expect(message.contains("not valid JSON"))
    }

    @Test func anUnknownSchemaVersionIsRefused() throws {
        let json = JSONFormatter().format(ReportFixtures.report).replacingOccurrences(
            of: "\"schemaVersion\" : \(ResultDocument.currentSchemaVersion)", with: "\"schemaVersion\" : 99")
        let message = try #require(loadError(try write(json, "results.json")))
        #expect(message.contains("schema version 99"))
    }

    @Test func aCSVMissingAColumnNamesIt() throws {
        let csv = CSVFormatter().format(ReportFixtures.report).replacingOccurrences(
            of: ",wall_s,", with: ",wall_seconds,")
        let message = try #require(loadError(try write(csv, "samples.csv")))
        #expect(message.contains("lacks the column 'wall_s'"))
    }

    @Test func aMissingFileSaysWhatToGive() throws {
        let message = try #require(loadError("/nonexistent/results.json"))
        #expect(message.contains("does not exist"))
    }

    @Test func quotedFieldsWithCommasAndLineBreaksParse() throws {
        let records = try CSVReader.records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\r\n")
        #expect(records == [["a", "b,c", "say \"hi\""], ["1", "two\nlines", "3"]])
        #expect(throws: CSVReader.Error.self) { try CSVReader.records("a,\"unclosed\n") }
    }
}

/// Results written before the Cell (schema version 3) still load, their cells rebuilt.
@Suite struct Schema3Tests {
    static func fixture(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/v3/\(name)").path
    }

    @Test func aVersion3SweepLoadsWithItsFractionsAsCellsAndCleanNames() throws {
        let document = try ResultLoader.document(at: Self.fixture("sweep.json"))
        #expect(document.schemaVersion == 3)
        let cells = Set(document.result.samples.map(\.cell))
        #expect(Set(cells.map(\.workload)) == ["mixed"])
        #expect(Set(cells.map(\.ioFraction)) == [0.2, 0.8])
        let report = Report(document.result)
        #expect(report.analysis.families.count == 2)
        #expect(report.analysis.crossover.count == 2)
        #expect(MarkdownFormatter().format(report).contains("## mixed · I/O fraction 0.8"))
    }

    @Test func aVersion3AllocatorRunLoadsWithTheAllocatorAsADimension() throws {
        let document = try ResultLoader.document(at: Self.fixture("alloc.json"))
        let cells = Set(document.result.samples.map(\.cell))
        #expect(Set(cells.map(\.workload)) == ["alloc"])
        #expect(Set(cells.map(\.allocator)) == [.system, .jemalloc])
        #expect(cells.allSatisfy { $0.allocObjects == 1000 })
        #expect(Report(document.result).analysis.allocators.count == 1)
    }

    @Test func aVersion3ResultComparesWithItselfCellByCell() throws {
        let loaded = try ResultLoader.load(Self.fixture("sweep.json"))
        let comparison = try Comparison(baseline: loaded, current: loaded, settings: ComparisonSettings())
        #expect(comparison.cells.count == Set(loaded.samples.map(\.cell)).count)
        #expect(!comparison.hasRegression)
    }
}
