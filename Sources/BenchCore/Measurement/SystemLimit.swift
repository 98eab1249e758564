import Foundation

/// A limit of the system that stopped a model from starting its workers, in one sentence that
/// names the limit, its value here, and how to raise it.
///
/// Every failure from thread or process creation passes through ``failure(_:starting:of:)``; a
/// sample failed this way is marked (its reason starts with ``marker``), so the harness stops
/// retrying a cell that cannot run on this machine instead of failing it again and again.
public enum SystemLimit {
    /// How a limit failure's reason starts.
    public static let marker = "system limit:"

    /// Whether a sample's failure reason is a limit of the system.
    public static func isLimit(_ reason: String) -> Bool { reason.hasPrefix(marker) }

    /// The failure for `error` met while starting `what` number `index` (1-based) of `total`:
    /// a limit sentence when the error is one (EAGAIN, EMFILE, ENFILE, ENOMEM), else the error.
    public static func failure(_ error: any Error, starting what: String, index: Int, of total: Int) -> any Error {
        guard let call = error as? SystemCallError, let sentence = sentence(call, limits: Sys.limits()) else {
            return error
        }
        return SampleFailure(
            "\(marker) could not start \(what) \(index) of \(total): \(call.call) failed with \(name(call.errno)); \(sentence)"
        )
    }

    /// The error that stops a run when bench itself cannot start `what` (a sample's process, an
    /// interpreter): at a limit of the system, its sentence, with how to raise it; else `error`.
    public static func stopping(_ error: any Error, starting what: String) -> any Error {
        guard let call = error as? SystemCallError, let sentence = sentence(call, limits: Sys.limits()) else {
            return error
        }
        let own =
            ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count).map {
                " (bench itself holds \($0 - 1) descriptors: its pipes, signal and event descriptors, the folder lock)"
            } ?? ""
        return BenchError.failure(
            "Could not start \(what): \(call.call) failed with \(name(call.errno))\(own); \(sentence) The run was stopped."
        )
    }

    /// The failure when `count` worker processes of about `bytesEach` resident memory each would
    /// not fit in the memory available, or nil when they fit (or nothing can be read).
    public static func memoryFailure(processes count: Int, bytesEach: Int?) -> SampleFailure? {
        guard let bytesEach, let available = Sys.limits().availableMemoryBytes,
            Double(count) * Double(bytesEach) > 0.8 * Double(available)
        else { return nil }
        return SampleFailure(
            "\(marker) \(count) worker processes of about \(Format.bytes(bytesEach)) each need \(Format.bytes(count * bytesEach)), more than the \(Format.bytes(available)) of memory available (MemAvailable); starting them would wake the out-of-memory killer, so use fewer workers, or threads or async tasks, which share one process."
        )
    }

    /// What to say about `error`, or nil when it is not a limit.
    static func sentence(_ error: SystemCallError, limits: Sys.Limits) -> String? {
        func value(_ number: Int?) -> String { number.map(String.init) ?? "unlimited" }
        switch error.errno {
        case EAGAIN:
            return
                "the system's limit on threads and processes was reached (here: ulimit -u \(value(limits.processesPerUser)), kernel.threads-max \(value(limits.threadsMax)), kernel.pid_max \(value(limits.pidMax)), vm.max_map_count \(value(limits.maxMapCount)), each thread's stack taking two maps); raise them with 'ulimit -u N' and 'sysctl -w kernel.threads-max=N kernel.pid_max=N vm.max_map_count=N', or use fewer workers."
        case EMFILE:
            return
                "this process's limit on open files was reached (ulimit -n \(value(limits.openFiles))); raise it with 'ulimit -n N' (the hard limit caps it: see 'ulimit -Hn'), or use fewer workers."
        case ENFILE:
            return
                "the machine's limit on open files was reached; raise it with 'sysctl -w fs.file-max=N', or use fewer workers."
        case ENOMEM:
            return
                "the kernel ran out of memory for it (\(limits.availableMemoryBytes.map(Format.bytes) ?? "unknown") available); free memory or use fewer workers."
        default:
            return nil
        }
    }

    static func name(_ code: Int32) -> String {
        switch code {
        case EAGAIN: "EAGAIN"
        case EMFILE: "EMFILE"
        case ENFILE: "ENFILE"
        case ENOMEM: "ENOMEM"
        default: "errno \(code)"
        }
    }
}
