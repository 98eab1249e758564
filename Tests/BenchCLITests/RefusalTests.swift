import BenchCore
import Foundation
import Testing

/// Nothing asked for is silently ignored: an option that cannot take effect under the others, an
/// empty list, a negative threshold or a missing file is refused with a sentence naming the real
/// input and cause, exit 64, before anything runs.
@Suite struct RefusalTests {
    @Test(arguments: [
        (["--models", ""], "--models '' has an empty model name"),
        (["--models", ","], "--models ',' has an empty model name"),
        (["--allocator", ""], "--allocator '' has an empty allocator name"),
        (["--timeout", "2", "--isolation", "none"], "--timeout needs --isolation process"),
        (["--workload", "cpu", "--io-fraction", "0.5"], "--io-fraction applies to the mixed workload only"),
        (["--workload", "cpu", "--seed", "3"], "--seed orders a random run only"),
        (["--workload", "cpu", "--io-kind", "file"], "--io-kind sets how io and mixed tasks wait"),
        (["--workload", "io", "--file-bytes", "10"], "--file-bytes applies to --io-kind file only"),
        (
            ["--workload", "cpu", "--alloc-objects", "5"],
            "--alloc-objects and --alloc-bytes apply to the alloc workload only"
        ),
        (["--workload", "noop", "--task-ms", "5"], "--task-ms does not apply to noop"),
        (
            ["--repetitions", "5", "--target-ci", "1"],
            "--target-ci, --max-repetitions and --stop apply to --repetitions auto"
        ),
        (["--repetitions", "many"], "--repetitions 'many' is neither 'auto' nor a whole number"),
        (["--target-ci", "0"], "--target-ci 0% is out of range"),
        (["--baseline", "guessed"], "--baseline 'guessed' is not a mode"),
        (["--runtime", "ruby"], "Unknown runtime 'ruby'"),
        (["--runtime", "python", "--allocator", "system,jemalloc"], "CPython cells run under CPython's own allocator"),
        (["--workload", "alloc", "--runtime", "python"], "--runtime python has nothing to run"),
        (
            ["--workload", "mixed", "--io-fraction", "0", "--io-kind", "file"],
            "at --io-fraction 0 this run's tasks never wait"
        ),
        (["--models", "serial", "--cores", "4"], "this run measures serial only"),
        (["--workload", "missing/x.yaml"], "--workload missing/x.yaml: no such file"),
        (["sweep", "--workload", "cpu", "--io-fraction", "0.5"], "--io-fraction applies to the mixed workload only"),
        (["compare", "a", "b", "--threshold", "-5%"], "--threshold '-5%' is out of range"),
    ])
    func anOptionThatCannotTakeEffectIsRefused(arguments: [String], message: String) throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = arguments.first == "compare" ? [] : ["--out", folder.path]
        let outcome = try BenchBinary.run(arguments + output + ["--quiet"].filter { _ in arguments.first != "compare" })
        #expect(outcome.status == ExitStatus.usage.rawValue, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one sentence")
        #expect((try FileManager.default.contentsOfDirectory(atPath: folder.path)).isEmpty, "nothing written")
    }

    @Test func aWorkloadFileValueOutOfRangeNamesTheFileAndField() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.yaml")
        try Data("kind: cpu\ncores: 2000000\n".utf8).write(to: file)
        let outcome = try BenchBinary.run([
            "--workload", file.path, "--quiet", "--out", folder.appendingPathComponent("out").path,
        ])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(
            outcome.stderr.contains(
                "\(file.path): field 'cores' expects a whole number from 1 to 1000000, found '2000000'")
        )
        #expect(!outcome.stderr.contains("--cores"), "no flag was given")
    }
}
