/// What a run measured before its first sample: each computing runtime's calibration and each
/// interpreter's description, so the plan's tasks are of the machine's real speed.
public struct Preparation: Sendable, Equatable {
    /// The kernel's speed in each runtime that computes, measured in it.
    public var calibrations: [Runtime: Calibration] = [:]
    /// The interpreter of each runtime that runs in one.
    public var interpreters: [Runtime: InterpreterInfo] = [:]

    /// Creates a preparation from known values.
    public init(calibrations: [Runtime: Calibration] = [:], interpreters: [Runtime: InterpreterInfo] = [:]) {
        self.calibrations = calibrations
        self.interpreters = interpreters
    }

    /// Calibrates each runtime of `configuration` that computes, in that runtime, and finds its
    /// interpreter (unless `interpreters` were already probed); a simulated run takes the simulated
    /// machine's figures instead.
    public static func measure(_ configuration: RunConfiguration, interpreters: [Runtime: InterpreterInfo]? = nil)
        throws -> Preparation
    {
        var preparation = Preparation()
        for runtime in configuration.runtimes {
            let backend = runtime.backend
            let interpreter =
                try interpreters.map { $0[runtime] }
                ?? (configuration.simulation != nil
                    ? backend.simulatedInterpreter : backend.locate(configuration.interpreters[runtime]))
            preparation.interpreters[runtime] = interpreter
            guard Planner.computes(configuration, in: runtime) else { continue }
            preparation.calibrations[runtime] =
                configuration.simulation != nil ? Simulation.calibration : try backend.calibrate(interpreter)
        }
        return preparation
    }
}
