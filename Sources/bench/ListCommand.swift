import ArgumentParser
import BenchCore

/// `bench list`: the workloads and models, one line each.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the workloads and execution models, with one line of description each."
    )

    func run() {
        let width = (WorkloadCatalog.names + ModelKind.allCases.map(\.rawValue)).map(\.count).max() ?? 0
        func pad(_ name: String) -> String { name + String(repeating: " ", count: width - name.count) }
        print("Workloads (--workload):")
        for entry in WorkloadCatalog.entries { print("  \(pad(entry.name))  \(entry.summary)") }
        let files = WorkloadFile.all()
        if !files.isEmpty {
            print("\nWorkload files (--workload NAME, from workloads/):")
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
