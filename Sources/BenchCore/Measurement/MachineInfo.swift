import Foundation

/// What the measurements ran on: enough to tell whether two results are comparable.
public struct MachineInfo: Codable, Sendable, Equatable {
    /// The CPU model name, e.g. `"AMD EPYC 7B13"`.
    public var cpuModel: String
    /// CPUs online on the machine.
    public var cpusOnline: Int
    /// CPUs in this process's affinity mask: the cores it can actually use.
    public var coresAvailable: Int
    /// Physical memory, in bytes (0 when unknown).
    public var memoryBytes: Int
    /// The operating system, e.g. `"Debian GNU/Linux 12 (bookworm)"`.
    public var operatingSystem: String
    /// Kernel name and release.
    public var kernel: String
    /// The Swift compiler version `bench` was built with.
    public var swiftVersion: String

    /// Creates a description from known values (tests, fixtures).
    public init(cpuModel: String, cpusOnline: Int, coresAvailable: Int, memoryBytes: Int,
                operatingSystem: String, kernel: String, swiftVersion: String) {
        self.cpuModel = cpuModel
        self.cpusOnline = cpusOnline
        self.coresAvailable = coresAvailable
        self.memoryBytes = memoryBytes
        self.operatingSystem = operatingSystem
        self.kernel = kernel
        self.swiftVersion = swiftVersion
    }

    /// Reads the current machine.
    public static func current() -> MachineInfo {
        MachineInfo(
            cpuModel: procField("/proc/cpuinfo", key: "model name") ?? "unknown",
            cpusOnline: Sys.onlineCPUCount(),
            coresAvailable: Sys.affinityCPUCount(),
            memoryBytes: procField("/proc/meminfo", key: "MemTotal")
                .flatMap { Int($0.split(separator: " ").first ?? "") }.map { $0 * 1024 } ?? 0,
            operatingSystem: osRelease() ?? "unknown",
            kernel: Sys.kernel(),
            swiftVersion: compilerVersion
        )
    }

    private static func procField(_ path: String, key: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    private static func osRelease() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            return String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// The compiler version at build time, to minor-version precision.
    static var compilerVersion: String {
        #if compiler(>=6.5)
        return "6.5 or later"
        #elseif compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }
}
