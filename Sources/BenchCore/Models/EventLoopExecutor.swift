import Foundation

/// A `TaskExecutor` that runs every job on one dedicated OS thread, in the order enqueued.
///
/// The thread sleeps on a condition variable when there is nothing to run, so an idle loop costs
/// no CPU. Jobs enqueued while a batch runs are picked up in the next batch, preserving FIFO order.
public final class EventLoopExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [UnownedJob] = []
    private var stopping = false
    private var thread: OSThread?

    /// Starts the loop's thread.
    /// - Throws: ``SystemCallError`` if the thread cannot be created.
    public init() throws {
        thread = try Sys.startThread { [self] in loop() }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        pending.append(job)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        var batch: [UnownedJob] = []
        while true {
            condition.lock()
            while pending.isEmpty && !stopping { condition.wait() }
            if pending.isEmpty && stopping {
                condition.unlock()
                return
            }
            swap(&batch, &pending)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
            batch.removeAll(keepingCapacity: true)
        }
    }

    /// Runs what is still queued, stops the thread and waits for it to exit.
    public func shutdown() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
        if let thread { Sys.join(thread) }
        thread = nil
    }
}
