extension MarkdownFormatter {
    /// Sentences warning about cells whose figures deserve less trust.
    /// Under `auto`, a cell at the maximum that the policy's own rule (on its wall times, `walls`)
    /// still finds unsettled is named.
    static func warnings(
        _ cells: [CellSummary], auto: AutoRepetitions? = nil, walls: [Cell: [Double]] = [:]
    ) -> [String] {
        var warnings: [String] = []
        if let auto {
            // Under the verdict rule only serial, on which every speedup rests, has a precision target.
            let unsettled = cells.filter {
                $0.wall.count >= auto.maximum && !auto.isSettled(walls[$0.cell] ?? [])
                    && (auto.stop == .precision || $0.cell.model == .serial)
            }
            if !unsettled.isEmpty {
                warnings.append(
                    "Stopped at the maximum of \(auto.maximum) repetitions before the median's 95% CI narrowed to ± \(Format.percent(auto.target)): \(unsettled.map(\.cell.modelName).joined(separator: ", ")). Their figures are as precise as the table says, no more; a quieter machine or --max-repetitions helps."
                )
            }
        }
        let withoutInterval = cells.filter { $0.wallInterval == nil }
        if !withoutInterval.isEmpty {
            let names = withoutInterval.map { "\($0.cell.modelName) (\($0.wall.count))" }.joined(separator: ", ")
            warnings.append(
                "Too few samples for a 95% CI of the median, which takes at least 6: \(names). Use --repetitions 6 or more before trusting small differences."
            )
        }
        for cell in cells {
            let name = cell.cell.modelName
            if let interval = cell.wallInterval {
                let halfWidth = interval.relativeHalfWidth(median: cell.wall.median)
                if halfWidth > wideInterval {
                    warnings.append(
                        "\(name): the median's 95% CI is ± \(Format.percent(halfWidth)), wider than ± \(Format.percent(wideInterval)); run more repetitions or on a quieter machine before trusting small differences."
                    )
                }
            }
            if !cell.wallOutliers.isEmpty {
                let values = cell.wallOutliers.map(Format.duration).joined(separator: ", ")
                warnings.append(
                    "\(name): \(cell.wallOutliers.count) of \(cell.wall.count) wall times \(cell.wallOutliers.count == 1 ? "is an outlier" : "are outliers") (modified z-score above 3.5): \(values). Kept in the figures; a busy machine is the usual cause."
                )
            }
        }
        return warnings
    }

    /// Sentences flagging samples the machine took CPU from: throttled by the cgroup CPU quota, or
    /// with more than 5% of their CPU time stolen by the hypervisor. They stay in the figures,
    /// named here and in samples.csv (`throttled_periods`, `throttled_s`, `steal_s`).
    static func capacityWarnings(_ samples: [Sample]) -> [String] {
        var warnings: [String] = []
        func names(_ flagged: [Sample]) -> String {
            flagged.map { "\($0.cell.modelName) #\($0.repetition)" }.joined(separator: ", ")
        }
        let throttled = samples.filter { $0.status == .ok && $0.wasThrottled }
        if !throttled.isEmpty {
            let seconds = throttled.compactMap(\.throttledSeconds).reduce(0, +)
            warnings.append(
                "\(throttled.count) \(throttled.count == 1 ? "sample was" : "samples were") throttled by the cgroup CPU quota (\(throttled.compactMap(\.throttledPeriods).reduce(0, +)) periods, \(Format.duration(seconds)) in all): \(names(throttled)). Kept in the figures; their times include waiting for quota."
            )
        }
        let stolen = samples.filter { $0.status == .ok && $0.hadSteal }
        if !stolen.isEmpty {
            warnings.append(
                "\(stolen.count) \(stolen.count == 1 ? "sample" : "samples") lost more than 5% of their CPUs' capacity (wall × usable CPUs) to steal (the hypervisor ran something else): \(names(stolen)). Kept in the figures; a dedicated machine avoids it."
            )
        }
        // A free-threaded build's GIL off that an imported module turned back on: those figures
        // are of a GIL, and say so.
        let gilBack = samples.filter { $0.status == .ok && $0.cell.gil == .off && $0.gilEnabled == true }
        if !gilBack.isEmpty {
            warnings.append(
                "The GIL came back on in \(gilBack.count) \(gilBack.count == 1 ? "sample" : "samples") of a free-threaded build running without it (`sys._is_gil_enabled()` was true after the workload was imported: a module without free-threading support re-enabled it): \(names(gilBack)). Their figures are of a GIL; import only modules that declare free-threading support, or force it off with --gil off if the module is safe without it."
            )
        }
        return warnings
    }
}
