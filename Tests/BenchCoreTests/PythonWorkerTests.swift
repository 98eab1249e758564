import BenchCore
import Foundation
import Testing

/// The CPython worker, driven through bench's own runner: its protocol, its kernel (step for step
/// Swift's), each Python model's checksum, and its failures as failed or timed-out samples.
/// scripts/setup installs python3, so these run (and must pass) wherever the tests do.
@Suite struct PythonWorkerTests {
    /// The interpreter on PATH, checked; nil when there is none (every test then fails).
    static let python: String? = try? PythonInterpreter.locate(nil).executable

    /// A CPython sample request for `workload` under `model`.
    static func request(
        _ spec: WorkloadSpec, model: ModelKind, workers: Int = 3, tasks: Int = 12, timeline: Bool = false
    ) -> SampleRequest {
        var spec = spec
        spec.runtime = .python
        var request = SampleRequest(
            workload: spec, model: model, workers: workers, tasks: tasks, repetition: 1, coresAvailable: 2)
        request.interpreter = python
        request.recordTimeline = timeline
        return request
    }

    /// What Swift computes for `tasks` tasks of `iterations` kernel steps, folded as a sample folds them.
    static func swiftChecksum(tasks: Int, iterations: Int) -> UInt64 {
        let log = TaskLog(count: tasks)
        for index in 0..<tasks {
            log.run(index) { HashChainKernel.run(iterations: iterations, seed: HashChainKernel.seed(forTask: index)) }
        }
        return log.combinedChecksum
    }

    static let pythonModels: [ModelKind] = [.serial, .threads, .processes, .spawn, .eventLoop, .asyncBlocking]

    @Test func cPythonsKernelComputesTheSameChainAsSwifts() throws {
        for (iterations, seed) in [(0, 1), (1, 1), (1000, 5), (12345, UInt64.max)] {
            let value = try PythonInterpreter.kernel(Self.python!, iterations: iterations, seed: seed)
            #expect(value == HashChainKernel.run(iterations: iterations, seed: seed))
        }
    }

    @Test func theInterpreterDescribesItselfForTheFingerprint() throws {
        let info = try PythonInterpreter.locate(nil)
        #expect(info.implementation == "cpython")
        #expect(info.majorMinor.map { $0 >= PythonInterpreter.minimumVersion } == true)
        #expect(["fork", "forkserver", "spawn"].contains(info.startMethod))
        #expect(CPythonBackend().fingerprint(info).value.contains("CPython \(info.version)"))
    }

    @Test func calibrationMeasuresCPythonsOwnSpeed() throws {
        let calibration = try PythonInterpreter.calibrate(Self.python!, trialSeconds: 0.01, trials: 2)
        #expect(calibration.iterationsPerSecond > 1_000)
        #expect(
            calibration.iterationsPerSecond < Calibration.measure(trialSeconds: 0.01, trials: 2).iterationsPerSecond)
    }

    @Test(arguments: pythonModels)
    func everyPythonModelComputesSwiftsChecksumForTheSameIterations(model: ModelKind) throws {
        let spec = WorkloadSpec(name: "cpu", shape: .compute(taskSeconds: 0.001, iterations: 2_000))
        let sample = try PythonSampleRunner(timeoutSeconds: 60).run(Self.request(spec, model: model, timeline: true))
        #expect(sample.status == .ok, "\(sample.failureReason ?? "")")
        #expect(sample.checksum == Self.swiftChecksum(tasks: 12, iterations: 2_000))
        #expect(sample.cell.runtime == .python)
        #expect(sample.wallSeconds > 0)
        #expect(sample.cpuSeconds > 0)
        #expect(sample.latency != nil)
        #expect(sample.timeline?.count == 12)
        if model == .processes { #expect(sample.startupSeconds != nil, "the pool's start-up is timed apart") }
    }

    @Test func fileAndSocketTasksAgreeAcrossPythonModels() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        for ioKind in [IOKind.file, .socket] {
            let spec = WorkloadSpec(
                name: "io",
                shape: .wait(taskSeconds: 0.002, io: IOSpec(kind: ioKind, fileBytes: 4096, socketPort: server.port)))
            var checksums: Set<UInt64> = []
            for model in Self.pythonModels {
                let sample = try PythonSampleRunner(timeoutSeconds: 60).run(Self.request(spec, model: model))
                #expect(sample.status == .ok, "\(ioKind) \(model): \(sample.failureReason ?? "")")
                checksums.insert(sample.checksum)
            }
            #expect(checksums.count == 1, "\(ioKind): \(checksums)")
            #expect(checksums.first != 0, "the data came back and was checked")
        }
    }

    @Test func wakingWaitsOverlapOnThreadsAndTheEventLoopButNotWhenBlockedInside() throws {
        let spec = WorkloadSpec(name: "io", shape: .wait(taskSeconds: 0.05, io: IOSpec()))
        func wall(_ model: ModelKind) throws -> Double {
            let sample = try PythonSampleRunner(timeoutSeconds: 60).run(
                Self.request(spec, model: model, workers: 8, tasks: 8))
            #expect(sample.status == .ok, "\(sample.failureReason ?? "")")
            return sample.wallSeconds
        }
        // Eight 50 ms waits: about 50 ms when they overlap, about 400 ms when they cannot.
        #expect(try wall(.threads) < 0.3)
        #expect(try wall(.eventLoop) < 0.3)
        #expect(try wall(.asyncBlocking) > 0.35)
    }

    @Test func aModelWithoutACPythonCounterpartIsAFailedSampleNotAFake() throws {
        let spec = WorkloadSpec(name: "cpu", shape: .compute(taskSeconds: 0.001, iterations: 10))
        let sample = try PythonSampleRunner(timeoutSeconds: 30).run(Self.request(spec, model: .async))
        #expect(sample.status == .failed)
        #expect(sample.failureReason?.contains("no CPython counterpart") == true)
    }

    @Test func aWorkerThatOverrunsTheTimeoutIsKilledAndTimedOut() throws {
        let spec = WorkloadSpec(name: "io", shape: .wait(taskSeconds: 5, io: IOSpec()))
        let began = Date()
        let sample = try PythonSampleRunner(timeoutSeconds: 1).run(Self.request(spec, model: .serial, tasks: 2))
        #expect(sample.status == .timedOut)
        #expect(Date().timeIntervalSince(began) < 4.5, "killed at the timeout, not after the tasks")
    }

    @Test func aMissingInterpreterIsAUsageErrorThatSaysHowToInstallOne() {
        #expect(throws: BenchError.self) { try PythonInterpreter.locate("/nonexistent/python3") }
        do {
            _ = try PythonInterpreter.locate("/bin/true")
            Issue.record("/bin/true was taken for CPython")
        } catch let error as BenchError {
            #expect(error.exitStatus == .usage)
            #expect(error.description.contains("apt-get install python3"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
