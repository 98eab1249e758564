/// The built-in workloads users can select by name.
public enum WorkloadCatalog {
    /// One selectable workload.
    public struct Entry: Sendable {
        /// The name on the command line.
        public var name: String
        /// What its tasks spend their time on.
        public var kind: WorkloadKind
        /// One line for `bench list`.
        public var summary: String
        /// Builds the workload for a task duration, given the run's kernel calibration.
        public var make: @Sendable (_ taskSeconds: Double, _ calibration: Calibration) -> any Workload
    }

    /// Every built-in workload, in the order `bench list` shows them.
    public static let entries: [Entry] = [
        Entry(name: "cpu", kind: .cpu,
              summary: "compute-bound: a hash-chain kernel calibrated to --task-ms on one core, checksummed",
              make: { seconds, calibration in
                  ComputeWorkload(taskSeconds: seconds, iterations: calibration.iterations(forSeconds: seconds))
              }),
        Entry(name: "io", kind: .io,
              summary: "wait-bound: each task waits --task-ms (blocking sleep on threads, Task.sleep in async models)",
              make: { seconds, _ in SleepWorkload(taskSeconds: seconds) }),
    ]

    /// The names of every built-in workload.
    public static var names: [String] { entries.map(\.name) }

    /// The entry called `name`, if there is one.
    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
