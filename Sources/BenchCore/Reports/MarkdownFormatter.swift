/// The human report: machine, configuration, verdict, and a table per workload.
public struct MarkdownFormatter: ReportFormatter {
    public init() {}

    /// A confidence interval wider than this (± half-width relative to the median) gets a warning.
    public static let wideInterval = 0.05

    public var fileName: String { "report.md" }

    public func format(_ report: Report) -> String {
        let result = report.result
        let analysis = report.analysis
        let config = result.configuration
        var out = "# bench report\n\n"

        // A merged result has several machines: its "Machines" section names each, below.
        let merged = (result.machines?.count ?? 0) > 1
        if !merged {
            out += machineSection(result.machine)
        }
        out += configurationSection(result, analysis)
        out += MachineSection.markdown(result.machines, analysis.machines)
        out += CrossoverSection.markdown(report)
        out += ScalabilitySection.markdown(analysis.scalability)
        out += AllocatorSection.markdown(analysis.allocators)
        out += RuntimeSection.markdown(
            analysis.runtimes, skipped: Runtime.skipped(config, interpreters: result.machine.interpreters))
        return out + familySections(result, analysis)
    }

    /// The machine's fingerprint, as a table.
    private func machineSection(_ machine: MachineInfo) -> String {
        var out = "## Machine\n\n"
        out += "| | |\n|---|---|\n"
        out += "| CPU | \(machine.cpuModel) |\n"
        out += "| Cores available | \(machine.coresAvailable) (of \(machine.cpusOnline) online) |\n"
        if let capacity = machine.capacity { out += "| Usable CPUs | \(capacity.summary) |\n" }
        out += "| Memory | \(Format.bytes(machine.memoryBytes)) |\n"
        out += "| OS | \(machine.operatingSystem), \(machine.kernel) |\n"
        out += "| Swift | \(machine.swiftVersion) |\n"
        out += "| bench | \(machine.benchVersion)\(machine.gitCommit.map { " (\(String($0.prefix(12))))" } ?? "") |\n"
        if machine.loadAverage.count == 3 {
            out +=
                "| Load average at start | \(machine.loadAverage.map { Format.fixed($0, 2) }.joined(separator: ", ")) |\n"
        }
        out += "| Allocator | \(machine.allocator) |\n"
        for (runtime, interpreter) in machine.interpreters.sorted(by: { $0.key < $1.key }) {
            let row = runtime.runtime.backend.fingerprint(interpreter)
            out += "| \(row.label) | \(row.value) |\n"
        }
        if !machine.commandLine.isEmpty {
            out += "| Command | `\(machine.commandLine.joined(separator: " "))` |\n"
        }
        return out + "\n"
    }

    /// What was asked: workers, tasks, repetitions, the baseline, models, runtimes, workloads.
    private func configurationSection(_ result: RunResult, _ analysis: RunAnalysis) -> String {
        let config = result.configuration
        var out = "## Configuration\n\n"
        if let machines = result.machines, machines.count > 1 {
            let sources = machines.reduce(0) { $0 + $1.sources.count }
            out +=
                "- Merged from \(sources) results on \(machines.count) machines (`bench merge`): the settings below are the first result's; each machine's own workers and tasks are in its tables\n"
        }
        out += "- Started: \(Format.timestamp(result.startedAt))\n"
        out += "- Workers: \(config.workers)"
        if config.isOversubscribed {
            let usable = config.usableCPUCount
            out +=
                " (**oversubscribed**: more workers than the \(Format.number(usable)) usable \(usable == 1 ? "CPU" : "CPUs"))"
        }
        out += "\n"
        out +=
            config.usesTaskDuration
            ? "- Tasks per sample: \(config.tasks) of \(Format.number(config.taskMilliseconds)) ms each\n"
            : "- Tasks per sample: \(config.tasks)\n"
        out +=
            "- Repetitions: \(Self.repetitionText(config)), after \(config.warmup) warm-up\(config.autoRepetitions?.stop == .verdict ? " of each pool, process-per-task and CPython cell" : ""); \(Self.orderText(config, sweep: result.sweep != nil))\n"
        if let source = analysis.families.lazy.compactMap({ $0.cells.first?.baseline }).first(where: \.isExtrapolated) {
            out +=
                "- Serial baseline: **extrapolated** from \(source.measuredTasks) of \(source.tasks) tasks: serial ran the first \(source.measuredTasks) tasks of each sample and its times were scaled by \(source.tasks) ÷ \(source.measuredTasks) (`--baseline measured` runs them all)\n"
        }
        out += "- Models: \(config.models.map(\.rawValue).joined(separator: ", "))\n"
        if config.runtimes != [.swift] {
            // Each interpreter by name: several of one runtime are several runtimes.
            let names = config.runtimes.flatMap { runtime in
                let instances = result.machine.interpreters.keys.filter { $0.runtime == runtime }.sorted()
                return instances.isEmpty ? [runtime.displayName] : instances.map(\.displayName)
            }
            out += "- Runtimes: \(names.joined(separator: ", "))\n"
        }
        var described: Set<String> = []
        for workload in result.workloads {
            let runtime = workload.runtime.map { $0 == .swift ? "" : ", \($0.displayName)" } ?? ""
            let line =
                "- `\(workload.name)` (\(workload.kind.rawValue)\(runtime)): one task is \(workload.taskDescription)\n"
            // A free-threaded build's GIL states run the same tasks: one line for them.
            if described.insert(line).inserted { out += line }
        }
        return out + "\n"
    }

    /// The verdicts, each family's table and warnings, the failed samples, and the closing notes.
    private func familySections(_ result: RunResult, _ analysis: RunAnalysis) -> String {
        let config = result.configuration
        var out = ""
        // A family's heading names only what sets it apart from the run's other families.
        let varying = Set(Cell.varying(analysis.families.map(\.baseline)))
        // A runtime other than Swift is always named, so CPython's figures never pass for Swift's.
        let heading = { (family: RunAnalysis.Family) -> String in
            let cell = family.baseline
            let plain = analysis.families.count == 1 || varying.subtracting([.workload, .kind]).isEmpty
            if plain && cell.runtime != .swift { return "\(cell.workload) · \(cell.instance.displayName)" }
            return plain ? cell.workload : cell.experimentName
        }
        out += "## Verdict\n\n"
        for family in analysis.families {
            if let verdict = family.verdict {
                let note = family.cells.first?.baseline.flatMap {
                    $0.isExtrapolated ? " (Speedups are against \($0).)" : nil
                }
                out += "- **\(heading(family))**: \(verdict.text)\(note ?? "")\n"
            }
        }
        out += "\n"

        for family in analysis.families where !family.cells.isEmpty {
            out += "## \(heading(family))\n\n"
            let hasStartup = family.cells.contains { $0.startupSeconds != nil }
            out +=
                "| Model | Workers | n | Median wall (95% CI) | CPU | Utilisation | Speedup | Efficiency | vs ideal | Task p50 / p99 |"
                + (hasStartup ? " Start-up |" : "") + "\n"
            out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (hasStartup ? "---:|" : "") + "\n"
            let mark = family.cells.first?.isAgainstExtrapolatedBaseline == true ? "†" : ""
            for cell in family.cells {
                let interval =
                    cell.wallInterval.map { " ± \(Format.percent($0.relativeHalfWidth(median: cell.wall.median)))" }
                    ?? ""
                let latency =
                    cell.latency.map { "\(Format.duration($0.p50Seconds)) / \(Format.duration($0.p99Seconds))" } ?? ""
                out +=
                    "| \(cell.cell.modelLabel) | \(cell.cell.workers) | \(cell.wall.count) | \(Format.duration(cell.wall.median))\(mark)\(interval) | \(Format.duration(cell.cpu.median)) | \(Format.fixed(cell.utilisationCores, 2)) cores | \(Format.ratio(cell.speedup))\(mark) | \(Format.percent(cell.efficiency))\(mark) | \(Format.ratio(cell.vsIdeal))\(mark) | \(latency) |"
                if hasStartup { out += " \(cell.startupSeconds.map(Format.duration) ?? "") |" }
                out += "\n"
            }
            out += "\n"
            if let check = analysis.resultChecks.first(where: { $0.baseline == family.baseline }),
                !check.sentences.isEmpty
            {
                out += "Result check: " + check.sentences.joined(separator: " ") + "\n\n"
            }
            if let stop = result.stops.first(where: { $0.experiment == family.baseline }) {
                out += stop.sentence + "\n\n"
            }
            if let waiting = WaitingToRun.sentence(family.cells) { out += waiting + "\n\n" }
            if let source = family.cells.first?.baseline, source.isExtrapolated {
                out +=
                    "† Against \(source): serial's wall and CPU times are its first \(source.measuredTasks) tasks' scaled by \(source.tasks) ÷ \(source.measuredTasks), and every ratio here rests on them.\n\n"
            }
            let warnings =
                Self.warnings(family.cells, auto: config.autoRepetitions, walls: analysis.walls)
                + Self.capacityWarnings(result.samples.filter { $0.cell.baseline == family.baseline })
            if !warnings.isEmpty {
                out += warnings.map { "> ⚠ \($0)\n" }.joined(separator: ">\n") + "\n"
            }
            if hasStartup {
                out +=
                    "Start-up is the time to start a worker pool before its first task; the pool's wall time excludes it (add the two for the whole cost).\n\n"
            }
        }
        let unsuccessful = result.unsuccessfulSamples
        if !unsuccessful.isEmpty || result.interrupted {
            out += "## Failed samples\n\n"
            if result.interrupted {
                out += "The run was **interrupted**; the tables hold only the samples finished before it.\n\n"
            }
            if !unsuccessful.isEmpty {
                out += "These are left out of every figure above.\n\n"
                out += "| Experiment | Model | Workers | Repetition | Status | Reason |\n|---|---|---:|---:|---|---|\n"
                for sample in unsuccessful {
                    out +=
                        "| \(sample.cell.experimentName) | \(sample.cell.model.rawValue) | \(sample.cell.workers) | \(sample.repetition == 0 ? "warm-up" : String(sample.repetition)) | \(sample.status.rawValue) | \(sample.failureReason ?? "") |\n"
                }
                out += "\n"
            }
        }
        out +=
            "Medians over \(config.autoRepetitions == nil ? "\(config.repetitions) repetitions" : "each cell's n repetitions"), with the distribution-free 95% confidence interval of the median (order statistics) as ± half its width. Speedup is serial's median wall time over the model's; efficiency is speedup ÷ min(workers, cores available); "
            + "\"vs ideal\" is measured ÷ ideal wall time (compute: serial ÷ usable cores; waiting: ⌈tasks ÷ workers⌉ × task time), so 1.00x is perfect.\n"
        return out
    }

    /// How many repetitions each cell got, as the configuration section states it.
    static func repetitionText(_ config: RunConfiguration) -> String {
        guard let auto = config.autoRepetitions else { return "\(config.repetitions) per cell" }
        return "auto, each cell \(auto.description) (n in the tables)"
    }

    /// The order samples actually ran in, as the configuration section states it.
    static func orderText(_ config: RunConfiguration, sweep: Bool) -> String {
        if sweep { return "models and worker counts interleaved within each repetition" }
        switch config.order {
        case .interleaved: return "models interleaved within each repetition"
        case .grouped: return "grouped: all repetitions of one model before the next"
        case .random: return "in a random order (seed \(config.seed))"
        }
    }
}
