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
        /// Whether `--task-ms` applies (false for `noop`, whose tasks do nothing).
        public var usesTaskDuration: Bool = true
        /// Describes the workload for a task duration and I/O fraction, given the run's calibration.
        public var make:
            @Sendable (_ taskSeconds: Double, _ ioFraction: Double, _ calibration: Calibration) -> WorkloadSpec
    }

    /// Every built-in workload, in the order `bench list` shows them.
    /// Adding one is a file in this folder and one entry here.
    public static let entries: [Entry] = [
        Entry(
            name: "cpu", kind: .cpu,
            summary: "compute-bound: a hash-chain kernel calibrated to --task-ms on one core, checksummed",
            make: { seconds, _, calibration in
                WorkloadSpec(
                    name: "cpu", kind: .cpu, taskSeconds: seconds,
                    iterations: calibration.iterations(forSeconds: seconds))
            }),
        Entry(
            name: "io", kind: .io,
            summary: "wait-bound: each task waits --task-ms (blocking sleep on threads, Task.sleep in async models)",
            make: { seconds, _, _ in WorkloadSpec(name: "io", kind: .io, taskSeconds: seconds) }),
        Entry(
            name: "mixed", kind: .mixed,
            summary: "each task computes for (1 − f) of --task-ms, then waits for f (--io-fraction f, default 0.5)",
            make: { seconds, fraction, calibration in
                WorkloadSpec(
                    name: "mixed", kind: .mixed, taskSeconds: seconds,
                    iterations: calibration.iterations(forSeconds: seconds * (1 - fraction)), ioFraction: fraction)
            }),
        Entry(
            name: "alloc", kind: .alloc,
            summary:
                "allocation-heavy: each task allocates and frees --alloc-objects objects of --alloc-bytes (ignores --task-ms)",
            usesTaskDuration: false,
            make: { _, _, _ in WorkloadSpec(name: "alloc", kind: .alloc, taskSeconds: 0) }),
        Entry(
            name: "noop", kind: .cpu,
            summary: "tasks that do nothing: measures what each model pays to hand out a task (ignores --task-ms)",
            usesTaskDuration: false,
            make: { _, _, _ in WorkloadSpec(name: "noop", kind: .cpu, taskSeconds: 0, iterations: 0) }),
    ]

    /// The names of every built-in workload.
    public static var names: [String] { entries.map(\.name) }

    /// The entry called `name`, if there is one.
    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
