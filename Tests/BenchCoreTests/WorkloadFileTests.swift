import Foundation
import Testing

@testable import BenchCore

@Suite struct WorkloadFileTests {
    func message(_ yaml: String) -> String? {
        do {
            _ = try WorkloadFile.parse(yaml, path: "workloads/x.yaml")
            return nil
        } catch {
            return (error as? BenchError)?.description ?? "unexpected \(error)"
        }
    }

    @Test func aCompleteFileParsesEveryField() throws {
        let file = try WorkloadFile.parse(
            """
            # a comment
            name: demo
            description: "a demo"
            kind: mixed
            tasks: 16
            task_ms: 20
            io_fraction: 0.25
            io_kind: sleep
            models: [threads, event-loop]
            cores: 4
            repetitions: 7
            warmup: 0
            trace: true
            """, path: "workloads/demo.yaml")
        #expect(
            file
                == WorkloadFile(
                    name: "demo", description: "a demo", kind: .mixed, tasks: 16, taskMilliseconds: 20,
                    ioFraction: 0.25, ioKind: "sleep", models: [.threads, .eventLoop], cores: 4,
                    repetitions: 7, warmup: 0, trace: true))
    }

    @Test func theNameDefaultsToTheFileName() throws {
        #expect(try WorkloadFile.parse("kind: io", path: "workloads/waits.yaml").name == "waits")
    }

    @Test func anUnknownKeyIsAnErrorNamingFileAndKey() throws {
        let text = try #require(message("kind: io\ntask_sm: 5\n"))
        #expect(text.contains("workloads/x.yaml") && text.contains("unknown field 'task_sm'"))
    }

    @Test func aNegativeIoFractionNamesTheFieldAndTheRange() throws {
        let text = try #require(message("kind: mixed\nio_fraction: -0.5\n"))
        #expect(text.contains("workloads/x.yaml") && text.contains("'io_fraction'") && text.contains("0 to 1"))
    }

    @Test func malformedYAMLIsRejectedWithTheFile() throws {
        let text = try #require(message("kind: [io\n"))
        #expect(text.contains("workloads/x.yaml is not valid YAML"))
    }

    @Test func wrongTypesAndMissingKindAreRejected() {
        #expect(message("kind: io\ntasks: many\n")?.contains("'tasks'") == true)
        #expect(message("kind: gpu\n")?.contains("'kind'") == true)
        #expect(message("tasks: 3\n")?.contains("'kind' is missing") == true)
        #expect(message("kind: io\nmodels: [fibers]\n")?.contains("'models'") == true)
        #expect(message("kind: cpu\nio_fraction: 0.5\n")?.contains("mixed only") == true)
        #expect(message("- just\n- a list\n")?.contains("must be a mapping") == true)
    }

    @Test func everyShippedWorkloadFileParses() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../workloads"
        ).standardized.path
        let files = WorkloadFile.all(in: folder)
        #expect(files.count >= 4)
        #expect(Set(files.map(\.file.name)).isSuperset(of: ["seed-threads", "seed-processes", "seed-coroutines"]))
    }

    @Test func aBillionLaughsFileIsRefusedBeforeItExpands() throws {
        // 9 levels of 9 aliases: 352 bytes that expand to 9^9 strings.
        var lines = ["a: &a [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let started = Date()
        #expect(throws: BenchError.self) { try WorkloadFile.parse(lines.joined(separator: "\n"), path: "bomb.yaml") }
        #expect(
            Date().timeIntervalSince(started) < 5, "refused without expanding (generous bound for a loaded machine)")
    }

    @Test func aWideAliasFileIsRefusedByItsExpandedSize() throws {
        // Shallow but wide: 4 levels of 40 aliases.
        var lines = ["a: &a [" + Array(repeating: "x", count: 40).joined(separator: ", ") + "]"]
        for (previous, name) in zip("abc", "bcd") {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 40).joined(separator: ", ") + "]")
        }
        do {
            _ = try WorkloadFile.parse(lines.joined(separator: "\n"), path: "wide.yaml")
            Issue.record("expected a refusal")
        } catch let error as BenchError {
            #expect(error.description.contains("expands to more than 1000 YAML values"))
        }
    }

    @Test func anOversizedFileIsRefused() throws {
        let text = "kind: cpu\n# " + String(repeating: "x", count: 70_000) + "\n"
        #expect(throws: BenchError.self) { try WorkloadFile.parse(text, path: "big.yaml") }
    }
}
