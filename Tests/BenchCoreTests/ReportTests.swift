import Foundation
import Synchronization
import Testing

@testable import BenchCore

@Suite struct ReportTests {
    @Test func plainFieldsAreNotQuoted() {
        #expect(CSVFormatter.quote("threads") == "threads")
        #expect(CSVFormatter.quote("0.5") == "0.5")
        #expect(CSVFormatter.quote("") == "")
    }

    @Test func fieldsWithCommasQuotesOrLineBreaksAreQuotedAsRFC4180Says() {
        #expect(CSVFormatter.quote("a,b") == "\"a,b\"")
        #expect(CSVFormatter.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVFormatter.quote("two\nlines") == "\"two\nlines\"")
        #expect(CSVFormatter.quote("cr\r\nlf") == "\"cr\r\nlf\"")
    }

    @Test func rowsEndWithCRLF() {
        #expect(CSVFormatter.row(["a", "b,c"]) == "a,\"b,c\"\r\n")
    }

    @Test func csvHasAHeaderAndOneRowPerSampleWithEveryColumn() {
        let csv = CSVFormatter().format(ReportFixtures.report)
        let rows = csv.components(separatedBy: "\r\n").dropLast()
        #expect(rows.count == 1 + ReportFixtures.run.samples.count)
        #expect(rows.first == CSVFormatter.columns.joined(separator: ","))
        for row in rows {
            #expect(row.split(separator: ",", omittingEmptySubsequences: false).count == CSVFormatter.columns.count)
        }
    }

    @Test func csvMatchesItsGoldenFile() throws {
        let csv = CSVFormatter().format(ReportFixtures.report)
        #expect(csv == (try ReportFixtures.golden("samples.csv", actual: csv)))
    }

    @Test func markdownMatchesItsGoldenFile() throws {
        let markdown = MarkdownFormatter().format(ReportFixtures.report)
        #expect(markdown == (try ReportFixtures.golden("report.md", actual: markdown)))
    }

    @Test func summaryCSVMatchesItsGoldenFile() throws {
        let csv = SummaryCSVFormatter().format(ReportFixtures.report)
        #expect(csv == (try ReportFixtures.golden("summary.csv", actual: csv)))
    }

    @Test func jsonMatchesItsGoldenFileAndReadsBackUnchanged() throws {
        let json = JSONFormatter().format(ReportFixtures.report)
        #expect(json == (try ReportFixtures.golden("results.json", actual: json)))
        let document = try ResultDocument.decoder().decode(ResultDocument.self, from: Data(json.utf8))
        #expect(document.schemaVersion == ResultDocument.currentSchemaVersion)
        #expect(document.result == ReportFixtures.run)
        #expect(document.summaries == ReportFixtures.report.analysis.cells)
    }

    @Test func aResultWithoutFieldsAddedLaterStillLoadsWithTheirDefaults() throws {
        // What a results.json from before the I/O, allocator and trace fields looked like.
        let json = JSONFormatter().format(ReportFixtures.report)
        var root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var result = try #require(root["result"] as? [String: Any])
        var configuration = try #require(result["configuration"] as? [String: Any])
        for key in [
            "allocators", "allocObjects", "allocObjectBytes", "ioKind", "fileBytes", "ioFraction",
            "recordTimeline", "order", "seed", "isolation",
        ] { configuration[key] = nil }
        var machine = try #require(result["machine"] as? [String: Any])
        for key in ["benchVersion", "gitCommit", "loadAverage", "allocator", "commandLine"] { machine[key] = nil }
        let samples = try #require(result["samples"] as? [[String: Any]]).map { sample -> [String: Any] in
            var sample = sample
            for key in ["allocatorInUse", "allocatorStats", "timeline", "startupSeconds"] { sample[key] = nil }
            var cell = sample["cell"] as! [String: Any]
            for key in ["ioFraction", "ioKind", "allocator"] { cell[key] = nil }
            sample["cell"] = cell
            return sample
        }
        result["configuration"] = configuration
        result["machine"] = machine
        result["samples"] = samples
        root["result"] = result
        let older = try JSONSerialization.data(withJSONObject: root)
        let document = try ResultDocument.decoder().decode(ResultDocument.self, from: older)
        #expect(document.result.configuration.allocators == [.system])
        #expect(document.result.configuration.order == .interleaved)
        #expect(document.result.machine.benchVersion == "unknown")
        #expect(document.result.samples.first { $0.cell.kind == .io }?.cell.ioFraction == 1)
        #expect(document.result.samples.allSatisfy { $0.cell.allocator == .system && $0.cell.ioKind == .sleep })
    }

    @Test func derivedSpeedupIsSerialMedianOverSampleWall() throws {
        let derived = ReportFixtures.report.analysis.derived
        let threads = try #require(
            derived.compactMap { $0 }.first { $0.sample.cell.model == .threads && $0.sample.cell.workload == "cpu" })
        #expect(abs(threads.speedup - 0.400 / 0.198) < 1e-9)  // repetition 1: 0.204 - 0.006
        #expect(abs(threads.efficiency - 0.400 / 0.198 / 2) < 1e-9)
        #expect(abs(threads.idealWallSeconds - 0.2) < 1e-9)
    }

    func verdict(_ workload: String, _ result: RunResult = ReportFixtures.run) throws -> FamilyVerdict {
        try #require(Report(result).analysis.families(workload: workload).first?.verdict)
    }

    @Test func verdictForComputeSaysOnlyParallelismHelps() throws {
        let verdict = try verdict("cpu")
        #expect(verdict.choice.winner.model == .threads)
        #expect(verdict.text.contains("threads × 2 wins, 1.96x faster than serial"))
        #expect(verdict.text.contains("concurrency without parallelism does not speed up compute"))
    }

    @Test func verdictForWaitingCrownsTheCheapestModelWithinTheNoise() throws {
        let verdict = try verdict("io")
        #expect(
            verdict.choice.winner.model == .eventLoop,
            "threads, async and event-loop tie within the noise; one thread is cheapest")
        #expect(verdict.text.contains("event-loop × 2 reached 1.99x on a single thread"))
        #expect(verdict.text.contains("concurrency alone is enough"))
        #expect(verdict.text.contains("the cheapest model within the noise of the fastest, threads × 2"))
    }

    @Test func verdictNamesOversubscription() throws {
        var result = ReportFixtures.run
        for index in result.samples.indices where result.samples[index].cell.model != .serial {
            result.samples[index].cell.workers = 8
        }
        #expect(try verdict("cpu", result).text.contains("8 workers on 2 available cores is oversubscription"))
    }

    @Test func reportWriterLeavesNoTemporaryFileBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ReportWriter.write("hello\n", to: folder.appendingPathComponent("out.csv").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
        #expect(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8) == "hello\n")
    }

    @Test func writingToAFIFOWritesThroughItInsteadOfReplacingIt() throws {
        // Renaming a temporary file over a device or FIFO would replace it (once, over /dev/null).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Mutex<String?>(nil)
        let reader = Thread {
            let text = FileHandle(forReadingAtPath: fifo).map {
                String(decoding: $0.readDataToEndOfFile(), as: UTF8.self)
            }
            received.withLock { $0 = text }
        }
        reader.start()
        try ReportWriter.write("through the pipe\n", to: fifo)
        while reader.isExecuting || !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        #expect(received.withLock { $0 } == "through the pipe\n")
        let type = try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType
        #expect(type != nil && type != .typeRegular, "the FIFO is still a FIFO, not a regular file")
    }

    @Test func unwritableOutputFolderIsAUsageError() {
        #expect(throws: BenchError.self) { try ReportWriter.prepareDirectory("/proc/bench-cannot-write-here") }
    }
}
