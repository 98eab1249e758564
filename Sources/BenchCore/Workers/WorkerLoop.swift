/// What a worker does: answer requests until its parent says stop or goes away.
public enum WorkerLoop {
    /// Serves `endpoint` until a ``WorkerRequest/shutdown`` or the end of its input.
    /// - Throws: transport errors (the parent is gone mid-message); the worker then just exits.
    public static func serve(_ endpoint: any WorkerEndpoint) throws {
        var workload: (any Workload)?
        while let request = try endpoint.receive() {
            switch request {
            case .prepare(let spec):
                workload = spec.make()
                try endpoint.send(.ready(pid: Sys.processID))
            case .runTasks(let start, let count):
                guard let workload else {
                    try endpoint.send(.error("runTasks arrived before prepare"))
                    continue
                }
                let pid = Sys.processID
                var records: [TaskRecord] = []
                records.reserveCapacity(count)
                for index in start..<(start + count) {
                    let began = Sys.monotonicNanoseconds()
                    let checksum = workload.runBlocking(task: index)
                    records.append(
                        TaskRecord(
                            index: index, checksum: checksum, startNanoseconds: began,
                            endNanoseconds: Sys.monotonicNanoseconds(), pid: pid))
                }
                // A task that could not do its I/O fails the sample: the parent hears why.
                if let failure = TaskFailures.take() {
                    try endpoint.send(.error(failure))
                    continue
                }
                try endpoint.send(.tasksDone(records))
            case .runSample(let request):
                try endpoint.send(.sample(SampleMeasurer.measure(request)))
            case .shutdown:
                return
            }
        }
    }
}
