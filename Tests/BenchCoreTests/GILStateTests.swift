import Foundation
import Testing

@testable import BenchCore

/// Free-threaded builds and several interpreters: detection, the GIL as a cell dimension, the
/// refusals, the same interpreter named twice, and the GIL state handed to every process.
@Suite struct GILStateTests {
    static let machine = MachineFacts(coresAvailable: 2, usableCPUs: 2)

    /// A free-threaded 3.13 as its probe describes it, the GIL off as it starts.
    static let freeThreaded = InterpreterInfo(
        version: "3.13.0", executable: "/opt/python3.13t", freeThreadedBuild: true, gilEnabled: false)
    /// A build with a GIL.
    static let withGIL = InterpreterInfo(version: "3.11.7", executable: "/usr/bin/python3.11")

    /// Settings for `flags` (CPython), every interpreter described by `interpreters` by name.
    static func resolve(_ interpreters: [String: InterpreterInfo], _ change: (inout SettingsInput) -> Void) throws
        -> Settings
    {
        var flags = SettingsInput()
        flags.runtimes = "python"
        flags.workloads = "cpu"
        change(&flags)
        var resolver = SettingsResolver(.run, flags: flags, machine: machine)
        resolver.locate = { _, given in
            guard let found = interpreters[given ?? "python3"] else {
                throw BenchError.usage("--python \(given ?? ""): no such executable")
            }
            return found
        }
        return try resolver.resolve()
    }

    static func refusal(_ interpreters: [String: InterpreterInfo], _ change: (inout SettingsInput) -> Void) -> String? {
        do {
            _ = try resolve(interpreters, change)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theWorkersDescriptionOfAFreeThreadedBuildIsReadAsOne() throws {
        let answer = """
            {"implementation": "cpython", "version": "3.13.0", "build": "main", "compiler": "GCC",
             "executable": "/opt/python3.13t", "free_threaded_build": true, "gil_enabled": false,
             "start_method": "fork", "start_methods": ["fork", "spawn", "forkserver"], "subinterpreters": "_interpreters"}
            """
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let info = try decoder.decode(InterpreterInfo.self, from: Data(answer.utf8))
        #expect(info.freeThreadedBuild && !info.gilEnabled)
        #expect(info.label == "3.13.0t", "CPython's own t for a free-threaded build")
        #expect(CPythonBackend().fingerprint(info).value.contains("free-threaded (GIL disabled)"))
    }

    @Test(.enabled(if: (try? PythonInterpreter.locate(nil)) != nil, "needs python3"))
    func aBuildWithAGILIsDetectedAsOne() throws {
        let info = try PythonInterpreter.locate(nil)
        #expect(!info.freeThreadedBuild, "python3 here is a default build (sysconfig Py_GIL_DISABLED is 0)")
        #expect(info.gilEnabled)
        #expect(info.label == info.version)
    }

    @Test func gilOnAndOffAreTwoFamiliesOfTheSameInterpreterEachWithItsOwnSerial() throws {
        let settings = try Self.resolve(["python3": Self.freeThreaded]) {
            $0.gilStates = "on,off"
            $0.models = "threads"
        }
        #expect(settings.configuration.gilStates == [.on, .off])
        let preparation = Preparation(
            calibrations: [
                RuntimeInstance(.python, interpreter: "3.13.0t"): Calibration(iterationsPerSecond: 1e6, trials: 1)
            ],
            interpreters: settings.interpreters)
        let cells = Planner(configuration: settings.configuration, preparation: preparation).run().flatMap { $0 }
        #expect(cells.count == 4, "serial and threads, under each GIL state")
        #expect(Set(cells.map(\.cell.gil)) == [.on, .off])
        #expect(cells.allSatisfy { $0.cell.interpreter == "3.13.0t" && $0.spec.gil == $0.cell.gil })
        #expect(Set(cells.map(\.cell.baseline)).count == 2, "each state its own serial baseline")
        #expect(cells.allSatisfy { $0.request.interpreter == "/opt/python3.13t" && $0.request.gil == $0.cell.gil })
    }

    @Test func aFreeThreadedBuildWithoutGILRecordsTheStateItStartsIn() throws {
        let settings = try Self.resolve(["python3": Self.freeThreaded]) { _ in }
        let preparation = Preparation(interpreters: settings.interpreters)
        let cells = Planner(configuration: settings.configuration, preparation: preparation).run().flatMap { $0 }
        #expect(!cells.isEmpty && cells.allSatisfy { $0.cell.gil == .off })
        #expect(cells.allSatisfy { $0.request.gil == nil }, "the build's own default is left to it, not forced")
    }

    @Test func aBuildWithAGILHasNoGILDimension() throws {
        let settings = try Self.resolve(["python3": Self.withGIL]) { _ in }
        let cells = Planner(
            configuration: settings.configuration, preparation: Preparation(interpreters: settings.interpreters)
        )
        .run().flatMap { $0 }
        #expect(!cells.isEmpty && cells.allSatisfy { $0.cell.gil == nil && $0.cell.interpreter == "3.11.7" })
    }

    @Test func gilOffOnABuildWithAGILIsRefusedWithASentence() {
        let refusal = Self.refusal(["python3": Self.withGIL]) { $0.gilStates = "off" }
        #expect(
            refusal?.contains("--gil off chooses the GIL of a free-threaded CPython build") == true, "\(refusal ?? "")")
        #expect(refusal?.contains("/usr/bin/python3.11 (CPython 3.11.7) is a build with a GIL") == true)
        #expect(
            Self.refusal(["python3": Self.freeThreaded]) { $0.gilStates = "on,maybe" }?.contains(
                "--gil 'maybe' is not a GIL state") == true)
        #expect(
            Self.refusal(["python3": Self.freeThreaded]) {
                $0.runtimes = "swift"
                $0.gilStates = "off"
            }?.contains("add --runtime python") == true)
    }

    @Test func withSeveralInterpretersGILStatesApplyToTheFreeThreadedOnesAndTheReportSaysSo() throws {
        let settings = try Self.resolve(["python3": Self.withGIL, "python3.13t": Self.freeThreaded]) {
            $0.interpreters[.python] = "python3,python3.13t"
            $0.gilStates = "on,off"
        }
        #expect(settings.interpreters.count == 2)
        let notes = Runtime.skipped(settings.configuration, interpreters: settings.interpreters)
        #expect(notes.contains { $0.contains("CPython 3.11.7 is a build with a GIL and ran with it") }, "\(notes)")
    }

    @Test func theSameInterpreterNamedTwiceIsProbedAndMeasuredOnce() throws {
        let settings = try Self.resolve(["python3": Self.withGIL, "/usr/bin/python3.11": Self.withGIL]) {
            $0.interpreters[.python] = "python3,/usr/bin/python3.11,python3"
        }
        #expect(settings.interpreters.count == 1)
        #expect(settings.configuration.interpreters[.python]?.count == 1)
    }

    @Test func twoDifferentInterpretersOfOneVersionAreRefusedForTheyWouldMakeTheSameCells() {
        var other = Self.withGIL
        other.executable = "/opt/other/python3.11"
        let refusal = Self.refusal(["python3": Self.withGIL, "/opt/other/python3.11": other]) {
            $0.interpreters[.python] = "python3,/opt/other/python3.11"
        }
        #expect(refusal?.contains("both CPython 3.11.7") == true, "\(refusal ?? "")")
    }

    @Test func aPathWithACommaInItIsOneInterpreterNotTwo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench a,b \(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("python3").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8)))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        let settings = try Self.resolve([path: Self.withGIL]) { $0.interpreters[.python] = ListSetting(path) }
        #expect(settings.interpreters.count == 1)
        #expect(
            Self.refusal([:]) { $0.interpreters[.python] = "" }?.contains("--python '' names no interpreter") == true)
    }

    @Test func anEmptyInterpreterInTheListIsRefused() {
        #expect(
            Self.refusal(["python3": Self.withGIL]) { $0.interpreters[.python] = "python3,,python3" }?.contains(
                "has an empty interpreter") == true)
    }

    @Test func aWorkloadFilesInterpreterThisMachineLacksIsLeftOutAndNamed() throws {
        var file = try WorkloadFile.parse(
            "kind: io\nruntime: python\npython: [python3, /nowhere/python3.99]\n", path: "/tmp/w.yaml")
        file.name = "w"
        var flags = SettingsInput()
        flags.workloads = "w"
        var resolver = SettingsResolver(.run, flags: flags, file: file, machine: Self.machine)
        resolver.locate = { _, given in
            guard given == "python3" else { throw BenchError.usage("--python \(given ?? ""): no such executable") }
            return Self.withGIL
        }
        let settings = try resolver.resolve()
        #expect(settings.interpreters.count == 1)
        #expect(settings.configuration.interpreterNotes.first?.contains("/nowhere/python3.99") == true)
        #expect(Runtime.skipped(settings.configuration).contains { $0.contains("was not measured") })
    }

    @Test func aSampleWhoseGILCameBackOnIsNamedInTheReport() {
        var cell = Cell(workload: "cpu", kind: .cpu, model: .threads, workers: 2, tasks: 4, taskSeconds: 0.05)
        cell.runtime = .python
        cell.interpreter = "3.13.0t"
        cell.gil = .off
        var sample = Sample.unmeasured(
            SampleRequest(
                cell: cell, workload: WorkloadSpec(name: "cpu", shape: .noop), repetition: 1, coresAvailable: 2),
            startedAt: Date(), status: .ok, reason: "")
        sample.gilEnabled = false
        #expect(MarkdownFormatter.capacityWarnings([sample]).isEmpty)
        sample.gilEnabled = true
        #expect(
            MarkdownFormatter.capacityWarnings([sample]).first?.contains("The GIL came back on in 1 sample") == true)
    }

    /// A function that fails its call unless this process was asked for the GIL off.
    static let probe = """
        import os

        def asked_gil_off(index):
            if os.environ.get("PYTHON_GIL") != "0":
                raise RuntimeError("PYTHON_GIL is %r in process %d" % (os.environ.get("PYTHON_GIL"), os.getpid()))
            return index
        """

    @Test(.enabled(if: PythonWorkerTests.python != nil, "needs python3"))
    func theGILStateReachesEveryProcessOfASampleUnderEveryModelAndStartMethod() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-gil-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("gilprobe.py")
        try Self.probe.write(to: file, atomically: true, encoding: .utf8)
        let python = PythonWorkerTests.python!
        let task = try PythonInterpreter.describe(
            UserTask(
                language: .python, reference: "\(file.path):asked_gil_off", qualifiedName: "gilprobe:asked_gil_off"),
            python: python)
        let cases: [(ModelKind, String?)] = [
            (.serial, nil), (.threads, nil), (.eventLoop, nil), (.processes, "fork"), (.processes, "forkserver"),
            (.processes, "spawn"), (.spawn, "spawn"),
        ]
        for (model, method) in cases {
            var request = PythonWorkerTests.request(
                WorkloadSpec(name: "asked_gil_off", shape: .user(task)), model: model, workers: 2, tasks: 4)
            request.cell.startMethod = method
            request.cell.gil = .off
            request.gil = .off
            let sample = try PythonSampleRunner(timeoutSeconds: 60).run(request)
            #expect(sample.status == .ok, "\(model) \(method ?? ""): \(sample.failureReason ?? "")")
            // A build with a GIL ignores the request, and the sample says the GIL was on.
            #expect(sample.gilEnabled == true)
            request.cell.gil = nil
            request.gil = nil
            let plain = try PythonSampleRunner(timeoutSeconds: 60).run(request)
            #expect(
                plain.status == .failed,
                "without --gil nothing is handed on: \(model) \(method ?? ""): \(plain.failureReason ?? "")")
            #expect(plain.gilEnabled == nil)
        }
    }

    @Test func gilArgumentsAndEnvironmentAreBothOrNeither() {
        #expect(PythonProcess.gilArguments(.off) == ["-X", "gil=0"])
        #expect(PythonProcess.gilEnvironment(.on) == ["PYTHON_GIL": "1"])
        #expect(PythonProcess.gilArguments(nil).isEmpty && PythonProcess.gilEnvironment(nil).isEmpty)
    }
}

/// The runtime section's comparisons between interpreters, from samples of known times.
@Suite struct InterpreterComparisonTests {
    static func sample(_ model: ModelKind, interpreter: String, gil: GILState?, wall: Double, repetition: Int) -> Sample
    {
        var sample = ReportFixtures.sample("cpu", .cpu, model, repetition: repetition, wall: wall, cpu: wall)
        sample.cell.runtime = .python
        sample.cell.interpreter = interpreter
        sample.cell.gil = gil
        return sample
    }

    static func analysis(_ samples: [Sample], calibrations: [RuntimeInstance: Calibration]) -> RunAnalysis {
        var configuration = RunConfiguration(
            workloads: ["cpu"], models: [.serial, .threads], workers: 2, tasks: 8, repetitions: 7, coresAvailable: 2)
        configuration.runtimes = [.python]
        var machine = ReportFixtures.machine
        for instance in calibrations.keys {
            machine.interpreters[instance] = InterpreterInfo(
                version: String(instance.interpreter!.prefix { $0 != "t" }), executable: "/opt/\(instance)",
                freeThreadedBuild: instance.interpreter!.hasSuffix("t"),
                gilEnabled: !instance.interpreter!.hasSuffix("t"))
        }
        return RunAnalysis(
            RunResult(
                configuration: configuration, machine: machine, calibrations: calibrations, workloads: [],
                samples: samples, startedAt: ReportFixtures.start))
    }

    @Test func aFreeThreadedBuildsSingleThreadCostIsItsSerialWithTheGILOffAgainstOn() throws {
        let instance = RuntimeInstance(.python, interpreter: "3.13.0t")
        var samples: [Sample] = []
        for repetition in 1...7 {
            let jitter = Double(repetition) * 0.001
            samples += [
                Self.sample(.serial, interpreter: "3.13.0t", gil: .on, wall: 0.400 + jitter, repetition: repetition),
                Self.sample(.threads, interpreter: "3.13.0t", gil: .on, wall: 0.400 + jitter, repetition: repetition),
                Self.sample(.serial, interpreter: "3.13.0t", gil: .off, wall: 0.428 + jitter, repetition: repetition),
                Self.sample(.threads, interpreter: "3.13.0t", gil: .off, wall: 0.216 + jitter, repetition: repetition),
            ]
        }
        let analysis = Self.analysis(
            samples, calibrations: [instance: Calibration(iterationsPerSecond: 1e6, trials: 1)])
        let comparison = try #require(analysis.runtimes.first)
        #expect(comparison.columns.map(\.displayName) == ["CPython 3.13.0t GIL on", "CPython 3.13.0t GIL off"])
        let sentences = comparison.sentences.joined(separator: "\n")
        #expect(sentences.contains("single-thread cost of free threading is 1.07x the time"), "\(sentences)")
        #expect(sentences.contains("CPython 3.13.0t GIL off threads 1.9"), "the threads' speedup beside it")
        #expect(RuntimeSection.title([comparison]) == "CPython with the GIL on and off")
    }

    @Test func computeIsComparedPerKernelIterationForEachInterpreterSizedItsOwnTasks() throws {
        let old = RuntimeInstance(.python, interpreter: "3.11.7")
        let new = RuntimeInstance(.python, interpreter: "3.13.0")
        var samples: [Sample] = []
        for repetition in 1...7 {
            let jitter = Double(repetition) * 0.001
            // Both serials took 400 ms, but 3.13's tasks were sized for 1.2x the iterations per second.
            for interpreter in ["3.11.7", "3.13.0"] {
                samples += [
                    Self.sample(
                        .serial, interpreter: interpreter, gil: nil, wall: 0.400 + jitter, repetition: repetition),
                    Self.sample(
                        .threads, interpreter: interpreter, gil: nil, wall: 0.400 + jitter, repetition: repetition),
                ]
            }
        }
        let analysis = Self.analysis(
            samples,
            calibrations: [
                old: Calibration(iterationsPerSecond: 1_000_000, trials: 1),
                new: Calibration(iterationsPerSecond: 1_200_000, trials: 1),
            ])
        let comparison = try #require(analysis.runtimes.first)
        #expect(comparison.columns.map(\.instance) == [old, new])
        let ratio = try #require(comparison.serial.first)
        #expect(abs(ratio.speed - 1.2) < 1e-9 && ratio.perIteration)
        #expect(
            comparison.sentences.last
                == "CPython 3.13.0 serial did the same work 1.20x faster than CPython 3.11.7 serial (per kernel iteration, each calibrated in its own interpreter)."
        )
    }
}
