/// Measures each sample in bench's own process (`--isolation none`, for debugging): a crash ends
/// the run, and nothing can time a sample out.
public struct InProcessSampleRunner: SampleRunner {
    /// Creates the runner.
    public init() {}

    public func run(_ request: SampleRequest) throws -> Sample {
        SampleMeasurer.measure(request)
    }
}
