extension RunResult {
    /// Rebuilds the cells of a result written with schema version 3, where some dimensions lived
    /// only in the configuration (file size, allocation parameters) and a workload's name carried
    /// its sweep fraction or allocator as a suffix. The clean name is the configured workload the
    /// recorded name starts with; the allocator is the one the sample verified, else the only one
    /// configured, else the one its legacy name ends with. Only reading old files does this.
    mutating func rebuildSchema3Cells() {
        let names = configuration.workloads.sorted { $0.count > $1.count }
        func clean(_ name: String) -> String {
            names.first { name == $0 || name.hasPrefix($0 + " ") } ?? name
        }
        let configuration = configuration
        for index in samples.indices {
            let old = samples[index].cell
            let recorded = samples[index].allocatorInUse
            let allocator: Allocator =
                if recorded != nil { Allocator(describing: recorded) } else if configuration.allocators.count == 1 {
                    configuration.allocators[0]
                } else { Allocator.allCases.first { old.workload.hasSuffix(" [\($0.rawValue)]") } ?? .system }
            samples[index].cell = Cell(
                workload: clean(old.workload), kind: old.kind, model: old.model, workers: old.workers, tasks: old.tasks,
                taskSeconds: old.taskSeconds, ioFraction: old.ioFraction,
                ioKind: old.ioKind != .sleep ? old.ioKind : configuration.ioKind, fileBytes: configuration.fileBytes,
                allocObjects: configuration.allocObjects, allocObjectBytes: configuration.allocObjectBytes,
                allocator: allocator)
        }
        var seen: [WorkloadDescription] = []
        for var workload in workloads {
            workload.name = clean(workload.name)
            if !seen.contains(workload) { seen.append(workload) }
        }
        workloads = seen
    }
}
