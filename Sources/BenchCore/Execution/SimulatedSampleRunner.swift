import Foundation
import Synchronization

/// The samples of a simulated machine (`--simulate`): computed by ``Simulation``, never measured,
/// on a clock that ticks a second per sample from ``Simulation/start``.
public final class SimulatedSampleRunner: SampleRunner {
    /// The simulated machine.
    public let simulation: Simulation
    private let taken = Mutex(0)

    /// Creates a runner for `simulation`.
    public init(_ simulation: Simulation) {
        self.simulation = simulation
    }

    public func run(_ request: SampleRequest) throws -> Sample {
        let index = taken.withLock { count in
            defer { count += 1 }
            return count
        }
        return simulation.sample(request, startedAt: Simulation.start.addingTimeInterval(Double(index)))
    }
}
