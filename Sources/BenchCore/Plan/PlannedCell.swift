/// One cell of a plan: its ``Cell`` and the workload its samples run, both built whole by the
/// ``Planner``, and the requests for its samples.
public struct PlannedCell: Sendable, Equatable {
    /// The first request of the cell (repetition 0, a warm-up); every other one differs only in
    /// its repetition, and in the test-only fault.
    public var request: SampleRequest
    /// A fault to inject, for tests of failure handling: the repetition it strikes (0 for the
    /// warm-ups) and the fault; nil in real runs.
    public var fault: (repetition: Int, fault: InjectedFault)?

    /// Creates a planned cell.
    public init(request: SampleRequest, fault: (repetition: Int, fault: InjectedFault)? = nil) {
        self.request = request
        self.fault = fault
    }

    /// The cell.
    public var cell: Cell { request.cell }

    /// The workload its samples run.
    public var spec: WorkloadSpec { request.workload }

    /// The request for `repetition` (nil: a warm-up), with the fault where the plan puts it.
    public func request(repetition: Int?) -> SampleRequest {
        var request = request
        request.repetition = repetition ?? 0
        if let fault, fault.repetition == request.repetition { request.workload.fault = fault.fault }
        return request
    }

    public static func == (a: PlannedCell, b: PlannedCell) -> Bool {
        a.request == b.request && a.fault?.repetition == b.fault?.repetition && a.fault?.fault == b.fault?.fault
    }
}
