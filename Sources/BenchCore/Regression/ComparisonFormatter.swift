import Foundation

/// How `bench compare` prints its result.
public enum ComparisonFormat: String, Codable, Sendable, CaseIterable {
    /// A Markdown table, for a CI job summary or a pull-request comment.
    case markdown
    /// Plain aligned text, for a terminal.
    case text
    /// The ``Comparison`` as JSON, for other tools.
    case json

    /// Renders `comparison`.
    public func render(_ comparison: Comparison) -> String {
        switch self {
        case .markdown: markdown(comparison)
        case .text: text(comparison)
        case .json:
            // Encoding plain Codable values with finite numbers cannot fail.
            String(decoding: try! ResultDocument.encoder().encode(comparison), as: UTF8.self) + "\n"
        }
    }

    private static func symbol(_ verdict: CellVerdict) -> String {
        switch verdict {
        case .regressed: "❌ regressed"
        case .improved: "✅ improved"
        case .unchanged: "unchanged"
        case .inconclusive: "❔ inconclusive"
        }
    }

    private func headline(_ c: Comparison) -> String {
        let counts = Dictionary(grouping: c.cells, by: \.verdict).mapValues(\.count)
        let parts = [CellVerdict.regressed, .improved, .unchanged, .inconclusive].compactMap { verdict in
            counts[verdict].map { "\($0) \(verdict.rawValue)" }
        }
        let verdict = c.hasRegression ? "Regression" : "No regression"
        return
            "\(verdict) in \(c.settings.metric.rawValue) (threshold ±\(Format.number(c.settings.threshold * 100))%, Mann–Whitney U at α = \(Format.number(c.settings.alpha))): \(parts.isEmpty ? "no cells in common" : parts.joined(separator: ", "))."
    }

    private func notes(_ c: Comparison) -> [String] {
        var notes: [String] = []
        if !c.onlyInBaseline.isEmpty {
            notes.append(
                "Only in the baseline, not compared: \(c.onlyInBaseline.map(\.description).joined(separator: "; ")).")
        }
        if !c.onlyInCurrent.isEmpty {
            notes.append(
                "Only in the current result, not compared: \(c.onlyInCurrent.map(\.description).joined(separator: "; "))."
            )
        }
        for shift in c.commonShifts where abs(shift.relativeChange) >= 0.0005 {
            let change = "\(shift.relativeChange >= 0 ? "+" : "")\(Format.fixed(shift.relativeChange * 100, 1))%"
            var note =
                "The \(shift.cells) cells of \(shift.family.experimentName) moved \(change) together (the median of their changes): a shift common to every model, such as the host's drift, taken out before judging each cell, so the changes above are relative to it."
            if abs(shift.relativeChange) > c.settings.threshold {
                note +=
                    " It is larger than the threshold: if the machine was quiet, something every model shares changed; judge raw changes with --absolute."
            }
            notes.append(note)
        }
        if let difference = c.machineDifference {
            notes.append("The results come from different machines (\(difference)); compared anyway as asked.")
        }
        return notes
    }

    private func markdown(_ c: Comparison) -> String {
        let metric = c.settings.metric
        var out = "### bench compare: \(metric.rawValue)\n\n\(headline(c))\n\n"
        out += "| Cell | Baseline | Current | Change | p | Verdict |\n|---|---:|---:|---:|---:|---|\n"
        for cell in c.cells {
            out +=
                "| \(cell.cell) | \(metric.format(cell.baselineMedian)) (n=\(cell.baselineCount)) | \(metric.format(cell.currentMedian)) (n=\(cell.currentCount)) | \(cell.relativeChange >= 0 ? "+" : "")\(Format.fixed(cell.relativeChange * 100, 1))% | \(cell.pValue.map { Format.fixed($0, 4) } ?? "–") | \(Self.symbol(cell.verdict)) |\n"
        }
        let notes = notes(c)
        if !notes.isEmpty { out += "\n" + notes.map { "- \($0)\n" }.joined() }
        return out
    }

    private func text(_ c: Comparison) -> String {
        let metric = c.settings.metric
        var rows = [["cell", "baseline", "current", "change", "p", "verdict"]]
        for cell in c.cells {
            rows.append([
                cell.cell.description, metric.format(cell.baselineMedian), metric.format(cell.currentMedian),
                "\(cell.relativeChange >= 0 ? "+" : "")\(Format.fixed(cell.relativeChange * 100, 1))%",
                cell.pValue.map { Format.fixed($0, 4) } ?? "-", cell.verdict.rawValue,
            ])
        }
        let widths = (0..<6).map { column in rows.map { $0[column].count }.max()! }
        var out = headline(c) + "\n\n"
        for row in rows {
            out +=
                row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        let notes = notes(c)
        if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }
}
