import BenchCore
import Foundation

/// A one-line progress display on stderr, shown only when stderr is a terminal.
struct ProgressLine {
    let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled && Sys.isTerminal(2)
    }

    func show(_ progress: RunProgress) {
        guard enabled else { return }
        let phase = progress.repetition.map { "repetition \($0)" } ?? "warm-up"
        let line =
            "[\(progress.completed + 1)/\(progress.total)] \(progress.cell.experimentName) · \(progress.cell.modelName) · \(phase)"
        Console.error("\r\u{1B}[2K\(line)")
    }

    func clear() {
        guard enabled else { return }
        Console.error("\r\u{1B}[2K")
    }
}
