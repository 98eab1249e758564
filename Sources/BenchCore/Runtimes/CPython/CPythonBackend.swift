/// CPython, driven by bench: one interpreter process per sample running the embedded worker
/// (``PythonSampleRunner``), its kernel calibrated in CPython, its GIL deciding how many CPUs
/// threads can compute on.
public struct CPythonBackend: RuntimeBackend {
    /// Creates the backend.
    public init() {}

    public var runtime: Runtime { .python }

    /// CPython has no counterpart of `async`: its only coroutine runtime, asyncio, runs on one
    /// thread, and that is `event-loop`.
    public func supports(_ model: ModelKind) -> Bool { model != .async }

    /// `interpreters` needs subinterpreters with their own GIL: CPython 3.12 or newer.
    public func supports(_ model: ModelKind, interpreter: InterpreterInfo?) -> Bool {
        guard supports(model) else { return false }
        return model != .interpreters || interpreter?.subinterpreters != nil
    }

    /// The allocation workload is Swift's alone (its point is the allocator under threads, which
    /// CPython's own allocator and GIL would hide).
    public func supports(_ kind: WorkloadKind) -> Bool { kind != .alloc }

    public func locate(_ given: String?) throws -> InterpreterInfo? { try PythonInterpreter.locate(given) }

    public var simulatedInterpreter: InterpreterInfo? {
        InterpreterInfo(version: "3.11.0", build: "simulated", executable: "python3 (simulated)", startMethod: "fork")
    }

    public func refuse(_ configuration: RunConfiguration) throws {
        if configuration.allocators != [.system] {
            throw BenchError.usage(
                "--allocator jemalloc measures Swift's allocations; CPython cells run under CPython's own allocator, so run them without --allocator."
            )
        }
        let kinds = configuration.workloadKinds
        if kinds.allSatisfy({ !supports($0) }) {
            throw BenchError.usage(
                "--runtime python has nothing to run: CPython runs cpu, io, mixed and noop workloads, not \(kinds.map(\.rawValue).joined(separator: ", "))."
            )
        }
    }

    public func calibrate(_ interpreter: InterpreterInfo?) throws -> Calibration {
        try PythonInterpreter.calibrate(
            interpreter?.command ?? interpreter?.executable ?? PythonInterpreter.defaultName)
    }

    /// An interpreter is always a process of its own, whatever `--isolation` says.
    public func sampleRunner(isolation: Isolation, timeoutSeconds: Double) -> any SampleRunner {
        PythonSampleRunner(timeoutSeconds: timeoutSeconds)
    }

    /// With the GIL, threads (and asyncio's one thread blocked by its tasks) take turns on one
    /// CPU; processes compute in parallel, and so do threads of a free-threaded build.
    public func computeCPUs(model: ModelKind, workers: Int, usableCPUs: Double, interpreter: InterpreterInfo?)
        -> Double
    {
        let takesTurns = (model == .threads || model == .asyncBlocking) && interpreter?.gilEnabled != false
        return Bounds.parallelCPUs(workers: model.isParallel && !takesTurns ? workers : 1, usableCPUs: usableCPUs)
    }

    public func reason(model: ModelKind, kind: WorkloadKind, speedup: Double, interpreter: InterpreterInfo?)
        -> String?
    {
        guard model == .threads else { return nil }
        let computes = kind == .cpu || kind == .mixed
        let gilEnabled = interpreter?.gilEnabled
        if computes && gilEnabled != false && speedup < 1.3 {
            return "the GIL lets one thread run Python at a time"
        }
        if !computes && speedup > 1.3 { return "a thread releases the GIL while it waits" }
        if computes && gilEnabled == false && speedup > 1.3 {
            return "free-threaded: no GIL, threads compute in parallel"
        }
        return nil
    }

    public func skipped(_ configuration: RunConfiguration, interpreters: [RuntimeInstance: InterpreterInfo])
        -> [String]
    {
        var notes: [String] = []
        let mine = interpreters.filter { $0.key.runtime == runtime }.sorted { $0.key < $1.key }
        if configuration.models.contains(.interpreters) {
            let lacking = mine.filter { !supports(.interpreters, interpreter: $0.value) }.map(\.key.displayName)
            let having = mine.filter { supports(.interpreters, interpreter: $0.value) }.map(\.key.displayName)
            if !lacking.isEmpty && !having.isEmpty {
                notes.append(
                    "\(lacking.joined(separator: ", ")) \(lacking.count == 1 ? "has" : "have") no subinterpreters with their own GIL (CPython 3.12 and newer do); `interpreters` was measured in \(having.joined(separator: ", ")) only."
                )
            }
        }
        if !configuration.gilStates.isEmpty {
            let withGIL = mine.filter { !$0.value.freeThreadedBuild }.map(\.key.displayName)
            if !withGIL.isEmpty {
                notes.append(
                    "--gil chooses the GIL of free-threaded builds; \(withGIL.joined(separator: ", ")) \(withGIL.count == 1 ? "is a build" : "are builds") with a GIL and ran with it."
                )
            }
        }
        let alongsideSwift = configuration.runtimes.contains(.swift)
        if configuration.models.contains(where: { !supports($0) }) {
            notes.append(
                "\(runtime.displayName) has no counterpart of `async` (tasks on a pool of threads): asyncio runs every coroutine on one thread, which is `event-loop`; async was \(alongsideSwift ? "measured for Swift only" : "not measured")."
            )
        }
        for kind in Set(configuration.workloadKinds) where !supports(kind) {
            notes.append(
                "\(runtime.displayName) does not run \(kind.rawValue) workloads (they measure Swift's allocators under threads); \(alongsideSwift ? "measured for Swift only" : "not measured")."
            )
        }
        return notes
    }

    /// How CPython's worker waits: time.sleep, file calls and blocking sockets on threads and
    /// processes; asyncio on the event loop.
    public func taskDescription(of spec: WorkloadSpec) -> String? {
        guard case .wait(let seconds, let io) = spec.shape else { return nil }
        switch io.kind {
        case .sleep:
            return
                "a wait of \(Format.milliseconds(seconds)) (time.sleep on threads and processes, asyncio.sleep on the event loop)"
        case .file:
            return
                "writing, fsyncing and reading back a \(Format.bytes(io.fileBytes)) temporary file (blocking on threads and processes; in asyncio's executor on the event loop)"
        case .socket:
            return
                "a request to a loopback TCP server that answers after \(Format.milliseconds(seconds)) (blocking sockets on threads and processes, asyncio streams on the event loop)"
        }
    }

    /// "CPython 3.11.7 (main May 9 2026, GCC 12.2.0), GIL enabled, multiprocessing start method
    /// fork (`/usr/bin/python3.11`)".
    public func fingerprint(_ interpreter: InterpreterInfo) -> (label: String, value: String) {
        let gil =
            interpreter.gilEnabled
            ? (interpreter.freeThreadedBuild ? "free-threaded build with the GIL re-enabled" : "GIL enabled")
            : "free-threaded (GIL disabled)"
        let build = [interpreter.build, interpreter.compiler].filter { !$0.isEmpty }.joined(separator: ", ")
        let command = interpreter.command.flatMap { $0 == interpreter.executable ? nil : " run by `\($0)`" } ?? ""
        return (
            "Python",
            "CPython \(interpreter.version) (\(build)), \(gil), multiprocessing start method \(interpreter.startMethod) (`\(interpreter.executable)`\(command))"
        )
    }
}
