import Foundation

/// Measures one sample in the calling process: wall time around the model, CPU time and context
/// switches from `getrusage` of this process plus its waited-for children (worker processes).
public enum SampleMeasurer {
    /// Runs and measures `request`. A failure (a worker process died, threads could not start)
    /// yields a sample with status `failed` and the reason, never a thrown error.
    public static func measure(_ request: SampleRequest) -> Sample {
        let workload = request.workload.make()
        let log = TaskLog(count: request.tasksToRun)
        let startedAt = Date()
        if request.allocator == .jemalloc && !Jemalloc.isActive {
            return Sample.unmeasured(
                request, startedAt: startedAt, status: .failed,
                reason: "jemalloc was requested but did not load into the sample's process")
        }
        let model = request.model.make()
        model.warmUp()
        let statsBefore = Jemalloc.stats()
        let before = Sys.resourceUsage(.process)
        let childrenBefore = Sys.resourceUsage(.children)
        _ = TaskFailures.take()
        let start = Sys.monotonicNanoseconds()
        let report: ExecutionReport
        let notesWaits = TaskLog.begin(log)
        defer { TaskLog.end(log) }
        do {
            report = try model.execute(workload, workers: request.workers, log: log)
        } catch {
            return Sample.unmeasured(request, startedAt: startedAt, status: .failed, reason: reason(for: error))
        }
        let end = Sys.monotonicNanoseconds()
        TaskLog.end(log)
        // A task that could not do its I/O makes a failed sample, not a fast one.
        if let failure = TaskFailures.take() {
            return Sample.unmeasured(request, startedAt: startedAt, status: .failed, reason: failure)
        }
        let own = Sys.resourceUsage(.process).since(before)
        let children = Sys.resourceUsage(.children).since(childrenBefore)
        var sample = Sample.measured(
            request, startedAt: startedAt, log: log, origin: start,
            wallNanoseconds: end - start - (report.startupNanoseconds ?? 0),
            startupNanoseconds: report.startupNanoseconds, usage: own.adding(children))
        guard sample.status == .ok else { return sample }
        if !notesWaits { sample.readyDelay = nil }  // another sample in this process took the waits
        sample.allocatorInUse = Jemalloc.inUse
        if let before = statsBefore, var after = Jemalloc.stats() {
            after.allocations -= before.allocations
            after.deallocations -= before.deallocations
            sample.allocatorStats = after
        }
        return sample
    }

    static func reason(for error: any Error) -> String {
        switch error {
        case let failure as SampleFailure: failure.reason
        case let failure as SystemCallError: failure.description
        default: String(describing: error)
        }
    }
}
