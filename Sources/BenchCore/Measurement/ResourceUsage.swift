#if canImport(Glibc)
    import Glibc
#endif

/// CPU time, context switches and peak memory read from `getrusage`.
public struct ResourceUsage: Codable, Sendable, Equatable {
    /// CPU time spent in user mode, in seconds.
    public var userSeconds: Double
    /// CPU time spent in the kernel on the process's behalf, in seconds.
    public var systemSeconds: Double
    /// Context switches because a thread waited (I/O, sleep, lock).
    public var voluntaryContextSwitches: Int
    /// Context switches because the scheduler preempted a thread.
    public var involuntaryContextSwitches: Int
    /// The largest resident set size seen so far, in bytes.
    public var peakRSSBytes: Int

    /// Creates a usage value from its parts.
    public init(
        userSeconds: Double, systemSeconds: Double, voluntaryContextSwitches: Int,
        involuntaryContextSwitches: Int, peakRSSBytes: Int
    ) {
        self.userSeconds = userSeconds
        self.systemSeconds = systemSeconds
        self.voluntaryContextSwitches = voluntaryContextSwitches
        self.involuntaryContextSwitches = involuntaryContextSwitches
        self.peakRSSBytes = peakRSSBytes
    }

    init(_ usage: rusage) {
        func seconds(_ tv: timeval) -> Double { Double(tv.tv_sec) + Double(tv.tv_usec) / 1_000_000 }
        self.init(
            userSeconds: seconds(usage.ru_utime),
            systemSeconds: seconds(usage.ru_stime),
            voluntaryContextSwitches: Int(usage.ru_nvcsw),
            involuntaryContextSwitches: Int(usage.ru_nivcsw),
            peakRSSBytes: Int(usage.ru_maxrss) * 1024  // Linux reports kilobytes.
        )
    }

    /// This usage plus `other`'s (e.g. a process and its children); peak RSS is the larger peak.
    public func adding(_ other: ResourceUsage) -> ResourceUsage {
        ResourceUsage(
            userSeconds: userSeconds + other.userSeconds,
            systemSeconds: systemSeconds + other.systemSeconds,
            voluntaryContextSwitches: voluntaryContextSwitches + other.voluntaryContextSwitches,
            involuntaryContextSwitches: involuntaryContextSwitches + other.involuntaryContextSwitches,
            peakRSSBytes: max(peakRSSBytes, other.peakRSSBytes)
        )
    }

    /// The usage accumulated between `earlier` and `self`; peak RSS is the later peak, since it
    /// is a high-water mark, not a counter.
    public func since(_ earlier: ResourceUsage) -> ResourceUsage {
        ResourceUsage(
            userSeconds: max(0, userSeconds - earlier.userSeconds),
            systemSeconds: max(0, systemSeconds - earlier.systemSeconds),
            voluntaryContextSwitches: voluntaryContextSwitches - earlier.voluntaryContextSwitches,
            involuntaryContextSwitches: involuntaryContextSwitches - earlier.involuntaryContextSwitches,
            peakRSSBytes: peakRSSBytes
        )
    }

    /// The usage of `factor` times the work (an extrapolated sample): times and context switches
    /// scale; peak RSS, a high-water mark, does not.
    public func scaled(by factor: Double) -> ResourceUsage {
        guard factor != 1 else { return self }
        return ResourceUsage(
            userSeconds: userSeconds * factor, systemSeconds: systemSeconds * factor,
            voluntaryContextSwitches: Int((Double(voluntaryContextSwitches) * factor).rounded()),
            involuntaryContextSwitches: Int((Double(involuntaryContextSwitches) * factor).rounded()),
            peakRSSBytes: peakRSSBytes)
    }
}
