import Foundation

/// Where workload files are looked for, in a documented, predictable order: `--workloads-dir`,
/// then `$BENCH_WORKLOADS`, then `workloads/` in the current folder, then the `workloads/` of the
/// checkout the bench binary was built in (so `bench list` works from any folder).
public enum WorkloadDirectory {
    /// The environment variable naming a folder of workload files.
    public static let environmentVariable = "BENCH_WORKLOADS"

    /// The folders to search, in order, without duplicates; `explicit` is `--workloads-dir`.
    public static func searchPath(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = Sys.executablePath()
    ) -> [String] {
        var folders: [String] = []
        if let explicit { folders.append(explicit) }
        if let variable = environment[environmentVariable], !variable.isEmpty { folders.append(variable) }
        folders.append("workloads")
        if let checkout = checkout(containing: executable) { folders.append("\(checkout)/workloads") }
        var seen = Set<String>()
        return folders.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// The nearest folder above `path` holding both Package.swift and workloads/ (bench's checkout).
    static func checkout(containing path: String) -> String? {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        while folder.path != "/" {
            let manager = FileManager.default
            if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                manager.fileExists(atPath: folder.appendingPathComponent("workloads").path)
            {
                return folder.path
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The first workload file `name` in `folders` (`NAME.yaml` or `NAME.yml`).
    public static func locate(_ name: String, in folders: [String]) -> String? {
        for folder in folders {
            if let path = WorkloadFile.locate(name, in: folder) { return path }
        }
        return nil
    }

    /// Every workload file in `folders`; a name found in an earlier folder hides a later one.
    public static func all(in folders: [String]) -> [(path: String, file: WorkloadFile)] {
        var seen = Set<String>()
        return folders.flatMap { WorkloadFile.all(in: $0) }.filter { seen.insert($0.file.name).inserted }
    }
}
