import Foundation

/// Measures one sample somewhere: in a fresh worker process, in this process, in an interpreter,
/// or on a simulated machine. ``Harness`` is a loop over a runner, so a test can drive it with a
/// fake one.
public protocol SampleRunner: Sendable {
    /// Measures `request`. A sample that could not be measured (a crash, a timeout, a worker's
    /// error) is returned with its status and reason, never thrown.
    /// - Throws: only when the runner itself cannot start (``SystemCallError``).
    func run(_ request: SampleRequest) throws -> Sample
}

/// A runner per runtime: each sample goes to its workload's runtime's runner.
public struct RuntimeRunners: SampleRunner {
    /// The runner of each runtime.
    public var runners: [Runtime: any SampleRunner]

    /// Creates a dispatcher over `runners`.
    public init(_ runners: [Runtime: any SampleRunner]) {
        self.runners = runners
    }

    public func run(_ request: SampleRequest) throws -> Sample {
        guard let runner = runners[request.workload.runtime] else {
            return .unmeasured(
                request, startedAt: Date(), status: .failed,
                reason: "no sample runner for the \(request.workload.runtime.displayName) runtime")
        }
        return try runner.run(request)
    }
}
