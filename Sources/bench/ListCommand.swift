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

    func run() {
        let width = (WorkloadCatalog.names + ModelKind.allCases.map(\.rawValue)).map(\.count).max() ?? 0
        func pad(_ name: String) -> String { name + String(repeating: " ", count: width - name.count) }
        print("Workloads (--workload):")
        for entry in WorkloadCatalog.entries { print("  \(pad(entry.name))  \(entry.summary)") }
        let folders = WorkloadDirectory.searchPath(explicit: workloadsDirectory)
        let files = WorkloadDirectory.all(in: folders)
        if files.isEmpty {
            print("\nNo workload files in \(folders.joined(separator: ", ")).")
        } else {
            print("\nWorkload files (--workload NAME, looked for in \(folders.joined(separator: ", "))):")
            let fileWidth = files.map(\.file.name.count).max() ?? 0
            for (_, file) in files {
                print(
                    "  \(file.name + String(repeating: " ", count: fileWidth - file.name.count))  \(file.description)")
            }
        }
        print("\nModels (--models):")
        for model in ModelKind.allCases { print("  \(pad(model.rawValue))  \(model.summary)") }
    }
}
