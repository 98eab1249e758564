/// The report's sentence on waiting to be run (``ReadyDelay``) in one experiment: how long the
/// tasks of each model with a queue (the loop, the cooperative pool) waited once they could run,
/// and how much of its wall it spent with work ready and no task running, which is why an event
/// loop loses on compute and a pool of blocked threads loses on waits.
public enum WaitingToRun {
    /// Models whose tasks queue for a few executors.
    static func queues(_ model: ModelKind) -> Bool { [.eventLoop, .async, .asyncBlocking].contains(model) }

    /// A share of the wall with work ready and nothing running worth naming.
    static let idleShareWorthNaming = 0.05
    /// A delay worth naming: below it, a task ran as soon as it could, to a timer's slack.
    static let delayWorthNaming = 0.001

    /// The sentence for `cells`, or nil when none of them recorded the figures.
    public static func sentence(_ cells: [CellSummary]) -> String? {
        let measured = cells.filter { queues($0.cell.model) && $0.readyDelay != nil }
        func notable(_ cell: CellSummary) -> Bool {
            guard let ready = cell.readyDelay else { return false }
            return ready.p99Seconds >= delayWorthNaming || ready.idleShare >= idleShareWorthNaming
        }
        var parts = measured.filter(notable).compactMap { cell -> String? in
            guard let ready = cell.readyDelay else { return nil }
            var text =
                "\(cell.cell.modelName) p99 \(Format.duration(ready.p99Seconds)), work ready and no task running \(Format.percent(ready.idleShare)) of the wall"
            if cell.cell.model == .eventLoop && ready.p99Seconds >= 0.001 {
                text += " (a task that could run waited for the one thread while another task held it)"
            } else if cell.cell.model == .asyncBlocking && ready.idleShare >= idleShareWorthNaming {
                text += " (the pool's threads asleep in blocking calls while tasks waited for one)"
            }
            return text
        }
        let prompt = measured.filter { !notable($0) }.map(\.cell.modelName)
        if !prompt.isEmpty {
            parts.append(
                "\(prompt.joined(separator: ", ")) ran \(prompt.count == 1 ? "its" : "their") tasks within \(Format.duration(delayWorthNaming)) of when they could (p99)"
            )
        }
        guard !parts.isEmpty else { return nil }
        return
            "Waiting to be run (from the moment a task could run, its turn come or its wait over, to the moment it ran; medians over samples): "
            + parts.joined(separator: "; ") + "."
    }
}
