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
        /// Builds the workload whole from the run's parameters.
        public var make: @Sendable (_ parameters: Parameters) -> WorkloadSpec
    }

    /// What a run decides about every workload it builds: its name, a task's duration, its I/O
    /// fraction, the kernel's speed, how tasks wait and in which runtime they run.
    public struct Parameters: Sendable {
        /// The name reports use (a workload file's name, or the built-in's).
        public var name: String
        /// One task's duration on one core, in seconds.
        public var taskSeconds: Double
        /// The share of each task spent waiting, for mixed workloads.
        public var ioFraction: Double
        /// The kernel's speed in the runtime.
        public var calibration: Calibration
        /// How tasks wait.
        public var ioKind: IOKind = .sleep
        /// Bytes per task for the file I/O kind.
        public var fileBytes = WorkloadDefaults.fileBytes
        /// Objects per alloc task.
        public var allocObjects = WorkloadDefaults.allocObjects
        /// Bytes per object of alloc tasks.
        public var allocObjectBytes = WorkloadDefaults.allocObjectBytes
        /// The loopback server's port, for the socket I/O kind.
        public var socketPort: UInt16 = 0
        /// The runtime the tasks run in.
        public var runtime: Runtime = .swift

        /// The spec of a workload of `kind` with these parameters.
        func spec(_ kind: WorkloadKind, taskSeconds: Double, iterations: Int = 0, ioFraction: Double? = nil)
            -> WorkloadSpec
        {
            var spec = WorkloadSpec(
                name: name, kind: kind, taskSeconds: taskSeconds, iterations: iterations, ioFraction: ioFraction)
            spec.ioKind = ioKind
            spec.fileBytes = fileBytes
            spec.allocObjects = allocObjects
            spec.allocObjectBytes = allocObjectBytes
            spec.socketPort = socketPort
            spec.runtime = runtime
            return spec
        }
    }

    /// Every built-in workload, in the order `bench list` shows them.
    /// Adding one is a file in this folder and one entry here.
    public static let entries: [Entry] = [
        Entry(
            name: "cpu", kind: .cpu,
            summary: "compute-bound: a hash-chain kernel calibrated to --task-ms on one core, checksummed",
            make: {
                $0.spec(
                    .cpu, taskSeconds: $0.taskSeconds, iterations: $0.calibration.iterations(forSeconds: $0.taskSeconds)
                )
            }),
        Entry(
            name: "io", kind: .io,
            summary: "wait-bound: each task waits --task-ms (blocking sleep on threads, Task.sleep in async models)",
            make: { $0.spec(.io, taskSeconds: $0.taskSeconds) }),
        Entry(
            name: "mixed", kind: .mixed,
            summary: "each task computes for (1 − f) of --task-ms, then waits for f (--io-fraction f, default 0.5)",
            make: { p in
                p.spec(
                    .mixed, taskSeconds: p.taskSeconds,
                    iterations: p.calibration.iterations(forSeconds: p.taskSeconds * (1 - p.ioFraction)),
                    ioFraction: p.ioFraction)
            }),
        Entry(
            name: "alloc", kind: .alloc,
            summary:
                "allocation-heavy: each task allocates and frees --alloc-objects objects of --alloc-bytes (ignores --task-ms)",
            usesTaskDuration: false,
            make: { $0.spec(.alloc, taskSeconds: 0) }),
        Entry(
            name: "noop", kind: .cpu,
            summary: "tasks that do nothing: measures what each model pays to hand out a task (ignores --task-ms)",
            usesTaskDuration: false,
            make: { $0.spec(.cpu, taskSeconds: 0) }),
    ]

    /// The names of every built-in workload.
    public static var names: [String] { entries.map(\.name) }

    /// The entry called `name`, if there is one.
    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
