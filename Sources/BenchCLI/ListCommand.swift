import ArgumentParser
import BenchCore

/// `bench list`: the workloads and models, one line each.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the workloads and execution models, with one line of description each."
    )

    @Option(
        name: .customLong("workloads-dir"),
        help: ArgumentHelp("Folder of workload files, searched first (see 'bench run --help').", valueName: "dir"))
    var workloadsDirectory: String?

    func run() throws {
        let own = UserWorkloads.all
        let width =
            (WorkloadCatalog.names + own.map(\.name) + ModelKind.allCases.map(\.rawValue)).map(\.count).max() ?? 0
        func pad(_ name: String) -> String { name + String(repeating: " ", count: width - name.count) }
        var out = "Workloads (--workload):\n"
        for entry in WorkloadCatalog.entries { out += "  \(pad(entry.name))  \(entry.summary)\n" }
        if !own.isEmpty {
            out += "\nThis executable's own workloads (--workload NAME, closures run under every Swift model):\n"
            for workload in own {
                let summary = workload.summary.isEmpty ? "" : ": \(workload.summary)"
                out += "  \(pad(workload.name))  \(workload.isAsync ? "an async" : "a") Swift closure\(summary)\n"
            }
        }
        let folders = WorkloadDirectory.searchPath(explicit: workloadsDirectory)
        let files = WorkloadDirectory.all(in: folders)
        if files.isEmpty {
            out += "\nNo workload files in \(folders.joined(separator: ", ")).\n"
        } else {
            out += "\nWorkload files (--workload NAME, looked for in \(folders.joined(separator: ", "))):\n"
            let fileWidth = files.map(\.file.name.count).max() ?? 0
            for (_, file) in files {
                out +=
                    "  \(file.name + String(repeating: " ", count: fileWidth - file.name.count))  \(file.description)\n"
            }
        }
        // A file that cannot be used is named with its reason, never left out without a word.
        let rejected = folders.flatMap { WorkloadFile.rejected(in: $0) }
        if !rejected.isEmpty {
            out += "\nLeft out (cannot be used):\n"
            for (_, reason) in rejected { out += "  \(reason)\n" }
        }
        out += "\nModels (--models):\n"
        for model in ModelKind.allCases { out += "  \(pad(model.rawValue))  \(model.summary)\n" }
        try Console.out(out, what: "the list")
    }
}
