/// How many CPUs this process can really use: the smallest of its affinity mask, its cgroup's CPU
/// quota and its cpuset, with what limits it and the frequency settings that shape each CPU.
/// Part of the machine's fingerprint; efficiency and the ideal use ``usableCPUs``.
public struct CPUCapacity: Codable, Sendable, Equatable {
    /// CPUs in the affinity mask (`sched_getaffinity`).
    public var affinityCPUs: Int
    /// The cgroup CPU quota in CPUs (quota ÷ period, the smallest on the path to the root); nil
    /// when there is none.
    public var quotaCPUs: Double?
    /// CPUs in the cgroup's cpuset; nil when unreadable.
    public var cpusetCPUs: Int?
    /// The cgroup version the quota was read from (1 or 2); nil when no cgroup was readable.
    public var cgroupVersion: Int?
    /// The CPU frequency governor of CPU 0 ("performance", "schedutil"); nil when not exposed.
    public var governor: String?
    /// Whether turbo (boost) is enabled; nil when not exposed.
    public var turbo: Bool?
    /// Whether SMT (hyper-threading) is active; nil when not exposed.
    public var smtActive: Bool?

    /// Creates a capacity from known values.
    public init(
        affinityCPUs: Int, quotaCPUs: Double? = nil, cpusetCPUs: Int? = nil, cgroupVersion: Int? = nil,
        governor: String? = nil, turbo: Bool? = nil, smtActive: Bool? = nil
    ) {
        self.affinityCPUs = affinityCPUs
        self.quotaCPUs = quotaCPUs
        self.cpusetCPUs = cpusetCPUs
        self.cgroupVersion = cgroupVersion
        self.governor = governor
        self.turbo = turbo
        self.smtActive = smtActive
    }

    /// The CPUs this process can use: the smallest of the three limits.
    public var usableCPUs: Double {
        min(Double(affinityCPUs), quotaCPUs ?? .infinity, cpusetCPUs.map(Double.init) ?? .infinity)
    }

    /// What sets ``usableCPUs``: "the affinity mask", "the cgroup CPU quota" or "the cpuset".
    public var limitedBy: String {
        if let quotaCPUs, quotaCPUs < Double(affinityCPUs), quotaCPUs <= Double(cpusetCPUs ?? Int.max) {
            return "the cgroup v\(cgroupVersion ?? 1) CPU quota"
        }
        if let cpusetCPUs, cpusetCPUs < affinityCPUs { return "the cpuset" }
        return "the affinity mask"
    }

    /// The machine's capacity now.
    public static func current() -> CPUCapacity {
        let cpu = Sys.cgroupFolder("cpu")
        let cpuset = Sys.cgroupFolder("cpuset")
        let turboOff = Sys.readText("/sys/devices/system/cpu/intel_pstate/no_turbo").map { $0 == "1" }
        let boost = Sys.readText("/sys/devices/system/cpu/cpufreq/boost").map { $0 == "1" }
        return CPUCapacity(
            affinityCPUs: Sys.affinityCPUCount(), quotaCPUs: cpu.flatMap(Sys.cpuQuota),
            cpusetCPUs: cpuset.flatMap(Sys.cpusetCount), cgroupVersion: cpu?.version,
            governor: Sys.readText("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"),
            turbo: turboOff.map { !$0 } ?? boost,
            smtActive: Sys.readText("/sys/devices/system/cpu/smt/active").map { $0 == "1" })
    }

    /// One line for the report: "0.5 (the cgroup v1 CPU quota; affinity 2, cpuset 2)".
    public var summary: String {
        var parts = ["affinity \(affinityCPUs)"]
        if let quotaCPUs { parts.append("quota \(Format.number(quotaCPUs))") }
        if let cpusetCPUs { parts.append("cpuset \(cpusetCPUs)") }
        var text = "\(Format.number(usableCPUs)) (set by \(limitedBy); \(parts.joined(separator: ", ")))"
        var settings: [String] = []
        if let governor { settings.append("governor \(governor)") }
        if let turbo { settings.append("turbo \(turbo ? "on" : "off")") }
        if let smtActive { settings.append("SMT \(smtActive ? "on" : "off")") }
        if !settings.isEmpty { text += "; " + settings.joined(separator: ", ") }
        return text
    }
}
