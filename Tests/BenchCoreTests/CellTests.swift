import Foundation
import Testing

@testable import BenchCore

@Suite struct CellTests {
    let mixed = Cell(
        workload: "mixed", kind: .mixed, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.02, ioFraction: 0.5)

    @Test func interpretersOrderByVersionReleaseAndBuildAlikeInCellsAndInstances() {
        let labels = ["3.9.1", "3.13.0rc1", "3.13.0", "3.13.0t", "3.14.0a1", "3.14.0"]
        let instances = labels.map { RuntimeInstance(.python, interpreter: $0) }
        #expect(instances.shuffled().sorted() == instances)
        let cells = labels.map {
            Cell(
                workload: "cpu", kind: .cpu, model: .serial, workers: 1, tasks: 4, taskSeconds: 0.05, runtime: .python,
                interpreter: $0)
        }
        #expect(cells.shuffled().sorted() == cells)
        #expect(Set(cells.map { $0.value(of: .interpreter) }).count == labels.count, "no two versions tie")
        #expect(cells[0].text(of: .interpreter) == "python 3.9.1")
        #expect(
            Cell(workload: "cpu", kind: .cpu, model: .serial, workers: 1, tasks: 4, taskSeconds: 0.05).text(
                of: .interpreter) == "none")
    }

    @Test func everyDimensionSetsCellsApart() {
        var variants: [Cell] = []
        for dimension in Cell.Dimension.allCases {
            var cell = Cell(
                workload: "mixed", kind: .mixed, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.02,
                ioFraction: 0.5, ioKind: .file, fileBytes: 4096)
            switch dimension {
            case .workload: cell.workload = "other"
            case .kind: cell.kind = .io
            case .model: cell.model = .async
            case .workers: cell.workers = 4
            case .tasks: cell.tasks = 16
            case .taskMilliseconds: cell.taskSeconds = 0.05
            case .ioFraction: cell.ioFraction = 0.9
            case .ioKind: cell.ioKind = .socket
            case .fileBytes: cell.fileBytes = 8192
            case .allocObjects: cell.allocObjects = 10
            case .allocObjectBytes: cell.allocObjectBytes = 16
            case .allocator: cell.allocator = .jemalloc
            case .runtime: cell.runtime = .python
            case .interpreter: cell.interpreter = "3.13.0"
            case .gil: cell.gil = .off
            case .function: cell.function = "tasks:sha256_1mib"
            case .arguments: cell.arguments = "0123456789abcdef"
            case .startMethod: cell.startMethod = "forkserver"
            case .machine: cell.machine = "AMD EPYC, 16 CPUs"
            }
            variants.append(cell)
        }
        #expect(Set(variants).count == Cell.Dimension.allCases.count, "each dimension alone makes a different cell")
        for (dimension, cell) in zip(Cell.Dimension.allCases, variants) {
            let base = Cell(
                workload: "mixed", kind: .mixed, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.02,
                ioFraction: 0.5, ioKind: .file, fileBytes: 4096)
            #expect(Cell.varying([base, cell]) == [dimension])
        }
    }

    @Test func settingsThatCannotAffectAWorkloadDoNotSplitItsCells() {
        let a = Cell(
            workload: "cpu", kind: .cpu, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.02,
            ioKind: .file, fileBytes: 4096, allocObjects: 10, allocObjectBytes: 16)
        let b = Cell(workload: "cpu", kind: .cpu, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.02)
        #expect(a == b)
        let sleeping = Cell(
            workload: "io", kind: .io, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.02, fileBytes: 4096)
        #expect(sleeping.fileBytes == nil, "a file size means nothing to tasks that sleep")
    }

    @Test func theBaselineIsTheSerialCellWithTheSameParameters() {
        let baseline = mixed.baseline
        #expect(baseline.model == .serial && baseline.workers == 1)
        #expect(baseline.ioFraction == 0.5 && baseline.tasks == 8 && baseline.allocator == .system)
        var jemalloc = mixed
        jemalloc.allocator = .jemalloc
        #expect(jemalloc.baseline != baseline, "each allocator has its own serial baseline")
    }

    @Test func theDisplayNameIsDerivedAndShowsTheParameters() {
        var cell = mixed
        cell.allocator = .jemalloc
        #expect(cell.description == "mixed · I/O fraction 0.5 · jemalloc · threads × 2 · 8 × 20 ms")
    }

    @Test func cellsOrderByWorkloadThenModelThenWorkers() {
        var fewer = mixed
        fewer.workers = 1
        var serial = mixed.baseline
        serial.workers = 1
        #expect([mixed, fewer, serial].sorted() == [serial, fewer, mixed])
    }

    @Test func aCellWrittenWithoutLaterDimensionsDecodesToTheirDefaults() throws {
        let json = #"{"workload":"io","kind":"io","model":"threads","workers":2,"tasks":8,"taskSeconds":0.02}"#
        let cell = try JSONDecoder().decode(Cell.self, from: Data(json.utf8))
        #expect(cell.ioFraction == 1 && cell.ioKind == .sleep && cell.allocator == .system)
    }
}
