/// What a run measured before its first sample: each computing runtime instance's calibration and
/// each interpreter's description, so the plan's tasks are of the machine's real speed.
public struct Preparation: Sendable, Equatable {
    /// The kernel's speed in each runtime instance that computes, measured in it.
    public var calibrations: [RuntimeInstance: Calibration] = [:]
    /// The interpreter of each runtime instance that runs in one.
    public var interpreters: [RuntimeInstance: InterpreterInfo] = [:]
    /// Every runtime instance the run measures, in ``RuntimeInstance`` order: Swift, then each
    /// interpreter by version.
    public var instances: [RuntimeInstance] = []

    /// Creates a preparation from known values; `instances` default to those of `interpreters`
    /// and `calibrations`, sorted.
    public init(
        calibrations: [RuntimeInstance: Calibration] = [:], interpreters: [RuntimeInstance: InterpreterInfo] = [:],
        instances: [RuntimeInstance]? = nil
    ) {
        self.calibrations = calibrations
        self.interpreters = interpreters
        self.instances = instances ?? Set(calibrations.keys).union(interpreters.keys).sorted()
    }

    /// The instances of `runtime`, in order.
    public func instances(of runtime: Runtime) -> [RuntimeInstance] { instances.filter { $0.runtime == runtime } }

    /// Calibrates each runtime instance of `configuration` that computes, in that instance, and
    /// finds its interpreters (unless `interpreters` were already probed, by instance); a simulated
    /// run takes the simulated machine's figures instead.
    public static func measure(
        _ configuration: RunConfiguration, interpreters: [RuntimeInstance: InterpreterInfo]? = nil
    ) throws -> Preparation {
        var preparation = Preparation()
        for runtime in configuration.runtimes {
            let backend = runtime.backend
            var found: [(RuntimeInstance, InterpreterInfo?)] = []
            if let interpreters {
                let mine = interpreters.filter { $0.key.runtime == runtime }
                found = mine.isEmpty ? [(RuntimeInstance(runtime), nil)] : mine.sorted { $0.key < $1.key }
            } else if configuration.simulation != nil {
                let simulated = backend.simulatedInterpreter
                found = [(RuntimeInstance(runtime, interpreter: simulated?.label), simulated)]
            } else {
                let given = configuration.interpreters[runtime] ?? []
                let names: [String?] = given.isEmpty ? [nil] : given
                for name in names {
                    let info = try backend.locate(name)
                    found.append((RuntimeInstance(runtime, interpreter: info?.label), info))
                }
            }
            for (instance, info) in found where !preparation.instances.contains(instance) {
                preparation.instances.append(instance)
                preparation.interpreters[instance] = info
                guard Planner.computes(configuration, in: runtime) else { continue }
                preparation.calibrations[instance] =
                    configuration.simulation != nil ? Simulation.calibration : try backend.calibrate(info)
            }
        }
        preparation.instances.sort()
        return preparation
    }
}
