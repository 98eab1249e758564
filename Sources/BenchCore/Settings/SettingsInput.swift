import Foundation

/// One source of settings (the command line, a workload file, a command's defaults), every field
/// optional: nil where the source says nothing. ``SettingsResolver`` applies them in order of
/// precedence (flag, then file, then default) and checks the result once.
public struct SettingsInput: Sendable, Equatable {
    /// Workload names, or one workload file's name.
    public var workloads: ListSetting?
    /// Models.
    public var models: ListSetting?
    /// Workers: one count for a run, a list for a sweep.
    public var cores: ListSetting?
    /// Tasks per sample.
    public var tasks: Int?
    /// One task's duration on one core, in milliseconds.
    public var taskMilliseconds: Double?
    /// I/O fractions: one for a run, a list (or `auto`) for a sweep.
    public var ioFractions: ListSetting?
    /// How io and mixed tasks wait.
    public var ioKind: IOKind?
    /// Bytes per task for the file I/O kind.
    public var fileBytes: Int?
    /// Objects per alloc task.
    public var allocObjects: Int?
    /// Bytes per object of alloc tasks.
    public var allocObjectBytes: Int?
    /// Allocators.
    public var allocators: ListSetting?
    /// Recorded repetitions: `auto` or a count, as given.
    public var repetitions: String?
    /// With auto repetitions: the widest interval to accept, in percent of the median.
    public var targetCIPercent: Double?
    /// With auto repetitions: the most repetitions of a cell.
    public var maxRepetitions: Int?
    /// With auto repetitions: what stops an experiment (`--stop verdict|precision`).
    public var stop: String?
    /// The serial baseline's mode, as given.
    public var baseline: String?
    /// Warm-up repetitions.
    public var warmup: Int?
    /// Runtimes.
    public var runtimes: ListSetting?
    /// multiprocessing's start methods for CPython's process models (`--start-method`).
    public var startMethods: ListSetting?
    /// The interpreters of each runtime that runs in one, as given (`--python A,B`, a workload
    /// file's `python:`).
    public var interpreters: [Runtime: ListSetting] = [:]
    /// The GIL states of a free-threaded build (`--gil on,off`).
    public var gilStates: ListSetting?
    /// Whether to keep every task's span for a trace.
    public var trace: Bool?
    /// The order samples run in.
    public var order: RunOrder?
    /// The seed of the random order.
    public var seed: UInt64?
    /// Where each sample runs.
    public var isolation: Isolation?
    /// Seconds a sample may take.
    public var timeoutSeconds: Double?
    /// A fault to inject (`KIND:MODEL:REPETITION`), for tests.
    public var fault: String?
    /// A model to slow down (`MODEL:FACTOR`), for tests.
    public var slowdown: String?
    /// The simulated machine's cores (`--simulate`), for tests.
    public var simulate: Int?
    /// The user's Python function as the task (`--task` and its options).
    public var task: TaskSetting?
    /// `--task-path`, `--task-args`, `--task-args-each` or `--task-setup` given without `--task`,
    /// kept to be refused by name.
    public var strayTaskOptions: TaskSetting?
    /// Whether the user's code has its results compared across models (`--no-result-check`: false).
    public var resultCheck: Bool?

    /// An input that says nothing.
    public init() {}
}

/// A list setting as given: its text (for sentences) and its comma-separated items.
public struct ListSetting: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The text as given, e.g. `"threads,event-loop"`.
    public var text: String

    /// A list given as `text`.
    public init(_ text: String) { self.text = text }

    public init(stringLiteral text: String) { self.text = text }

    /// A list of `items`, as a file gives them.
    public init(items: [String]) { text = items.joined(separator: ",") }

    /// The items, trimmed, empty ones kept (so they can be refused).
    public var items: [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The items between commas that have something between them, trimmed (a blank one stays, as
    /// "", to be refused).
    public var presentItems: [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

extension SettingsInput {
    /// What a workload file says: its own workload, and the defaults it sets.
    public init(_ file: WorkloadFile) {
        self.init()
        workloads = ListSetting(file.name)
        models = file.models.map { ListSetting(items: $0.map(\.rawValue)) }
        cores = file.cores.map { ListSetting(String($0)) }
        tasks = file.tasks
        taskMilliseconds = file.taskMilliseconds
        ioFractions = file.ioFraction.map { ListSetting(String($0)) }
        ioKind = file.ioKind.flatMap(IOKind.init(rawValue:))
        fileBytes = file.fileBytes
        repetitions = file.repetitions.map(String.init)
        warmup = file.warmup
        runtimes = file.runtimes.map { ListSetting(items: $0.map(\.rawValue)) }
        if let pythons = file.pythons { interpreters[.python] = ListSetting(items: pythons) }
        gilStates = file.gilStates.map { ListSetting(items: $0.map(\.rawValue)) }
        trace = file.trace
        task = file.task
    }
}
