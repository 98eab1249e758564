import BenchCore
import BenchTestSupport
import Foundation
import Testing

@Suite struct CLIErrorTests {
    func expectUsageError(_ arguments: [String], mentioning words: [String]) throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run(arguments + ["--out", folder.appendingPathComponent("out").path])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one sentence on stderr, got: \(outcome.stderr)")
        for word in words { #expect(outcome.stderr.contains(word), "stderr lacks \(word): \(outcome.stderr)") }
        #expect(outcome.stdout.isEmpty)
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "no output left behind")
    }

    @Test func unknownWorkloadExits64AndNamesTheValidOnes() throws {
        try expectUsageError(["--workload", "nope"], mentioning: ["nope", "cpu", "io"])
    }

    @Test func unknownModelExits64AndNamesTheValidOnes() throws {
        try expectUsageError(["--models", "fibers"], mentioning: ["fibers", "threads", "event-loop"])
    }

    @Test func zeroCoresExits64() throws {
        try expectUsageError(["--cores", "0"], mentioning: ["--cores"])
    }

    @Test func negativeTasksExits64() throws {
        try expectUsageError(["--tasks", "-3"], mentioning: ["--tasks -3", "out of range"])
    }

    @Test func taskTooShortToMeasureExits64() throws {
        try expectUsageError(["--task-ms", "0.01"], mentioning: ["--task-ms", "at least"])
    }

    @Test func notANumberExits64() throws {
        try expectUsageError(["--repetitions", "many"], mentioning: ["--repetitions"])
    }

    @Test func unwritableOutputFolderExits64() throws {
        let outcome = try BenchBinary.run(["--workload", "io", "--out", "/proc/bench-nowhere"])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("/proc/bench-nowhere"))
    }

    @Test func listNamesEveryWorkloadAndModel() throws {
        let outcome = try BenchBinary.run(["list"])
        #expect(outcome.status == 0)
        for name in WorkloadCatalog.names + ModelKind.allCases.map(\.rawValue) {
            #expect(outcome.stdout.contains(name))
        }
    }
}

@Suite struct EndToEndTests {
    /// The per-sample CSV's rows of named fields.
    func rows(_ csv: String) -> [[String: String]] { csvRows(csv) }

    @Test func tinyRunWritesACompleteCSVAndReportAndThreadsBeatSerialOnWaiting() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try BenchBinary.run([
            "run", "--workload", "io,cpu", "--cores", "2", "--tasks", "4",
            "--task-ms", "5", "--repetitions", "2", "--warmup", "0",
            "--out", folder.path, "--quiet",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty && outcome.stderr.isEmpty, "--quiet prints nothing")

        let csv = try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8)
        let samples = rows(csv)
        #expect(samples.count == 2 * ModelKind.defaults.count * 2)  // workloads × models × repetitions
        #expect(Set(samples.map { $0["model"]! }) == Set(ModelKind.defaults.map(\.rawValue)))
        #expect(samples.allSatisfy { $0["status"] == "ok" && Double($0["wall_s"]!)! > 0 })
        #expect(samples.allSatisfy { $0.count == CSVFormatter.columns.count })

        // Waiting overlaps on threads: 4 tasks of 5 ms take ~10 ms on 2 threads against ~20 ms
        // serially. Compare medians, loosely, so a loaded machine cannot make this flake.
        func medianWall(_ model: String) -> Double {
            Stats.median(
                samples.filter { $0["workload"] == "io" && $0["model"] == model }.map { Double($0["wall_s"]!)! })!
        }
        #expect(medianWall("threads") < medianWall("serial"))

        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## Verdict"))
        #expect(report.contains("## cpu") && report.contains("## io"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(leftovers == ["report.md", "results.json", "samples.csv", "summary.csv"])
    }

    @Test func runIsTheDefaultSubcommandAndStdoutTakesTheCSV() throws {
        let outcome = try BenchBinary.run([
            "--workload", "io", "--cores", "2", "--tasks", "2", "--task-ms", "2",
            "--repetitions", "1", "--warmup", "0", "--models", "threads",
            "--csv", "-", "--markdown", "/dev/null", "--json", "/dev/null",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let samples = rows(outcome.stdout)
        #expect(samples.map { $0["model"]! } == ["serial", "threads"])
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial, "writing a report to /dev/null must leave the device alone")
    }
}

@Suite struct WorkloadFileCLITests {
    @Test func aWorkloadFileRunsWithFlagsOverridingItsValues() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("waits.yaml")
        try Data("kind: io\ntasks: 3\ntask_ms: 2\nmodels: [event-loop]\nrepetitions: 1\nwarmup: 0\ntrace: true\n".utf8)
            .write(to: file)
        let outcome = try BenchBinary.run([
            "--workload", file.path, "--tasks", "4", "--out", folder.appendingPathComponent("out").path,
            "--isolation", "none", "--quiet",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let csv = try String(contentsOf: folder.appendingPathComponent("out/samples.csv"), encoding: .utf8)
        #expect(csv.contains("waits,io,event-loop,2,4,2,"), "the file's name and values, with --tasks 4 overriding 3")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/trace.json").path))
    }

    @Test func aMalformedWorkloadFileExits64NamingFileAndField() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try Data("kind: io\nrepetitons: 3\n".utf8).write(to: file)
        let outcome = try BenchBinary.run(["--workload", file.path])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("bad.yaml") && outcome.stderr.contains("'repetitons'"))
    }
}
