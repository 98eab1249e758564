import Foundation

/// Measures one CPython sample: starts an interpreter on the embedded worker with `posix_spawn`,
/// reads the CPU time its start-up used (imports, the interpreter itself) once it says it is
/// ready, lets it run the tasks, and reaps it with `wait4`. The sample's CPU time is what the
/// kernel reports for the interpreter and the children it reaped (multiprocessing's workers),
/// less that start-up; its wall time and every task's start and end come from the worker, on the
/// same monotonic clock bench's Swift samples use.
///
/// A worker that dies, answers an error or nonsense is a failed sample; one that does not finish
/// within the timeout is killed with its whole process group and is a timed-out sample.
public struct PythonSampleRunner: SampleRunner {
    /// Seconds a sample may take before its interpreter is killed.
    public var timeoutSeconds: Double

    /// Creates a runner whose samples time out after `timeoutSeconds`.
    public init(timeoutSeconds: Double) {
        self.timeoutSeconds = timeoutSeconds
    }

    /// Runs `request` (whose workload's runtime is CPython) with the interpreter it names.
    /// - Throws: ``SystemCallError`` when the interpreter cannot be started at all.
    public func run(_ request: SampleRequest) throws -> Sample {
        let startedAt = Date()
        func unmeasured(_ status: SampleStatus, _ reason: String) -> Sample {
            .unmeasured(request, startedAt: startedAt, status: status, reason: reason)
        }
        guard let python = request.interpreter else {
            return unmeasured(.failed, "no CPython interpreter was given for a CPython sample")
        }
        let process: PythonProcess
        do {
            process = try PythonProcess.start(
                python: python, isolated: request.workload.userTask == nil, gil: request.gil)
        } catch {
            throw SystemLimit.stopping(error, starting: "the CPython interpreter \(python)")
        }
        let deadline = Sys.monotonicNanoseconds() + UInt64(timeoutSeconds * 1e9)
        do {
            try process.send(SampleOrder(request))
            guard let ready = try process.readReply(Reply.self, deadline: deadline) else {
                return try Self.died(process, unmeasured)
            }
            guard ready.ready == true else { return try Self.failed(process, ready, request, unmeasured) }
            // Everything the interpreter used so far is start-up, not the sample's.
            let startup = Sys.processCPU(process.child.pid) ?? (0, 0)
            try process.send("go")
            guard let done = try process.readReply(Reply.self, deadline: deadline) else {
                return try Self.died(process, unmeasured)
            }
            guard let wall = done.wallNs, let began = done.beganNs, let count = done.tasks,
                count == request.tasksToRun
            else { return try Self.failed(process, done, request, unmeasured) }
            guard let table = try process.readBytes(count * 56, deadline: deadline) else {
                return try Self.died(process, unmeasured)
            }
            let ending = try process.reap()
            guard ending.reason.isSuccess else {
                return unmeasured(.failed, "CPython worker \(ending.reason) after reporting")
            }
            let records = table.withUnsafeBytes { raw in
                (0..<count).map { index in
                    func value(_ field: Int) -> UInt64 {
                        UInt64(
                            littleEndian: raw.loadUnaligned(fromByteOffset: (index * 7 + field) * 8, as: UInt64.self))
                    }
                    var record = TaskRecord(
                        index: index, checksum: value(3), startNanoseconds: value(0), endNanoseconds: value(1),
                        pid: Int32(truncatingIfNeeded: value(2)))
                    // The task's wait, kept only where it lies within the task, in order.
                    let (began, ended, resumed) = (value(4), value(5), value(6))
                    if began > 0, record.startNanoseconds <= began, began <= ended, ended <= resumed,
                        resumed <= record.endNanoseconds
                    {
                        record.wait = TaskRecord.Wait(began: began, ended: ended, resumed: resumed)
                    }
                    return record
                }
            }
            // Every figure from the interpreter is untrusted: one no real sample has fails it.
            if let problem = Self.implausibility(
                wall: wall, began: began, startup: done.startupNs, records: records, now: Sys.monotonicNanoseconds())
            {
                return unmeasured(.failed, "CPython worker answered \(problem), which no real sample has")
            }
            let log = TaskLog(count: count)
            records.forEach(log.record)
            let own = ResourceUsage(
                userSeconds: startup.userSeconds, systemSeconds: startup.systemSeconds, voluntaryContextSwitches: 0,
                involuntaryContextSwitches: 0, peakRSSBytes: 0)
            var sample = Sample.measured(
                request, startedAt: startedAt, log: log, origin: began, wallNanoseconds: wall,
                startupNanoseconds: done.startupNs, usage: ending.usage.since(own))
            sample.argumentBytesPerCall = done.argumentBytes.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            sample.resultBytesPerCall = done.resultBytes.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            if request.cell.gil != nil { sample.gilEnabled = done.gilEnabled }
            return sample
        } catch Frame.Error.timedOut {
            try process.kill()
            let hint = request.workload.userTask != nil ? " (--timeout SECONDS allows more)" : ""
            return unmeasured(
                .timedOut,
                "no result within the \(Format.number(timeoutSeconds)) s timeout; killed with SIGKILL\(hint)")
        } catch {
            if !process.isReaped { try process.kill() }
            return unmeasured(.failed, "CPython worker answered something bench cannot read (\(error))")
        }
    }

    /// The sample when the worker closed its pipe without answering: it died.
    private static func died(_ process: PythonProcess, _ unmeasured: (SampleStatus, String) -> Sample) throws
        -> Sample
    {
        let ending = try process.kill()
        let output = process.lastOutputLine
        return unmeasured(.failed, "CPython worker \(ending.reason)\(output.isEmpty ? "" : ": \(output)")")
    }

    /// The sample when the worker answered an error: a limit of the system in bench's words
    /// (EAGAIN, EMFILE, ENFILE, ENOMEM), or the worker's sentence.
    private static func failed(
        _ process: PythonProcess, _ reply: Reply, _ request: SampleRequest,
        _ unmeasured: (SampleStatus, String) -> Sample
    ) throws -> Sample {
        try process.kill()
        let message = reply.error ?? "an answer without the sample's figures"
        if let code = reply.errno,
            let limit = SystemLimit.failure(
                SystemCallError(call: "CPython (\(message))", errno: code),
                starting: "CPython \(request.model.rawValue) worker", index: request.workers, of: request.workers)
                as? SampleFailure
        {
            return unmeasured(.failed, limit.reason)
        }
        return unmeasured(.failed, "CPython worker: \(message)")
    }

    /// The sample request as the worker reads it.
    struct SampleOrder: Encodable {
        var op = "sample"
        var model: String
        var workers: Int
        var tasks: Int
        var startMethod: String?
        var workload: Workload

        struct Workload: Encodable {
            var kind: String
            var iterations: Int
            var taskSeconds: Double
            var ioFraction: Double
            var ioKind: String
            var fileBytes: Int
            var port: UInt16
            var directory: String
            var fault: InjectedFault?
            var slowdown: Double?
            var task: PythonTaskOrder?
        }

        init(_ request: SampleRequest) {
            let spec = request.workload
            model = request.model.rawValue
            workers = request.workers
            tasks = request.tasksToRun
            startMethod = request.cell.startMethod
            workload = Workload(
                kind: spec.kind.rawValue, iterations: spec.iterations, taskSeconds: spec.taskSeconds,
                ioFraction: spec.ioFraction, ioKind: spec.ioKind.rawValue, fileBytes: spec.fileBytes,
                port: spec.socketPort, directory: NSTemporaryDirectory(), fault: spec.fault, slowdown: spec.slowdown,
                task: spec.userTask.map(PythonTaskOrder.init))
        }
    }

    /// Any answer of the worker: ready, the sample's figures, or an error.
    struct Reply: Decodable {
        var ready: Bool?
        var beganNs: UInt64?
        var wallNs: UInt64?
        var startupNs: UInt64?
        var tasks: Int?
        var startMethod: String?
        var gilEnabled: Bool?
        var argumentBytes: Double?
        var resultBytes: Double?
        var error: String?
        var errno: Int32?
    }
}
