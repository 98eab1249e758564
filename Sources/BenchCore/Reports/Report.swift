/// A run and its analysis, computed once and read by every formatter.
public struct Report: Sendable, Equatable {
    /// What was measured.
    public let result: RunResult
    /// Everything derived from it.
    public let analysis: RunAnalysis

    /// Analyses `result`.
    public init(_ result: RunResult) {
        self.result = result
        analysis = RunAnalysis(result)
    }
}
