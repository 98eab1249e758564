/// What a measurement is *of*: every dimension a sample's figures depend on, as data.
///
/// Samples carry their cell; summaries, baselines, comparisons and verdicts are keyed by the whole
/// cell, never by a name. Adding a dimension is adding a field here and a case to ``Dimension``:
/// grouping (`Hashable`), ordering, the differences `bench compare` names and the display text all
/// follow from those two places.
public struct Cell: Hashable, Codable, Comparable, Sendable {
    /// The workload's name (a built-in, or a workload file's name).
    public var workload: String
    /// What its tasks spend their time on.
    public var kind: WorkloadKind
    /// The execution model.
    public var model: ModelKind
    /// Workers the model used (threads, worker processes, or tasks in flight); 1 for serial.
    public var workers: Int
    /// Tasks per sample.
    public var tasks: Int
    /// One task's duration on one core, in seconds.
    public var taskSeconds: Double
    /// The share of each task spent waiting: 0 for compute, 1 for io.
    public var ioFraction: Double
    /// How tasks wait; `sleep` for workloads that never wait.
    public var ioKind: IOKind
    /// Bytes each task writes and reads back, for file I/O only; nil otherwise.
    public var fileBytes: Int?
    /// Objects each alloc task allocates; nil for other workloads.
    public var allocObjects: Int?
    /// Bytes per object of alloc tasks; nil for other workloads.
    public var allocObjectBytes: Int?
    /// The allocator the sample's process ran under.
    public var allocator: Allocator
    /// The language runtime the tasks ran in: Swift, or CPython driven by bench.
    public var runtime: Runtime
    /// The interpreter of a runtime that runs in one (``InterpreterInfo/label``: "3.13.0",
    /// "3.13.0t"); nil for Swift and in results from before it was recorded.
    public var interpreter: String?
    /// Whether a free-threaded build ran with its GIL (`--gil`); nil for every other cell.
    public var gil: GILState?
    /// The user's function, for a workload of the user's own code: its module (or file) and name,
    /// `tasks:sha256_1mib`, or `swift:NAME` for a closure; nil for the built-in workloads.
    public var function: String?
    /// A stable hash of the arguments each call of the user's function received (16 hex digits);
    /// nil when each call received its task's index, and for the built-in workloads.
    public var arguments: String?
    /// multiprocessing's start method of a CPython process model's cell (fork, forkserver or spawn);
    /// nil for every other cell.
    public var startMethod: String?
    /// The machine, in a result merged from several (`bench merge`): its label, e.g. "AMD EPYC,
    /// 2 CPUs"; empty in a result from one machine.
    public var machine: String

    /// Creates a cell, leaving out the parameters that cannot affect this workload (a file size for
    /// tasks that sleep, an I/O kind for compute), so irrelevant settings never split cells.
    public init(
        workload: String, kind: WorkloadKind, model: ModelKind, workers: Int, tasks: Int,
        taskSeconds: Double, ioFraction: Double? = nil, ioKind: IOKind = .sleep, fileBytes: Int? = nil,
        allocObjects: Int? = nil, allocObjectBytes: Int? = nil, allocator: Allocator = .system,
        runtime: Runtime = .swift, interpreter: String? = nil, gil: GILState? = nil, function: String? = nil,
        arguments: String? = nil, startMethod: String? = nil,
        machine: String = ""
    ) {
        self.workload = workload
        self.kind = kind
        self.model = model
        self.workers = workers
        self.tasks = tasks
        self.taskSeconds = taskSeconds
        self.ioFraction = ioFraction ?? (kind == .io ? 1 : 0)
        let waits = kind == .io || kind == .mixed
        self.ioKind = waits ? ioKind : .sleep
        self.fileBytes = waits && ioKind == .file ? fileBytes : nil
        self.allocObjects = kind == .alloc ? allocObjects : nil
        self.allocObjectBytes = kind == .alloc ? allocObjectBytes : nil
        self.allocator = allocator
        self.runtime = runtime
        self.interpreter = runtime == .swift ? nil : interpreter
        self.gil = runtime == .swift ? nil : gil
        self.function = kind == .user ? function : nil
        self.arguments = kind == .user ? arguments : nil
        self.startMethod = Self.takesStartMethod(runtime: runtime, model: model) ? startMethod : nil
        self.machine = machine
    }

    /// The serial cell with the same workload parameters: this cell's baseline, and the key of
    /// the family of cells (every model and worker count of one experiment) that share it.
    public var baseline: Cell {
        var cell = self
        cell.model = .serial
        cell.workers = 1
        cell.startMethod = nil
        return cell
    }

    /// The runtime instance the tasks ran in: the runtime and its interpreter.
    public var instance: RuntimeInstance { RuntimeInstance(runtime, interpreter: interpreter) }

    /// The duration of one task, in milliseconds.
    public var taskMilliseconds: Double { taskSeconds * 1000 }

    public static func < (a: Cell, b: Cell) -> Bool {
        for dimension in Dimension.allCases {
            let (x, y) = (a.value(of: dimension), b.value(of: dimension))
            if x != y { return x < y }
        }
        return false
    }
}

extension Cell {
    /// One dimension of a cell: its name in files, its label in sentences, and its value.
    public enum Dimension: String, CaseIterable, Sendable {
        case workload
        case kind
        case model
        case workers
        case tasks
        case taskMilliseconds = "task_ms"
        case ioFraction = "io_fraction"
        case ioKind = "io_kind"
        case fileBytes = "file_bytes"
        case allocObjects = "alloc_objects"
        case allocObjectBytes = "alloc_bytes"
        case allocator
        case runtime
        case interpreter
        case gil
        case function
        case arguments
        case startMethod = "start_method"
        case machine

        /// How a sentence names the dimension: "I/O fraction".
        public var label: String {
            switch self {
            case .workload: "workload"
            case .kind: "workload kind"
            case .model: "model"
            case .workers: "workers"
            case .tasks: "tasks per sample"
            case .taskMilliseconds: "task duration"
            case .ioFraction: "I/O fraction"
            case .ioKind: "I/O kind"
            case .fileBytes: "file size"
            case .allocObjects: "objects per alloc task"
            case .allocObjectBytes: "bytes per allocated object"
            case .allocator: "allocator"
            case .runtime: "runtime"
            case .interpreter: "runtime's interpreter"
            case .gil: "GIL state"
            case .function: "function"
            case .arguments: "arguments"
            case .startMethod: "start method"
            case .machine: "machine"
            }
        }
    }

    /// A dimension's value, ordered: numbers by size, names by their catalog order or spelling.
    public enum Value: Hashable, Comparable, Sendable {
        case absent
        case number(Double)
        case text(String)
    }

    /// The value of `dimension` in this cell.
    public func value(of dimension: Dimension) -> Value {
        switch dimension {
        case .workload: .text(workload)
        case .kind: .number(Double(WorkloadKind.allCases.firstIndex(of: kind)!))
        case .model: .number(Double(ModelKind.allCases.firstIndex(of: model)!))
        case .workers: .number(Double(workers))
        case .tasks: .number(Double(tasks))
        case .taskMilliseconds: .number(taskMilliseconds)
        case .ioFraction: .number(ioFraction)
        case .ioKind: .number(Double(IOKind.allCases.firstIndex(of: ioKind)!))
        case .fileBytes: fileBytes.map { .number(Double($0)) } ?? .absent
        case .allocObjects: allocObjects.map { .number(Double($0)) } ?? .absent
        case .allocObjectBytes: allocObjectBytes.map { .number(Double($0)) } ?? .absent
        case .allocator: .number(Double(Allocator.allCases.firstIndex(of: allocator)!))
        case .runtime: .number(Double(Runtime.allCases.firstIndex(of: runtime)!))
        case .interpreter:
            // The version key in base 100 (each part below 100), exact in a Double.
            interpreter.map { _ in .number(instance.versionKey.reduce(0) { $0 * 100 + Double(min($1, 99)) }) }
                ?? .absent
        case .gil: gil.map { .number(Double(GILState.allCases.firstIndex(of: $0)!)) } ?? .absent
        case .function: function.map { .text($0) } ?? .absent
        case .arguments: arguments.map { .text($0) } ?? .absent
        case .startMethod: startMethod.map { .text($0) } ?? .absent
        case .machine: .text(machine)
        }
    }

    /// The value of `dimension` as people read it: "0.5", "threads", "20 ms", "64 KiB".
    public func text(of dimension: Dimension) -> String {
        switch dimension {
        case .workload: workload
        case .kind: kind.rawValue
        case .model: model.rawValue
        case .workers: String(workers)
        case .tasks: String(tasks)
        case .taskMilliseconds: Format.milliseconds(taskSeconds)
        case .ioFraction: Format.number(ioFraction)
        case .ioKind: ioKind.rawValue
        case .fileBytes: fileBytes.map(Format.bytes) ?? "none"
        case .allocObjects: allocObjects.map(String.init) ?? "none"
        case .allocObjectBytes: allocObjectBytes.map { "\($0) B" } ?? "none"
        case .allocator: allocator.rawValue
        case .runtime: runtime.rawValue
        case .interpreter: interpreter == nil ? "none" : instance.description
        case .gil: gil?.displayName ?? "none"
        case .function: function ?? "none"
        case .arguments: arguments ?? "the task's index"
        case .startMethod: startMethod ?? "none"
        case .machine: machine.isEmpty ? "this machine" : machine
        }
    }

    /// The dimensions in which some of `cells` differ, in ``Dimension`` order.
    public static func varying(_ cells: some Collection<Cell>) -> [Dimension] {
        Dimension.allCases.filter { dimension in Set(cells.map { $0.value(of: dimension) }).count > 1 }
    }

    /// The experiment's parameters beyond the workload's name, for display: "I/O fraction 0.5",
    /// "file I/O of 64 KiB", "jemalloc", "CPython". Only what sets this cell apart from a default run shows.
    public var parameters: [String] {
        var parts: [String] = []
        if kind == .mixed { parts.append("I/O fraction \(Format.number(ioFraction))") }
        if ioKind != .sleep {
            parts.append("\(ioKind.rawValue) I/O" + (fileBytes.map { " of \(Format.bytes($0))" } ?? ""))
        }
        if let allocObjects, let allocObjectBytes { parts.append("\(allocObjects) × \(allocObjectBytes) B objects") }
        if allocator != .system { parts.append(allocator.rawValue) }
        if let function, function.split(separator: ":").last.map(String.init) != workload { parts.append(function) }
        if let arguments { parts.append("arguments #\(arguments.prefix(8))") }
        if runtime != .swift { parts.append(instance.displayName) }
        if let gil { parts.append(gil.displayName) }
        if !machine.isEmpty { parts.append(machine) }
        return parts
    }

    /// The experiment for people: "mixed · I/O fraction 0.5 · jemalloc". Display text only:
    /// nothing ever reads a dimension back from it.
    public var experimentName: String {
        ([workload] + parameters).joined(separator: " · ")
    }

    /// Whether cells of `model` in `runtime` have a start method: CPython's process models.
    public static func takesStartMethod(runtime: Runtime, model: ModelKind) -> Bool {
        runtime == .python && (model == .processes || model == .spawn)
    }

    /// The model, and a CPython process model's start method: "processes via forkserver".
    public var modelLabel: String { model.rawValue + startMethodSuffix }

    /// The model and its workers: "threads × 2", and a CPython process model's start method:
    /// "processes × 2 via forkserver".
    public var modelName: String { "\(model.rawValue) × \(workers)" + startMethodSuffix }

    private var startMethodSuffix: String { startMethod.map { " via \($0)" } ?? "" }
}

extension Cell {
    /// Decodes a cell, giving a dimension added later its default when an older file lacks it, so
    /// adding a dimension never breaks results already written.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(WorkloadKind.self, forKey: .kind)
        self.init(
            workload: try c.decode(String.self, forKey: .workload), kind: kind,
            model: try c.decode(ModelKind.self, forKey: .model), workers: try c.decode(Int.self, forKey: .workers),
            tasks: try c.decode(Int.self, forKey: .tasks), taskSeconds: try c.decode(Double.self, forKey: .taskSeconds),
            ioFraction: try c.decodeIfPresent(Double.self, forKey: .ioFraction),
            ioKind: try c.decodeIfPresent(IOKind.self, forKey: .ioKind) ?? .sleep,
            fileBytes: try c.decodeIfPresent(Int.self, forKey: .fileBytes),
            allocObjects: try c.decodeIfPresent(Int.self, forKey: .allocObjects),
            allocObjectBytes: try c.decodeIfPresent(Int.self, forKey: .allocObjectBytes),
            allocator: try c.decodeIfPresent(Allocator.self, forKey: .allocator) ?? .system,
            runtime: try c.decodeIfPresent(Runtime.self, forKey: .runtime) ?? .swift,
            interpreter: try c.decodeIfPresent(String.self, forKey: .interpreter),
            gil: try c.decodeIfPresent(GILState.self, forKey: .gil),
            function: try c.decodeIfPresent(String.self, forKey: .function),
            arguments: try c.decodeIfPresent(String.self, forKey: .arguments),
            startMethod: try c.decodeIfPresent(String.self, forKey: .startMethod),
            machine: try c.decodeIfPresent(String.self, forKey: .machine) ?? "")
    }
}

extension Cell: CustomStringConvertible {
    /// The whole cell for people: "mixed · I/O fraction 0.5 · threads × 2 · 8 × 20 ms".
    public var description: String {
        "\(experimentName) · \(modelName) · \(tasks) × \(Format.number(taskMilliseconds)) ms"
    }
}
