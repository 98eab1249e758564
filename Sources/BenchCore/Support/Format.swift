import Foundation
import Synchronization

/// Number formatting shared by every report, so a figure reads the same everywhere.
public enum Format {
    /// A duration in seconds shown in the most readable unit: `"412 ms"`, `"1.23 s"`, `"85.0 µs"`.
    public static func duration(_ seconds: Double) -> String {
        if seconds >= 10 { return String(format: "%.1f s", seconds) }
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 0.01 { return String(format: "%.0f ms", seconds * 1e3) }
        if seconds >= 0.001 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.1f µs", seconds * 1e6)
    }

    /// A duration in seconds as milliseconds with no more digits than needed: `"50 ms"`, `"2.5 ms"`.
    public static func milliseconds(_ seconds: Double) -> String {
        "\(number(seconds * 1000)) ms"
    }

    /// A number with no trailing zeros: `50`, `2.5`, `0.125`.
    public static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A ratio such as a speedup: `"1.96x"`.
    public static func ratio(_ value: Double) -> String {
        String(format: "%.2fx", value)
    }

    /// A fraction as a percentage: `"98%"`; below 10% with one decimal: `"0.4%"`.
    public static func percent(_ fraction: Double) -> String {
        fraction < 0.1 ? String(format: "%.1f%%", fraction * 100) : String(format: "%.0f%%", fraction * 100)
    }

    /// Fixed decimals, for machine-readable columns: `fixed(0.5, 6)` is `"0.500000"`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// A byte count in binary units: `"24.0 GiB"`.
    public static func bytes(_ count: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// Parses a timestamp written by ``timestamp(_:)`` (milliseconds optional).
    public static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// An ISO 8601 UTC timestamp with milliseconds: `"2026-11-25T03:14:51.123Z"`.
    public static func timestamp(_ date: Date) -> String {
        timestampFormatter.withLock { $0.string(from: date) }
    }

    /// One formatter for every timestamp: making one costs about 20 times what formatting does,
    /// and every CSV row (rewritten after each sample) has a timestamp.
    private static let timestampFormatter: Mutex<ISO8601DateFormatter> = Mutex(
        {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter
        }())
}
