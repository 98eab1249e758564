import Foundation

/// Measures a sample in a fresh `bench worker` process, so a crash or hang costs one sample,
/// not the run, and every sample starts from a clean heap.
///
/// The sample process leads its own process group, which holds any worker processes it starts;
/// a timeout or an interruption kills the whole group, and the runner always reaps the leader,
/// so nothing is left behind.
public struct IsolatedSampleRunner: SampleRunner {
    /// Seconds a sample may take before its process group is killed.
    public var timeoutSeconds: Double

    /// Creates a runner whose samples time out after `timeoutSeconds`.
    public init(timeoutSeconds: Double) {
        self.timeoutSeconds = timeoutSeconds
    }

    /// Runs `request` in a child process, waiting at most ``timeoutSeconds`` for its result.
    /// - Throws: ``SystemCallError`` when the child cannot be started at all.
    public func run(_ request: SampleRequest) throws -> Sample {
        let startedAt = Date()
        // jemalloc is preloaded into the sample's process (and so into its worker processes).
        var environment: [String: String] = [:]
        if request.allocator == .jemalloc, let library = Jemalloc.libraryPath { environment["LD_PRELOAD"] = library }
        let worker: WorkerProcess
        do { worker = try WorkerProcess.start(environment: environment) } catch {
            throw SystemLimit.stopping(error, starting: "a sample's process")
        }
        let deadline = Sys.monotonicNanoseconds() + UInt64(timeoutSeconds * 1e9)
        do {
            try worker.transport.send(.runSample(request))
            switch try worker.transport.receive(deadline: deadline) {
            case .sample(let sample)? where sample.cell != request.cell || sample.repetition != request.repetition:
                try worker.kill()
                return .unmeasured(
                    request, startedAt: startedAt, status: .failed,
                    reason:
                        "sample process answered a sample of another cell (\(sample.cell), repetition \(sample.repetition))"
                )
            case .sample(let sample)? where !(sample.wallSeconds.isFinite && sample.wallSeconds >= 0):
                try worker.kill()
                return .unmeasured(
                    request, startedAt: startedAt, status: .failed,
                    reason: "sample process answered a wall time of \(sample.wallSeconds) s, which no real sample has")
            case .sample(let sample)?:
                let ending = try worker.finish()
                guard ending.isSuccess else {
                    return .unmeasured(
                        request, startedAt: startedAt, status: .failed,
                        reason: "sample process \(ending) after reporting")
                }
                return sample
            case .error(let message)?:
                try worker.kill()
                return .unmeasured(request, startedAt: startedAt, status: .failed, reason: message)
            default:
                // The process went away (or answered nonsense): kill whatever is left of its group.
                let ending = try worker.kill()
                return .unmeasured(
                    request, startedAt: startedAt, status: .failed, reason: "sample process \(ending)")
            }
        } catch Frame.Error.timedOut {
            try worker.kill()
            return .unmeasured(
                request, startedAt: startedAt, status: .timedOut,
                reason: "no result within the \(Format.number(timeoutSeconds)) s timeout; killed with SIGKILL")
        } catch {
            let ending = try worker.kill()
            return .unmeasured(
                request, startedAt: startedAt, status: .failed, reason: "sample process \(ending)")
        }
    }
}
