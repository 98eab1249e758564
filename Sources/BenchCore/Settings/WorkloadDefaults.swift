/// Defaults of the settings that have one, used by workload specs, the run
/// configuration, its decoder and the command line alike (`RunConfiguration.Defaults`).
public enum WorkloadDefaults {
    /// Share of each mixed task spent waiting.
    public static let ioFraction = 0.5
    /// Bytes written and read back per task by the file I/O kind.
    public static let fileBytes = 65_536
    /// Objects per alloc task.
    public static let allocObjects = 100_000
    /// Bytes per object of alloc tasks.
    public static let allocObjectBytes = 64
}
