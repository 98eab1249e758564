import Foundation

/// The version of bench, recorded in every result.
public enum BenchVersion {
    /// The semantic version.
    public static let current = "0.3.0"
}

/// What the measurements ran on and how they were started: the fingerprint that tells whether two
/// results are comparable.
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
    /// bench's version.
    public var benchVersion: String = BenchVersion.current
    /// The git commit bench was built from, when the binary sits in a git checkout.
    public var gitCommit: String?
    /// The 1, 5 and 15-minute load averages when the run started.
    public var loadAverage: [Double] = []
    /// The memory allocator in use by the harness.
    public var allocator: String = "system"
    /// The command line that started the run.
    public var commandLine: [String] = []
    /// What limits the CPUs this process can use (affinity, cgroup quota, cpuset) and the
    /// frequency settings; nil when not read (simulated machines, older results).
    public var capacity: CPUCapacity?
    /// The interpreter each non-Swift runtime instance's cells ran in (version, build, GIL), by
    /// instance ("python 3.13.0"; "python" in results from before several could run); empty when
    /// only Swift ran.
    public var interpreters: [RuntimeInstance: InterpreterInfo] = [:]

    /// Creates a description from known values (tests, fixtures).
    public init(
        cpuModel: String, cpusOnline: Int, coresAvailable: Int, memoryBytes: Int,
        operatingSystem: String, kernel: String, swiftVersion: String, gitCommit: String? = nil,
        loadAverage: [Double] = [], allocator: String = "system", commandLine: [String] = []
    ) {
        self.cpuModel = cpuModel
        self.cpusOnline = cpusOnline
        self.coresAvailable = coresAvailable
        self.memoryBytes = memoryBytes
        self.operatingSystem = operatingSystem
        self.kernel = kernel
        self.swiftVersion = swiftVersion
        self.gitCommit = gitCommit
        self.loadAverage = loadAverage
        self.allocator = allocator
        self.commandLine = commandLine
    }

    /// The CPUs this machine let bench use: its capacity's usable CPUs, else the cores available.
    public var usableCPUs: Double { capacity?.usableCPUs ?? Double(coresAvailable) }

    /// The machine as a merged result names it: "AMD EPYC, 2 CPUs". Two fingerprints with the
    /// same CPU model and usable CPUs get the same label (``identity`` tells hosts apart).
    public var label: String {
        "\(cpuModel), \(Format.number(usableCPUs)) \(usableCPUs == 1 ? "CPU" : "CPUs")"
    }

    /// What makes two fingerprints the same machine: the label, the kernel and the memory.
    public var identity: String { "\(label)|\(kernel)|\(memoryBytes)" }

    /// Why results from `self` and `other` should not be compared on absolute times, or nil if
    /// they can: another CPU model or another number of usable cores.
    public func incompatibility(with other: MachineInfo) -> String? {
        if cpuModel != other.cpuModel { return "the CPU differs ('\(cpuModel)' against '\(other.cpuModel)')" }
        if coresAvailable != other.coresAvailable {
            return "the cores available differ (\(coresAvailable) against \(other.coresAvailable))"
        }
        return nil
    }

    /// Reads the current machine.
    public static func current() -> MachineInfo {
        var machine = MachineInfo(
            cpuModel: procField("/proc/cpuinfo", key: "model name") ?? "unknown",
            cpusOnline: Sys.onlineCPUCount(),
            coresAvailable: Sys.affinityCPUCount(),
            memoryBytes: procField("/proc/meminfo", key: "MemTotal")
                .flatMap { Int($0.split(separator: " ").first ?? "") }.map { $0 * 1024 } ?? 0,
            operatingSystem: osRelease() ?? "unknown",
            kernel: Sys.kernel(),
            swiftVersion: compilerVersion,
            gitCommit: gitCommit(near: Sys.executablePath()),
            loadAverage: loadAverage(),
            allocator: "system (glibc malloc)",
            commandLine: CommandLine.arguments
        )
        machine.capacity = CPUCapacity.current()
        return machine
    }

    private static func loadAverage() -> [Double] {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return [] }
        return text.split(separator: " ").prefix(3).compactMap { Double($0) }
    }

    /// The commit checked out in the nearest git work tree above `path` (bench lives in
    /// `.build/…/bench` inside its checkout), read from `.git` without running git.
    static func gitCommit(near path: String) -> String? {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        while folder.path != "/" {
            let git = folder.appendingPathComponent(".git")
            if let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            {
                guard head.hasPrefix("ref: ") else { return head }
                let ref = String(head.dropFirst(5))
                if let commit = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
                    return commit.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                let packed = (try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
                return packed.split(separator: "\n").first { $0.hasSuffix(" \(ref)") }.map { String($0.prefix(40)) }
            }
            folder.deleteLastPathComponent()
        }
        return nil
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

extension MachineInfo {
    /// Decodes a fingerprint, defaulting the fields added after the first release.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cpuModel = try c.decode(String.self, forKey: .cpuModel)
        cpusOnline = try c.decode(Int.self, forKey: .cpusOnline)
        coresAvailable = try c.decode(Int.self, forKey: .coresAvailable)
        memoryBytes = try c.decode(Int.self, forKey: .memoryBytes)
        operatingSystem = try c.decode(String.self, forKey: .operatingSystem)
        kernel = try c.decode(String.self, forKey: .kernel)
        swiftVersion = try c.decode(String.self, forKey: .swiftVersion)
        benchVersion = try c.decodeIfPresent(String.self, forKey: .benchVersion) ?? "unknown"
        gitCommit = try c.decodeIfPresent(String.self, forKey: .gitCommit)
        loadAverage = try c.decodeIfPresent([Double].self, forKey: .loadAverage) ?? []
        allocator = try c.decodeIfPresent(String.self, forKey: .allocator) ?? "system"
        commandLine = try c.decodeIfPresent([String].self, forKey: .commandLine) ?? []
        interpreters =
            try c.decodeIfPresent([RuntimeInstance: InterpreterInfo].self, forKey: .interpreters)
            ?? SchemaKey.perRuntime(InterpreterInfo.self, in: decoder, named: \.rawValue)
    }
}
