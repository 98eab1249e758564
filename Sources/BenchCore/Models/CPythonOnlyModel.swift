/// A model only CPython has (`interpreters`): bench's Swift runtime never plans it (its backend
/// says so), and a sample asked of it anyway fails saying why, never measured as something else.
struct CPythonOnlyModel: ExecutionModel {
    /// The model asked for.
    var model: ModelKind

    func execute(_ workload: any Workload, workers: Int, log: TaskLog) throws -> ExecutionReport {
        throw SampleFailure("\(model.rawValue) is CPython's model; Swift has no counterpart, so nothing was measured")
    }
}
