import Foundation

/// One successful sample's figures, as a comparison needs them.
public struct ComparableSample: Sendable, Equatable {
    /// Its cell.
    public var cell: Cell
    /// Each metric's value.
    public var values: [Metric: Double]
}

/// A result read back for comparison: its samples and, from JSON, the machine it ran on.
public struct LoadedResult: Sendable {
    /// Where it was read from.
    public var path: String
    /// Successful samples (failed ones are never compared).
    public var samples: [ComparableSample]
    /// The machine, when the file records it (JSON does, CSV does not).
    public var machine: MachineInfo?
}

/// A result that cannot be compared: missing, unreadable, or of an unknown layout.
public struct ResultLoadError: Error, Equatable, CustomStringConvertible {
    /// One sentence: what is wrong and what to do.
    public var description: String
}

/// Reads results written by `bench run`: a `results.json`, a per-sample `samples.csv`, or a
/// results folder holding either.
public enum ResultLoader {
    /// Columns a per-sample CSV must have to be compared.
    public static let requiredColumns = [
        "workload", "kind", "model", "workers", "tasks", "task_ms", "status",
        "wall_s", "cpu_s", "speedup", "efficiency",
    ]

    /// Loads `path`.
    /// - Throws: ``ResultLoadError`` with a sentence naming the file and the problem.
    public static func load(_ path: String) throws -> LoadedResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ResultLoadError(
                description:
                    "\(path) does not exist; give a results.json, a samples.csv or a results folder written by 'bench run'."
            )
        }
        if isDirectory.boolValue {
            for name in [JSONFormatter().fileName, CSVFormatter().fileName] {
                let candidate = (path as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate) { return try load(candidate) }
            }
            throw ResultLoadError(
                description:
                    "\(path) holds neither results.json nor samples.csv; point at a folder written by 'bench run'.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ResultLoadError(description: "\(path) cannot be read; check its permissions.")
        }
        return path.hasSuffix(".csv") ? try loadCSV(data, path: path) : try loadJSON(data, path: path)
    }

    /// Reads the ``ResultDocument`` at `path` (a results.json, or a folder holding one), checking
    /// its schema version. `bench report` and `bench compare` both read results this way.
    /// - Throws: ``ResultLoadError`` with a sentence naming the file and the problem.
    public static func document(at path: String) throws -> ResultDocument {
        var path = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            path = (path as NSString).appendingPathComponent(JSONFormatter().fileName)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ResultLoadError(
                description: "\(path) does not exist; give a results.json written by 'bench run' or its folder.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ResultLoadError(description: "\(path) cannot be read; check its permissions.")
        }
        return try decodeDocument(data, path: path)
    }

    static func loadJSON(_ data: Data, path: String) throws -> LoadedResult {
        try comparable(decodeDocument(data, path: path), path: path)
    }

    /// The comparable samples of a document already read from `path` (``document(at:)``), checked.
    public static func comparable(_ document: ResultDocument, path: String) throws -> LoadedResult {
        let derived = RunAnalysis.derive(document.result.samples)
        var samples: [ComparableSample] = []
        for (number, (sample, derived)) in zip(document.result.samples, derived).enumerated() where sample.status == .ok
        {
            let place = "sample \(number + 1) (\(sample.cell))"
            try check(sample.wallSeconds, "wallSeconds", path: path, place: place)
            try check(sample.cpuSeconds, "the CPU time", path: path, place: place)
            var values: [Metric: Double] = [.wall: sample.wallSeconds, .cpu: sample.cpuSeconds]
            values[.speedup] = derived?.speedup
            values[.efficiency] = derived?.efficiency
            samples.append(ComparableSample(cell: sample.cell, values: values))
        }
        return LoadedResult(path: path, samples: samples, machine: document.result.machine)
    }

    /// Refuses a time or CPU figure that no real measurement yields: not finite, negative or zero.
    static func check(_ value: Double, _ name: String, path: String, place: String) throws {
        guard !(value.isFinite && value > 0) else { return }
        let what = value.isNaN ? "NaN" : value.isInfinite ? "infinite" : value == 0 ? "zero" : "negative (\(value))"
        throw ResultLoadError(
            description:
                "\(path) \(place): \(name) is \(what), which no measurement yields; every time and CPU figure must be a positive, finite number of seconds. The file is damaged or was edited; write it again with 'bench run'."
        )
    }

    /// Refuses a ratio (speedup, efficiency) that is not finite or is negative.
    static func checkRatio(_ value: Double?, _ name: String, path: String, place: String) throws {
        guard let value, !(value.isFinite && value >= 0) else { return }
        throw ResultLoadError(
            description:
                "\(path) \(place): \(name) is \(value), which no measurement yields. The file is damaged or was edited; write it again with 'bench run'."
        )
    }

    private static func decodeDocument(_ data: Data, path: String) throws -> ResultDocument {
        struct Version: Decodable { var schemaVersion: Int? }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            // A valid CSV of bench's (samples.csv, summary.csv) is not a damaged JSON: say what it is.
            let head = String(decoding: data.prefix(200), as: UTF8.self)
            if head.hasPrefix("workload,kind,model,") {
                throw ResultLoadError(
                    description:
                        "\(path) is one of bench's CSV files, not a result: bench report reads the results.json written beside it (or its folder); give that."
                )
            }
            throw ResultLoadError(
                description:
                    "\(path) is not valid JSON (truncated or corrupted); write it again with 'bench run --json'.")
        }
        guard let found = version.schemaVersion,
            (ResultDocument.oldestReadableSchemaVersion...ResultDocument.currentSchemaVersion).contains(found)
        else {
            let found = version.schemaVersion.map(String.init) ?? "none"
            throw ResultLoadError(
                description:
                    "\(path) has schema version \(found), but this bench reads versions \(ResultDocument.oldestReadableSchemaVersion) to \(ResultDocument.currentSchemaVersion); re-run the baseline with this bench."
            )
        }
        do {
            return try ResultDocument.decoder().decode(ResultDocument.self, from: data)
        } catch {
            throw ResultLoadError(
                description:
                    "\(path) is not a bench result (\(describe(error))); write it again with 'bench run --json'.")
        }
    }

    static func loadCSV(_ data: Data, path: String) throws -> LoadedResult {
        let records: [[String]]
        do {
            records = try CSVReader.records(String(decoding: data, as: UTF8.self))
        } catch {
            throw ResultLoadError(description: "\(path) is not valid CSV: \(error); write it again with 'bench run'.")
        }
        guard let header = records.first else {
            throw ResultLoadError(description: "\(path) is empty; write it again with 'bench run'.")
        }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        if let missing = requiredColumns.first(where: { index[$0] == nil }) {
            throw ResultLoadError(
                description:
                    "\(path) lacks the column '\(missing)'; compare needs \(requiredColumns.joined(separator: ", ")).")
        }
        var samples: [ComparableSample] = []
        for (number, record) in records.dropFirst().enumerated() {
            guard record.count == header.count else {
                throw ResultLoadError(
                    description:
                        "\(path) line \(number + 2) has \(record.count) fields where the header has \(header.count); the file is damaged."
                )
            }
            func field(_ name: String) -> String { record[index[name]!] }
            guard field("status") == "ok" else { continue }
            // Columns added with the cell (schema 4) default to what older files implied.
            func optional(_ name: String) -> String? { index[name].map { record[$0] } }
            let place = "line \(number + 2)"
            guard let kind = WorkloadKind(rawValue: field("kind")), let model = ModelKind(rawValue: field("model"))
            else {
                throw ResultLoadError(
                    description:
                        "\(path) \(place) names an unknown workload kind or model ('\(field("kind"))', '\(field("model"))'); the file is damaged."
                )
            }
            guard let workers = Int(field("workers")), let tasks = Int(field("tasks")),
                let taskMs = Double(field("task_ms")),
                let wall = Double(field("wall_s")), let cpu = Double(field("cpu_s"))
            else {
                throw ResultLoadError(
                    description: "\(path) \(place) holds a value that is not a number; the file is damaged.")
            }
            try check(wall, "wall_s", path: path, place: place)
            try check(cpu, "cpu_s", path: path, place: place)
            var values: [Metric: Double] = [.wall: wall, .cpu: cpu]
            values[.speedup] = Double(field("speedup"))
            values[.efficiency] = Double(field("efficiency"))
            try checkRatio(values[.speedup], "speedup", path: path, place: place)
            try checkRatio(values[.efficiency], "efficiency", path: path, place: place)
            let cell = Cell(
                workload: field("workload"), kind: kind, model: model, workers: workers, tasks: tasks,
                taskSeconds: taskMs / 1000, ioFraction: optional("io_fraction").flatMap(Double.init),
                ioKind: optional("io_kind").flatMap(IOKind.init(rawValue:)) ?? .sleep,
                fileBytes: optional("file_bytes").flatMap { Int($0) },
                allocObjects: optional("alloc_objects").flatMap { Int($0) },
                allocObjectBytes: optional("alloc_bytes").flatMap { Int($0) },
                allocator: Allocator(describing: optional("allocator")),
                runtime: optional("runtime").flatMap(Runtime.init(rawValue:)) ?? .swift,
                interpreter: optional("interpreter").flatMap { $0.isEmpty ? nil : $0 },
                gil: optional("gil").flatMap(GILState.init(rawValue:)),
                function: optional("function").flatMap { $0.isEmpty ? nil : $0 },
                arguments: optional("arguments").flatMap { $0.isEmpty ? nil : $0 },
                startMethod: optional("start_method").flatMap { $0.isEmpty ? nil : $0 },
                machine: optional("machine") ?? "")
            samples.append(ComparableSample(cell: cell, values: values))
        }
        return LoadedResult(path: path, samples: samples, machine: nil)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "the field '\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            "at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: String(describing: error)
        }
    }
}
