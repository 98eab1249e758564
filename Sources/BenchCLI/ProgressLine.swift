import BenchCore
import Foundation

/// A one-line progress display on stderr, redrawn in place and cleared at the end, shown only when
/// stderr is a terminal (and not with `--quiet`): a bar of the samples done out of the most the
/// plan can still take, the time elapsed, the most left, and the cell being measured.
struct ProgressLine {
    let enabled: Bool

    /// The bar's width in characters.
    static let barWidth = 20

    init(enabled: Bool) {
        self.enabled = enabled && Sys.isTerminal(2)
    }

    func show(_ progress: RunProgress) {
        guard enabled else { return }
        Console.error("\r\u{1B}[2K" + Self.text(progress))
    }

    /// "[#######.............] 25/70 · 0:31 elapsed · ≤ 0:45 left · cpu · async-blocking × 2 · repetition 3".
    static func text(_ progress: RunProgress) -> String {
        let total = max(1, progress.total)
        let filled = min(barWidth, barWidth * progress.completed / total)
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]"
        let phase = progress.repetition.map { "repetition \($0)" } ?? "warm-up"
        let left = progress.remainingSeconds.map { " · ≤ \(clock($0)) left" } ?? ""
        return
            "\(bar) \(progress.completed)/\(progress.total) · \(clock(progress.elapsedSeconds)) elapsed\(left) · \(progress.cell.experimentName) · \(progress.cell.modelName) · \(phase)"
    }

    /// Seconds as a clock: "0:07", "1:42", "1:02:05".
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    func clear() {
        guard enabled else { return }
        Console.error("\r\u{1B}[2K")
    }
}
