extension WorkloadFile {
    /// The workload file `--workload` names, if it names one rather than built-ins: a path to a
    /// .yaml, or a name looked up in ``WorkloadDirectory/searchPath(explicit:environment:executable:)``.
    /// - Parameters:
    ///   - list: the `--workload` text (nil: the default built-ins).
    ///   - explicit: `--workloads-dir`, searched first.
    /// - Throws: ``BenchError/usage(_:)`` for a missing file, an unknown name, or a file beside other workloads.
    public static func referenced(by list: String?, searching explicit: String?) throws -> WorkloadFile? {
        guard let list else { return nil }
        let names = ListSetting(list).presentItems
        guard
            let reference = names.first(where: {
                WorkloadCatalog.entry(named: $0) == nil && UserWorkloads.named($0) == nil
            })
        else { return nil }
        let folders = WorkloadDirectory.searchPath(explicit: explicit)
        let isPath = reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference.contains("/")
        guard let path = isPath ? locate(reference) : WorkloadDirectory.locate(reference, in: folders) else {
            // A path names a file the user meant: say it is missing, not that the name is unknown.
            if isPath {
                throw BenchError.usage(
                    "--workload \(reference): no such file; give the path of a workload file (.yaml) or a name: \(WorkloadCatalog.names.joined(separator: ", ")), or one in workloads/."
                )
            }
            throw BenchError.usage(
                "Unknown workload '\(reference)'; valid workloads: \(WorkloadCatalog.names.joined(separator: ", ")), or a workload file \(reference).yaml, looked for in \(folders.joined(separator: ", ")) (see 'bench list'; --workloads-dir or $\(WorkloadDirectory.environmentVariable) adds a folder)."
            )
        }
        guard names.count == 1 else {
            throw BenchError.usage("A workload file runs alone; run '\(reference)' without other workloads.")
        }
        return try load(path)
    }
}
