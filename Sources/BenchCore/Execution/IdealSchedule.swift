import Foundation

/// The ideal schedule of a sample's tasks on a model's executors, for the simulated machine's
/// waiting-to-be-run figures (``ReadyDelay``): each task computes, then waits; a model with a
/// queue runs ready work on a few executors in the order it became ready.
///
/// - event-loop: one executor; waits free it.
/// - async: one executor per usable core (the cooperative pool); waits free it.
/// - async-blocking: the same pool, but each wait holds its executor (a blocking call).
/// - Every other model gives each task in flight a thread or process of its own: no queue, no
///   delay, in the ideal.
struct IdealSchedule: Hashable {
    /// Executors that run ready work; nil: every task in flight has its own.
    var executors: Int?
    /// Whether a wait holds its executor.
    var waitsBlock: Bool
    /// Tasks in the sample and at most in flight.
    var tasks: Int
    var inFlight: Int
    /// Each task's compute and then its wait, in seconds.
    var compute: Double
    var wait: Double

    /// The schedule of `model` with `workers`, on `usable` cores.
    init(model: ModelKind, workers: Int, usable: Double, tasks: Int, compute: Double, wait: Double) {
        let width = max(1, Int(usable.rounded(.down)))
        switch model {
        case .eventLoop: (executors, waitsBlock) = (1, false)
        case .async: (executors, waitsBlock) = (width, false)
        case .asyncBlocking: (executors, waitsBlock) = (width, true)
        default: (executors, waitsBlock) = (nil, false)
        }
        self.tasks = tasks
        inFlight = Bounds.inFlight(workers: workers, tasks: tasks)
        self.compute = compute
        self.wait = wait
    }

    /// The figures the schedule predicts, worked out once per schedule (every repetition of a
    /// cell has the same one, and a schedule of 100,000 tasks takes a while).
    var readyDelay: ReadyDelay {
        Self.lock.lock()
        if let known = Self.known[self] {
            Self.lock.unlock()
            return known
        }
        Self.lock.unlock()
        let figures = worked
        Self.lock.lock()
        Self.known[self] = figures
        Self.lock.unlock()
        return figures
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [IdealSchedule: ReadyDelay] = [:]

    /// The schedule worked out event by event.
    private var worked: ReadyDelay {
        guard let executors, tasks > 0 else {
            return ReadyDelay(p50Seconds: 0, p99Seconds: 0, maxSeconds: 0, idleShare: 0)
        }
        enum Phase { case compute, resume }
        var delays = [Double](repeating: 0, count: tasks)
        // Every task's compute takes as long, and every wait too, so the ready queue, the waits
        // and the held executors each end in the order they began: queues with a head index.
        var ready: [(task: Int, phase: Phase, since: Double)] = []
        var readyHead = 0
        // Executors busy until a time: computing (counts as running) or held in a blocking wait.
        var computing: [(until: Double, task: Int)] = []
        var blocked: [Double] = []
        var blockedHead = 0
        var waking: [(at: Double, task: Int)] = []
        var wakingHead = 0
        var now = 0.0
        var next = 0
        var done = 0
        var idle = 0.0
        func admit() {
            while next < tasks && next - done < inFlight {
                ready.append((next, .compute, now))
                next += 1
            }
        }
        admit()
        while done < tasks {
            // Free executors take ready work, first come first served; a resumed task ends at once.
            while computing.count + (blocked.count - blockedHead) < executors, readyHead < ready.count {
                let item = ready[readyHead]
                readyHead += 1
                delays[item.task] += now - item.since
                switch item.phase {
                case .compute: computing.append((now + compute, item.task))
                case .resume:
                    done += 1
                    admit()
                }
            }
            let times =
                computing.map(\.until) + (blockedHead < blocked.count ? [blocked[blockedHead]] : [])
                + (wakingHead < waking.count ? [waking[wakingHead].at] : [])
            guard let soonest = times.min() else { break }
            if readyHead < ready.count && computing.isEmpty { idle += soonest - now }
            now = soonest
            for item in computing where item.until <= now {
                if wait <= 0 {
                    done += 1
                } else if waitsBlock {
                    blocked.append(now + wait)
                } else {
                    waking.append((now + wait, item.task))
                }
            }
            computing.removeAll { $0.until <= now }
            while blockedHead < blocked.count && blocked[blockedHead] <= now {
                blockedHead += 1
                done += 1
            }
            while wakingHead < waking.count && waking[wakingHead].at <= now {
                ready.append((waking[wakingHead].task, .resume, now))
                wakingHead += 1
            }
            admit()
        }
        let sorted = delays.sorted()
        func rank(_ p: Double) -> Double {
            sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
        }
        return ReadyDelay(
            p50Seconds: rank(0.5), p99Seconds: rank(0.99), maxSeconds: sorted.last ?? 0,
            idleShare: now > 0 ? idle / now : 0)
    }
}
