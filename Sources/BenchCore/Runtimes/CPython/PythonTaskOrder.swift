/// The user's function as the CPython worker reads it, in a sample request and in the probe that
/// imports it before the run.
struct PythonTaskOrder: Encodable {
    /// `MODULE:FUNCTION`, or an absolute `FILE.py:FUNCTION`.
    var reference: String
    /// The folder put first on `sys.path`.
    var path: String?
    /// `MODULE:FUNCTION` of the setup.
    var setup: String?
    /// What each call receives.
    var arguments: Arguments
    /// Whether each call's result is hashed.
    var checkResults: Bool

    struct Arguments: Encodable {
        var mode: String
        var json: String?
    }

    init(_ task: UserTask) {
        reference = task.reference
        path = task.searchPath
        setup = task.setup
        checkResults = task.checksResults
        arguments =
            switch task.arguments {
            case .index: Arguments(mode: "index")
            case .same(let json): Arguments(mode: "same", json: json)
            case .each(let json, _): Arguments(mode: "each", json: json)
            }
    }
}

extension PythonInterpreter {
    /// What the probe answers: the function's qualified name and whether it is a coroutine
    /// function, or why it cannot be used.
    struct TaskReply: Decodable {
        var qualifiedName: String?
        var isAsync: Bool?
        var arguments: String?
        var refused: String?
    }

    /// Imports `task`'s function (and setup) in `python`, as every worker will, and fills in what
    /// only the interpreter knows: its qualified name and whether it is `async def`.
    /// - Throws: ``BenchError/usage(_:)`` with the import's own message when it cannot be used.
    public static func describe(_ task: UserTask, python: String) throws -> UserTask {
        var request = Request(op: "task")
        request.task = PythonTaskOrder(task)
        let reply: TaskReply?
        do {
            reply = try call(python, request, as: TaskReply.self, timeoutSeconds: 120, isolated: false)
        } catch let error as BenchError {
            throw BenchError.usage("--task \(task.reference): \(error.description)")
        }
        guard let reply else {
            throw BenchError.usage("--task \(task.reference): the interpreter ended without describing the function.")
        }
        if let refused = reply.refused {
            throw BenchError.usage("--task \(task.reference): \(refused).")
        }
        guard let name = reply.qualifiedName, let isAsync = reply.isAsync else {
            throw BenchError.usage("--task \(task.reference): the interpreter's answer lacks the function's name.")
        }
        var described = task
        let ownName = described.name == String(described.qualifiedName.split(separator: ":").last ?? "")
        described.qualifiedName = name
        if ownName { described.name = String(name.split(separator: ":").last ?? Substring(name)) }
        described.isAsync = isAsync
        // Python's own canonical JSON keeps 1.0 apart from 1, which the hash must too.
        if let canonical = reply.arguments { described.argumentsKey = canonical }
        return described
    }
}
