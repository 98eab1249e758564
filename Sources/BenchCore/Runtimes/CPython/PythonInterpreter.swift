import Foundation

/// Finding, checking and asking the CPython that runs `--runtime python` cells. Every call starts
/// the embedded worker once; samples go through ``PythonSampleRunner``.
public enum PythonInterpreter {
    /// The oldest CPython the worker supports.
    public static let minimumVersion = (3, 9)

    /// The interpreter used when none is given: the first `python3` on PATH.
    public static let defaultName = "python3"

    /// How to get one, for error sentences.
    static let installHint =
        "install it with 'apt-get install python3' (scripts/setup does) or give an interpreter with --python PATH"

    /// The interpreter `given` names (a path, or a command looked up on PATH; default python3),
    /// checked to be CPython 3.9 or newer, with its description.
    /// - Throws: ``BenchError/usage(_:)`` with a sentence saying how to install one.
    public static func locate(_ given: String?) throws -> InterpreterInfo {
        // Settings are resolved once per run, so this runs once per interpreter per run.
        try probe(given ?? defaultName, given: given)
    }

    /// The sentence for an interpreter flag (`--python`) given as nothing.
    static func namesNoInterpreter(_ flag: String) -> BenchError {
        BenchError.usage(
            "\(flag) '' names no interpreter; give the path of a CPython \(minimumVersion.0).\(minimumVersion.1)+ interpreter or a command on PATH, or drop \(flag) for python3."
        )
    }

    private static func probe(_ name: String, given: String?) throws -> InterpreterInfo {
        guard !name.isEmpty else { throw namesNoInterpreter("--python") }
        guard let path = resolve(name) else {
            throw BenchError.usage(
                given == nil
                    ? "--runtime python needs CPython \(minimumVersion.0).\(minimumVersion.1) or newer, and there is no python3 on PATH; \(installHint)."
                    : "--python \(name): no such executable; give the path of a CPython \(minimumVersion.0).\(minimumVersion.1)+ interpreter, or \(installHint)."
            )
        }
        // bench's own worker script first: a problem there (TMPDIR) is not the interpreter's.
        _ = try PythonWorkerScript.path()
        let info: InterpreterInfo
        do {
            guard let answer = try call(path, Request(op: "info"), as: InterpreterInfo.self, timeoutSeconds: 30) else {
                throw BenchError.usage(notCPython(name, path, "it did not answer bench's worker"))
            }
            info = answer
        } catch {
            // A pyenv shim of a version pyenv has not selected exits 127 ("command not found"):
            // the interpreter itself, in pyenv's versions, is what was meant.
            let words = (error as? BenchError)?.description ?? String(describing: error)
            if isPyenvShim(path), words.contains("status 127"), let installed = pyenvVersion(of: name),
                let answer = try? call(installed, Request(op: "info"), as: InterpreterInfo.self, timeoutSeconds: 30)
            {
                return try checked(answer, name: name, path: installed, given: given)
            }
            throw BenchError.usage(
                notCPython(name, path, (error as? BenchError)?.description ?? String(describing: error)))
        }
        return try checked(info, name: name, path: path, given: given)
    }

    /// `info` when it is CPython 3.9 or newer, with the command that runs it.
    private static func checked(_ info: InterpreterInfo, name: String, path: String, given: String?) throws
        -> InterpreterInfo
    {
        guard info.implementation == "cpython", let version = info.majorMinor,
            version >= minimumVersion
        else {
            throw BenchError.usage(notCPython(name, path, "it is \(info.implementation) \(info.version)"))
        }
        // What --python named runs every sample, so a wrapper's environment holds; the default
        // python3 runs as the interpreter it resolved to.
        var found = info
        if given != nil { found.command = path }
        return found
    }

    /// Where pyenv keeps its interpreters: `$PYENV_ROOT`, else `~/.pyenv`.
    static var pyenvRoot: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["PYENV_ROOT"] ?? "\(environment["HOME"] ?? NSHomeDirectory())/.pyenv"
    }

    /// Whether `path` is one of pyenv's shims (a script that runs the selected version's command).
    static func isPyenvShim(_ path: String) -> Bool { path.hasPrefix("\(pyenvRoot)/shims/") }

    /// A bare command name (`python3.13`) as pyenv installed it: the newest version under pyenv's
    /// `versions/` that has it; nil for a path, or when pyenv has none.
    static func pyenvVersion(of name: String) -> String? {
        guard !name.contains("/"), !name.isEmpty else { return nil }
        let versions = "\(pyenvRoot)/versions"
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: versions)) ?? []
        let candidates = installed.filter { access("\(versions)/\($0)/bin/\(name)", X_OK) == 0 }
        let newest = candidates.max {
            RuntimeInstance.versionKey($0).lexicographicallyPrecedes(RuntimeInstance.versionKey($1))
        }
        return newest.map { "\(versions)/\($0)/bin/\(name)" }
    }

    private static func notCPython(_ name: String, _ path: String, _ why: String) -> String {
        "\(name == path ? path : "\(name) (\(path))") is not a usable CPython \(minimumVersion.0).\(minimumVersion.1) or newer: \(why); \(installHint)."
    }

    /// `name` itself when it contains a slash and is executable; else the first executable of
    /// that name on PATH.
    static func resolve(_ name: String) -> String? {
        // An executable regular file: a folder passes access(X_OK) too, and an empty name would
        // resolve to the first folder on PATH.
        func runnable(_ path: String) -> Bool {
            var info = stat()
            return access(path, X_OK) == 0 && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
        guard !name.isEmpty else { return nil }
        if name.contains("/") { return runnable(name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first(where: runnable)
    }

    /// The kernel's speed in CPython on this machine: iterations per second of thread CPU time,
    /// the best of `trials`, as ``Calibration/measure(trialSeconds:trials:)`` measures Swift's.
    public static func calibrate(_ python: String, trialSeconds: Double = 0.05, trials: Int = 5) throws -> Calibration {
        var request = Request(op: "calibrate")
        request.trialSeconds = trialSeconds
        request.trials = trials
        guard let answer = try call(python, request, as: CalibrationReply.self, timeoutSeconds: 120) else {
            throw BenchError.failure("CPython (\(python)) could not calibrate the compute kernel.")
        }
        // An answer is untrusted: a speed no machine has (or a count of no trials) is refused.
        guard answer.iterationsPerSecond.isFinite,
            (1...Calibration.fastestIterationsPerSecond).contains(answer.iterationsPerSecond),
            (1...10_000).contains(answer.trials)
        else {
            throw BenchError.failure(
                "CPython (\(python)) answered a calibration of \(answer.iterationsPerSecond) kernel iterations per second over \(answer.trials) trials, which no machine runs; the interpreter is not running bench's worker as written."
            )
        }
        return Calibration(iterationsPerSecond: answer.iterationsPerSecond, trials: answer.trials)
    }

    /// One chain of the kernel computed by CPython: equal to ``HashChainKernel/run(iterations:seed:)``.
    public static func kernel(_ python: String, iterations: Int, seed: UInt64) throws -> UInt64? {
        var request = Request(op: "kernel")
        request.iterations = iterations
        request.seed = seed
        return try call(python, request, as: KernelReply.self, timeoutSeconds: 60).flatMap { UInt64($0.checksum) }
    }

    /// Runs one request in a fresh worker and decodes its one-line answer; nil when the worker
    /// ended without one.
    /// - Throws: ``BenchError/failure(_:)`` with the worker's error.
    static func call<T: Decodable>(
        _ python: String, _ request: Request, as type: T.Type, timeoutSeconds: Double, isolated: Bool = true
    ) throws -> T? {
        let process: PythonProcess
        do { process = try PythonProcess.start(python: python, isolated: isolated) } catch {
            throw SystemLimit.stopping(error, starting: "the CPython interpreter \(python)")
        }
        let deadline = Sys.monotonicNanoseconds() + UInt64(timeoutSeconds * 1e9)
        do {
            try process.send(request)
            guard let line = try process.readLine(deadline: deadline) else {
                let ending = try process.reap()
                let output = process.lastOutputLine
                throw BenchError.failure("the interpreter \(ending.reason)\(output.isEmpty ? "" : " (\(output))")")
            }
            try process.reap()
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            if let failure = try? decoder.decode(ErrorReply.self, from: Data(line)) {
                throw BenchError.failure("CPython worker: \(failure.error)")
            }
            return try decoder.decode(type, from: Data(line))
        } catch let error as BenchError {
            throw error
        } catch Frame.Error.timedOut {
            try process.kill()
            throw BenchError.failure("the interpreter did not answer within \(Format.number(timeoutSeconds)) s")
        } catch {
            if !process.isReaped { try process.kill() }
            throw BenchError.failure("the interpreter answered something that is not bench's worker (\(error))")
        }
    }

    /// A request to the worker; fields a request does not use stay nil and are left out.
    struct Request: Encodable {
        var op: String
        var trialSeconds: Double?
        var trials: Int?
        var iterations: Int?
        var seed: UInt64?
        var task: PythonTaskOrder?
    }

    struct CalibrationReply: Decodable {
        var iterationsPerSecond: Double
        var trials: Int
    }

    struct KernelReply: Decodable {
        var checksum: String
    }

    /// What the worker answers when a request fails.
    struct ErrorReply: Decodable {
        var error: String
        var errno: Int32?
    }
}
