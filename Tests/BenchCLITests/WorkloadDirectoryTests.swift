import BenchCore
import Foundation
import Testing

/// Workload files are found from any folder, in a documented order, and a miss says where bench looked.
@Suite struct WorkloadDirectoryTests {
    @Test func theCheckoutsWorkloadsAreFoundFromAnotherFolder() throws {
        let elsewhere = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let list = try BenchBinary.run(["list"], in: elsewhere)
        #expect(list.stdout.contains("seed-threads"))
        let run = try BenchBinary.run(
            [
                "--workload", "seed-threads", "--simulate", "2", "--repetitions", "1", "--warmup", "0", "--quiet",
                "--out", elsewhere.appendingPathComponent("out").path,
            ], in: elsewhere)
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }

    @Test func aFolderGivenWithTheFlagIsSearchedFirst() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("name: mine\nkind: io\ntasks: 2\ntask_ms: 5\n".utf8).write(
            to: folder.appendingPathComponent("mine.yaml"))
        let list = try BenchBinary.run(["list", "--workloads-dir", folder.path])
        #expect(list.stdout.contains("mine"))
        let run = try BenchBinary.run(
            [
                "--workload", "mine", "--workloads-dir", folder.path, "--simulate", "2", "--repetitions", "1",
                "--warmup", "0",
                "--quiet", "--out", folder.appendingPathComponent("out").path,
            ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }

    @Test func aMissingNameSaysWhereBenchLooked() throws {
        let outcome = try BenchBinary.run(["--workload", "nope", "--workloads-dir", "/tmp/bench-no-such-folder"])
        #expect(outcome.status == ExitStatus.usage.rawValue)
        #expect(outcome.stderr.contains("looked for in /tmp/bench-no-such-folder, workloads"))
    }
}

@Suite struct WorkloadSearchPathTests {
    @Test func theOrderIsFlagThenEnvironmentThenHereThenTheCheckout() {
        let folders = WorkloadDirectory.searchPath(
            explicit: "/a", environment: ["BENCH_WORKLOADS": "/b"], executable: "/nowhere/bin/bench")
        #expect(folders == ["/a", "/b", "workloads"])
    }
}
