extension WorkloadSpec {
    /// What its tasks spend their time on (`noop` counts as compute of nothing).
    public var kind: WorkloadKind {
        switch shape {
        case .compute, .noop: .cpu
        case .wait: .io
        case .mixed: .mixed
        case .alloc: .alloc
        case .user: .user
        }
    }

    /// One task's duration on one core, in seconds (0 for alloc and noop: no set duration).
    public var taskSeconds: Double {
        switch shape {
        case .compute(let seconds, _), .wait(let seconds, _), .mixed(let seconds, _, _, _): seconds
        case .alloc, .noop, .user: 0
        }
    }

    /// Compute kernel iterations per task (0 for waiting workloads, alloc and noop).
    public var iterations: Int {
        switch shape {
        case .compute(_, let iterations), .mixed(_, let iterations, _, _): iterations
        case .wait, .alloc, .noop, .user: 0
        }
    }

    /// The share of each task spent waiting: 1 for io, the fraction for mixed, else 0.
    public var ioFraction: Double {
        switch shape {
        case .wait: 1
        case .mixed(_, _, let fraction, _): fraction
        case .compute, .alloc, .noop, .user: 0
        }
    }

    /// How tasks wait; nil for tasks that never do.
    public var io: IOSpec? {
        switch shape {
        case .wait(_, let io), .mixed(_, _, _, let io): io
        case .compute, .alloc, .noop, .user: nil
        }
    }

    /// The user's task, for a workload of the user's own code; nil for the built-ins.
    public var userTask: UserTask? {
        if case .user(let task) = shape { return task }
        return nil
    }

    /// Whether `model` can run this workload: an async user function has no blocking call for
    /// async-blocking to make.
    public func runs(under model: ModelKind) -> Bool {
        !(model == .asyncBlocking && userTask?.isAsync == true)
    }

    /// How tasks wait (`sleep` for tasks that never do).
    public var ioKind: IOKind { io?.kind ?? .sleep }
    /// Bytes per task for the file I/O kind.
    public var fileBytes: Int { io?.fileBytes ?? WorkloadDefaults.fileBytes }
    /// The loopback server's port, for the socket I/O kind (0 when none).
    public var socketPort: UInt16 { io?.socketPort ?? 0 }

    /// Objects each alloc task allocates.
    public var allocObjects: Int {
        if case .alloc(let objects, _) = shape { return objects }
        return WorkloadDefaults.allocObjects
    }

    /// Bytes per object of alloc tasks.
    public var allocObjectBytes: Int {
        if case .alloc(_, let bytes) = shape { return bytes }
        return WorkloadDefaults.allocObjectBytes
    }

    /// How a task of this workload waits.
    public var waiting: Waiting {
        Waiting(
            kind: ioKind, nanoseconds: UInt64((taskSeconds * ioFraction * 1e9).rounded()), fileBytes: fileBytes,
            port: socketPort)
    }

    /// What the workload is, for a report.
    public var description: WorkloadDescription {
        let workload = make()
        return WorkloadDescription(
            name: workload.name, kind: workload.kind,
            taskDescription: runtime.backend.taskDescription(of: self) ?? workload.taskDescription,
            runtime: runtime == .swift ? nil : instance)
    }
}
