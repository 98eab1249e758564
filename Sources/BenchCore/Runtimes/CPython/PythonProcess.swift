import Foundation

/// One CPython worker process (the embedded `bench_worker.py`) and the pipes to it: requests on
/// its fd 3, replies on its fd 4, one JSON line each, then any binary payload the reply announces.
/// Its stdout and stderr go to an unlinked scratch file, so a traceback becomes the failure's
/// reason instead of noise on the terminal.
final class PythonProcess {
    /// The interpreter process.
    let process: Subprocess
    private let errors: Int32
    private let reader: BufferedReader

    /// The interpreter's child.
    var child: ChildProcess { process.child }

    /// Whether the process has been reaped.
    var isReaped: Bool { process.isReaped }

    /// Starts `python` on the worker script, in a process group of its own (so killing the group
    /// kills its multiprocessing workers too), dying with this process. Isolated (`-I`: no
    /// `PYTHON*` variables, no user site-packages) for bench's own workloads; not for the user's
    /// function, which imports what the user's own program would (`PYTHONPATH`, `pip --user`).
    /// A free-threaded build's `gil` is asked for both ways every process of the sample inherits:
    /// `-X gil` (kept by `-I`, and passed on by multiprocessing to the processes it starts) and
    /// `PYTHON_GIL` (in the environment of every process, forked, spawned or from the forkserver).
    static func start(python: String, isolated: Bool = true, gil: GILState? = nil) throws -> PythonProcess {
        // Whatever `python` turns out to be, one that exits early must not kill bench with SIGPIPE.
        Sys.ignoreBrokenPipes()
        let script = try PythonWorkerScript.path()
        let errors = try Sys.scratchFile()
        do {
            let process = try Subprocess.start(
                [python] + (isolated ? ["-I"] : []) + gilArguments(gil) + [script],
                environment: gilEnvironment(gil), descriptors: [(1, errors), (2, errors)])
            return PythonProcess(process, errors: errors)
        } catch {
            Sys.close(errors)
            throw error
        }
    }

    /// The interpreter options that ask for `gil`: `-X gil=0|1`; none for a build with a GIL.
    static func gilArguments(_ gil: GILState?) -> [String] {
        gil.map { ["-X", "gil=\($0.environmentValue)"] } ?? []
    }

    /// The environment that asks for `gil`: `PYTHON_GIL=0|1`; nothing for a build with a GIL.
    static func gilEnvironment(_ gil: GILState?) -> [String: String] {
        gil.map { ["PYTHON_GIL": $0.environmentValue] } ?? [:]
    }

    private init(_ process: Subprocess, errors: Int32) {
        self.process = process
        self.errors = errors
        reader = BufferedReader(fd: process.replyFD)
    }

    deinit {
        if !process.isReaped { _ = try? kill() }
        Sys.close(errors)
    }

    /// Sends one line.
    func send(_ line: String) throws {
        try Sys.writeAll(process.requestFD, Array((line + "\n").utf8))
    }

    /// Sends `request` as one JSON line.
    func send(_ request: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try send(String(decoding: try encoder.encode(request), as: UTF8.self))
    }

    /// The next line, without its newline; nil when the process closed its end first.
    /// - Throws: ``Frame/Error/timedOut`` past `deadline`.
    func readLine(deadline: UInt64) throws -> [UInt8]? {
        try reader.line(deadline: deadline)
    }

    /// The next line decoded as `type` from JSON; nil at end of file.
    func readReply<T: Decodable>(_ type: T.Type, deadline: UInt64) throws -> T? {
        guard let line = try readLine(deadline: deadline) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: Data(line))
    }

    /// Exactly `count` bytes; nil when the process closed its end first.
    func readBytes(_ count: Int, deadline: UInt64) throws -> [UInt8]? {
        try reader.fill(count, deadline: deadline) ? reader.take(count) : nil
    }

    /// The last line the interpreter wrote to stdout or stderr (a traceback's last line names the
    /// error), or "" when it wrote nothing.
    var lastOutputLine: String {
        Sys.tail(errors).split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
    }

    /// Closes the pipes and waits for the interpreter to exit; its usage includes the children
    /// it waited for (multiprocessing's workers).
    @discardableResult
    func reap() throws -> (reason: ExitReason, usage: ResourceUsage) {
        try process.reap()
    }

    /// Kills the interpreter's whole group, reaps it and waits until the group is gone.
    @discardableResult
    func kill() throws -> (reason: ExitReason, usage: ResourceUsage) {
        try process.kill()
    }
}
