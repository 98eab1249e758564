extension Cell {
    /// The cell of `workload` under `model` with `workers` workers and `tasks` tasks: the one place
    /// a workload's fields become a cell's dimensions.
    public init(_ workload: WorkloadSpec, model: ModelKind, workers: Int, tasks: Int, allocator: Allocator = .system) {
        self.init(
            workload: workload.name, kind: workload.kind, model: model, workers: workers, tasks: tasks,
            taskSeconds: workload.taskSeconds, ioFraction: workload.ioFraction, ioKind: workload.ioKind,
            fileBytes: workload.fileBytes, allocObjects: workload.allocObjects,
            allocObjectBytes: workload.allocObjectBytes, allocator: allocator, runtime: workload.runtime,
            interpreter: workload.interpreter, gil: workload.gil,
            function: workload.userTask?.qualifiedName, arguments: workload.userTask?.argumentsHash)
    }
}
