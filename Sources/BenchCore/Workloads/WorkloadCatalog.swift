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

    /// What a run decides about every workload it builds: its name and runtime, a task's
    /// duration, the I/O fraction, the kernel's speed, how tasks wait, and what alloc tasks allocate.
    public struct Parameters: Sendable {
        /// The name reports use (a workload file's name, or the built-in's).
        public var name: String
        /// The runtime the tasks run in.
        public var runtime: Runtime
        /// One task's duration on one core, in seconds.
        public var taskSeconds: Double
        /// The share of each task spent waiting, for mixed workloads.
        public var ioFraction: Double
        /// The kernel's speed in the runtime.
        public var calibration: Calibration
        /// How waiting tasks wait.
        public var io: IOSpec
        /// What each alloc task allocates: objects, and bytes per object.
        public var alloc: (objects: Int, objectBytes: Int)

        /// The spec of `shape` under these parameters' name and runtime.
        func spec(_ shape: WorkloadSpec.Shape) -> WorkloadSpec {
            WorkloadSpec(name: name, shape: shape, runtime: runtime)
        }

        /// Kernel iterations for `seconds` of compute in the runtime.
        func iterations(_ seconds: Double) -> Int { calibration.iterations(forSeconds: seconds) }
    }

    /// Every built-in workload, in the order `bench list` shows them.
    /// Adding one is a file in this folder and one entry here.
    public static let entries: [Entry] = [
        Entry(
            name: "cpu", kind: .cpu,
            summary: "compute-bound: a hash-chain kernel calibrated to --task-ms on one core, checksummed",
            make: { $0.spec(.compute(taskSeconds: $0.taskSeconds, iterations: $0.iterations($0.taskSeconds))) }),
        Entry(
            name: "io", kind: .io,
            summary: "wait-bound: each task waits --task-ms (blocking sleep on threads, Task.sleep in async models)",
            make: { $0.spec(.wait(taskSeconds: $0.taskSeconds, io: $0.io)) }),
        Entry(
            name: "mixed", kind: .mixed,
            summary: "each task computes for (1 − f) of --task-ms, then waits for f (--io-fraction f, default 0.5)",
            make: { p in
                p.spec(
                    .mixed(
                        taskSeconds: p.taskSeconds, iterations: p.iterations(p.taskSeconds * (1 - p.ioFraction)),
                        ioFraction: p.ioFraction, io: p.io))
            }),
        Entry(
            name: "alloc", kind: .alloc,
            summary:
                "allocation-heavy: each task allocates and frees --alloc-objects objects of --alloc-bytes (ignores --task-ms)",
            usesTaskDuration: false,
            make: { $0.spec(.alloc(objects: $0.alloc.objects, objectBytes: $0.alloc.objectBytes)) }),
        Entry(
            name: "noop", kind: .cpu,
            summary: "tasks that do nothing: measures what each model pays to hand out a task (ignores --task-ms)",
            usesTaskDuration: false,
            make: { $0.spec(.noop) }),
    ]

    /// The names of every built-in workload.
    public static var names: [String] { entries.map(\.name) }

    /// The entry called `name`, if there is one.
    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
