/// A command's settings, resolved once by ``SettingsResolver`` and never changed afterwards: the
/// configuration every later stage reads, the interpreters probed for it, and a sweep's grid.
public struct Settings: Sendable, Equatable {
    /// The settled configuration.
    public let configuration: RunConfiguration
    /// The interpreter of each runtime instance that runs in one, probed once.
    public let interpreters: [RuntimeInstance: InterpreterInfo]
    /// For `bench sweep`: the worker counts and I/O fractions; nil for `bench run`.
    public let sweep: SweepConfiguration?
    /// For `bench sweep --io-fraction auto`: search each worker count's crossover.
    public let searchesCrossover: Bool
}

/// What settings depend on that is read from the machine, not given: the CPUs this process may
/// run on and those it can really use.
public struct MachineFacts: Sendable, Equatable {
    /// CPUs in the affinity mask.
    public var coresAvailable: Int
    /// The CPUs really usable (``CPUCapacity/usableCPUs``); nil when not read.
    public var usableCPUs: Double?

    /// Facts from known values.
    public init(coresAvailable: Int, usableCPUs: Double?) {
        self.coresAvailable = coresAvailable
        self.usableCPUs = usableCPUs
    }

    /// This machine's facts, read now.
    public static func current() -> MachineFacts {
        MachineFacts(coresAvailable: Sys.affinityCPUCount(), usableCPUs: CPUCapacity.current().usableCPUs)
    }
}
