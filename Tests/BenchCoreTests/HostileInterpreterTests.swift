import BenchCore
import Foundation
import Testing

/// Every byte from an interpreter is untrusted: a fake one that answers bench's protocol with
/// hostile values gets a failed sample or a refused calibration, never a trap or a huge allocation.
@Suite struct HostileInterpreterTests {
    /// A fake interpreter: a Python script that reads bench's request on fd 3 and answers on fd 4
    /// with `answer` (Python statements using `out`, a binary file on fd 4, `line(value)`, and `t`,
    /// bench's monotonic clock when the request arrived).
    static func fake(_ answer: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("python3").path
        let script = """
            #!/usr/bin/env python3
            import json, os, struct, sys, time
            requests = os.fdopen(3, "rb")
            out = os.fdopen(4, "wb", buffering=0)
            def now():
                return time.monotonic_ns()
            def line(value):
                out.write((json.dumps(value) if not isinstance(value, str) else value).encode() + b"\\n")
            request = json.loads(requests.readline())
            t = now()
            \(answer.split(separator: "\n").joined(separator: "\n"))
            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }

    /// Runs `body`, again while the fake just written is still "busy" (ETXTBSY: another test's
    /// process, forked while the file was open for writing, still holds that descriptor).
    static func retryingBusy<T>(_ body: () throws -> T) throws -> T {
        for _ in 0..<50 {
            do { return try body() } catch let error as SystemCallError where error.errno == ETXTBSY {
                usleep(100_000)
            }
        }
        return try body()
    }

    static func sample(_ answer: String, tasks: Int = 2) throws -> Sample {
        var request = SampleRequest(
            workload: WorkloadSpec(name: "io", shape: .wait(taskSeconds: 0.001, io: IOSpec()), runtime: .python),
            model: .serial, workers: 1, tasks: tasks, repetition: 1, coresAvailable: 2)
        request.interpreter = try fake(answer)
        return try retryingBusy { try PythonSampleRunner(timeoutSeconds: 20).run(request) }
    }

    /// Says ready, waits for go, then answers `figures` (a JSON text) and `table` (bytes).
    static func answering(_ figures: String, table: String = "b''") -> String {
        """
        line({"ready": True})
        requests.readline()
        line(\(figures))
        out.write(\(table))
        """
    }

    /// The worker's table: each task's start, end, lane and checksum, and its wait (none here).
    static func table(_ rows: String) -> String {
        "b''.join(struct.pack('<7Q', *row, 0, 0, 0) for row in \(rows))"
    }

    @Test(arguments: [
        ("an endless line", "out.write(b'0' * (8 << 20))", "a line of more than 1048576 bytes"),
        ("a huge wall time", answering("'{\"began_ns\": 1, \"wall_ns\": 1e300, \"tasks\": 2}'"), "cannot read"),
        ("a negative wall time", answering("'{\"began_ns\": 1, \"wall_ns\": -5, \"tasks\": 2}'"), "cannot read"),
        ("a NaN wall time", answering("'{\"began_ns\": 1, \"wall_ns\": NaN, \"tasks\": 2}'"), "cannot read"),
        (
            "a count of a trillion tasks", answering("{\"began_ns\": 1, \"wall_ns\": 5, \"tasks\": 10**12}"),
            "CPython worker"
        ),
        (
            "a zero wall time",
            answering(
                "{\"began_ns\": t - 1000, \"wall_ns\": 0, \"tasks\": 2}",
                table: table("[(t - 900, t - 800, 1, 0), (t - 700, t - 600, 1, 0)]")),
            "a wall time of 0 ns"
        ),
        (
            "a task that ends before it starts",
            answering(
                "{\"began_ns\": t - 1000, \"wall_ns\": 900, \"tasks\": 2}",
                table: table("[(t - 500, t - 900, 1, 0), (t - 400, t - 300, 1, 0)]")),
            "task 0 ending"
        ),
    ])
    func aHostileAnswerIsAFailedSampleNamingWhatArrived(what: String, answer: String, reason: String) throws {
        let sample = try Self.sample(answer)
        #expect(sample.status == .failed, "\(what)")
        #expect(sample.failureReason?.contains(reason) == true, "\(what): \(sample.failureReason ?? "")")
    }

    @Test func aCalibrationNoMachineRunsIsRefusedWithWhatArrived() throws {
        let python = try Self.fake("line({\"iterations_per_second\": 1e300, \"trials\": 5})")
        #expect {
            try Self.retryingBusy { try PythonInterpreter.calibrate(python) }
        } throws: { error in
            (error as? BenchError)?.description.contains("answered a calibration of 1e+300") == true
        }
        let zero = try Self.fake("line({\"iterations_per_second\": 0, \"trials\": 0})")
        #expect(throws: BenchError.self) { try Self.retryingBusy { try PythonInterpreter.calibrate(zero) } }
    }
}
