import Foundation

/// A deterministic stand-in for measuring, like hyperfine's `--debug-mode` mock executor: each
/// described sample becomes exact figures from a model of a quiet machine with ``cores`` cores, so
/// tests can assert a whole report's text, on any machine, for shapes this one cannot run (16
/// workers on 2 cores). Selected only by the hidden `--simulate CORES`; every report it produces
/// names its machine "simulated", so it can never pass for a measurement.
public struct Simulation: Codable, Sendable, Equatable {
    /// Cores of the simulated machine.
    public var cores: Int

    /// Creates a simulation of a machine with `cores` cores.
    public init(cores: Int) {
        self.cores = cores
    }

    /// When every simulated run starts: 2026-01-01T00:00:00Z.
    public static let start = Date(timeIntervalSince1970: 1_767_225_600)

    /// The simulated machine, the same on every host.
    public var machine: MachineInfo {
        var machine = MachineInfo(
            cpuModel: "simulated (bench --simulate; nothing was measured)", cpusOnline: cores,
            coresAvailable: cores, memoryBytes: 64 << 30, operatingSystem: "simulated",
            kernel: "simulated", swiftVersion: "simulated", allocator: "system (glibc malloc)")
        machine.benchVersion = "simulated"
        return machine
    }

    /// The kernel's speed the simulated machine reports.
    public static let calibration = Calibration(iterationsPerSecond: 100_000_000, trials: 0)

    /// Overhead over the ideal per model, as a fraction of its wall time.
    static func overhead(_ model: ModelKind) -> Double {
        switch model {
        case .serial: 0
        case .threads: 0.004
        case .async, .asyncBlocking: 0.006
        case .eventLoop: 0.01
        case .processes: 0.015
        case .spawn: 0.02
        case .interpreters: 0.008
        }
    }

    /// What handing out one task costs each model, in seconds.
    static func perTask(_ model: ModelKind) -> Double {
        switch model {
        case .serial: 0.000_000_1
        case .threads: 0.000_000_2
        case .async, .asyncBlocking: 0.000_000_8
        case .eventLoop: 0.000_001
        case .processes: 0.000_025
        case .spawn: 0.003
        case .interpreters: 0.000_004
        }
    }

    /// The sample `request` would yield on the simulated machine: the ideal schedule of its tasks
    /// (compute spread over the usable cores, waits overlapped up to the tasks in flight), the
    /// model's overhead, a small deterministic jitter per repetition, and the injected slowdown.
    public func sample(_ request: SampleRequest, startedAt: Date) -> Sample {
        let cell = request.cell
        let n = Double(cell.tasks)
        // An alloc task has no --task-ms: model it as 10 ms of compute, 40% less under jemalloc.
        // The user's code has no set duration either: model it as 20 ms of compute.
        let t =
            cell.kind == .alloc
            ? (cell.allocator == .jemalloc ? 0.006 : 0.01) : cell.kind == .user ? 0.02 : cell.taskSeconds
        let compute = t * (1 - cell.ioFraction)
        let wait = t * cell.ioFraction
        let slowdown = request.workload.slowdown ?? 1
        func rounds(_ inFlight: Int) -> Double { Double(Bounds.rounds(tasks: cell.tasks, inFlight: inFlight)) * t }
        // The CPUs the model computes on in its runtime (CPython's threads take turns).
        let backend = cell.runtime.backend
        let usable = backend.computeCPUs(
            model: cell.model, workers: cell.workers, usableCPUs: Double(cores),
            interpreter: backend.simulatedInterpreter?.running(cell.gil))
        var wall: Double
        switch cell.model {
        case .serial: wall = n * t
        case .eventLoop: wall = max(n * compute + wait, rounds(cell.workers))
        case .asyncBlocking where usable == 1:
            // One thread blocked by each task (asyncio's, or a one-core pool): nothing overlaps.
            wall = n * t
        case .asyncBlocking:
            // Blocking waits hold the cooperative pool's threads, one per core.
            let width = Int(usable)
            wall = max(n * compute / Double(width) + wait, rounds(width))
        case .threads, .async, .processes, .spawn, .interpreters:
            wall = max(n * compute / usable + wait, rounds(cell.workers))
        }
        let parallelism = usable
        wall = wall * slowdown * (1 + Self.overhead(cell.model)) + n * Self.perTask(cell.model) / parallelism
        let step = (request.repetition * 5 + ModelKind.allCases.firstIndex(of: cell.model)! * 3 + cell.workers) % 7
        wall *= 1 + 0.002 * Double(step - 3) / 3
        let cpu =
            (n * compute * slowdown * (1 + Self.overhead(cell.model)) + n * Self.perTask(cell.model)) + 0.000_02 * n
        var sample = Sample(
            cell: cell, repetition: request.repetition, coresAvailable: cores, startedAt: startedAt,
            wallSeconds: wall,
            startupSeconds: cell.model == .processes || cell.model == .interpreters
                ? 0.003 + 0.0005 * Double(cell.workers) : nil,
            usage: ResourceUsage(
                userSeconds: cpu * 0.9, systemSeconds: cpu * 0.1, voluntaryContextSwitches: cell.tasks,
                involuntaryContextSwitches: 0, peakRSSBytes: 16 << 20),
            latency: LatencySummary(
                p50Seconds: t * (1 + Self.overhead(cell.model)), p90Seconds: t * (1 + Self.overhead(cell.model)),
                p99Seconds: t * 1.01 * (1 + Self.overhead(cell.model)),
                maxSeconds: t * 1.02 * (1 + Self.overhead(cell.model))),
            checksum: UInt64(cell.tasks) &* 2_654_435_761 &+ UInt64((t * 1e6).rounded()))
        sample.readyDelay =
            IdealSchedule(
                model: cell.model, workers: cell.workers, usable: usable, tasks: cell.tasks,
                compute: compute * slowdown, wait: wait
            ).readyDelay
        // An extrapolated serial baseline: the prefix's figures scaled, which in a model are the same.
        sample.measuredTasks = request.tasksToRun < cell.tasks ? request.tasksToRun : nil
        sample.allocatorInUse = cell.allocator == .jemalloc ? "jemalloc (simulated)" : "system (glibc malloc)"
        if let task = request.workload.userTask {
            // Every model returns the same results, as a function without a data race does.
            if task.checksResults {
                sample.taskResults = (0..<cell.tasks).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 &+ 1 }
            }
            if cell.model == .processes || cell.model == .spawn {
                sample.argumentBytesPerCall = cell.model == .processes ? 20 : nil
                sample.resultBytesPerCall = 17
            }
        }
        return sample
    }
}

extension Simulation {
    /// A simulation of `cores` cores, checked.
    /// - Throws: ``BenchError/usage(_:)`` unless `cores` is 1 to ``RunLimits/maxWorkers``.
    public static func checked(cores: Int) throws -> Simulation {
        guard (1...RunConfiguration.Limits.maxWorkers).contains(cores) else {
            throw BenchError.usage(
                "--simulate \(cores) is out of range; give the simulated machine's cores, 1 to \(RunConfiguration.Limits.maxWorkers)."
            )
        }
        return Simulation(cores: cores)
    }
}
