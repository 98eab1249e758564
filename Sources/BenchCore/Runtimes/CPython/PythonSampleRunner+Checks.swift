extension PythonSampleRunner {
    /// The longest a sample's figures may span: a day (the longest timeout is 86,400 s).
    static let longestNanoseconds: UInt64 = 86_400_000_000_000

    /// The first figure of an interpreter's answer that no real sample has, in words ("a wall
    /// time of 0 ns", "task 3 ending before it started"); nil when every one is possible. `now`
    /// is bench's monotonic clock, which the worker shares.
    static func implausibility(wall: UInt64, began: UInt64, startup: UInt64?, records: [TaskRecord], now: UInt64)
        -> String?
    {
        if wall == 0 { return "a wall time of 0 ns" }
        if wall > longestNanoseconds { return "a wall time of \(wall) ns" }
        if began > now { return "a start at \(began) ns, after bench's clock (\(now) ns)" }
        if let startup, startup > longestNanoseconds { return "a start-up of \(startup) ns" }
        for record in records {
            if record.endNanoseconds < record.startNanoseconds {
                return
                    "task \(record.index) ending (\(record.endNanoseconds) ns) before it started (\(record.startNanoseconds) ns)"
            }
            if record.startNanoseconds < began || record.endNanoseconds > now {
                return
                    "task \(record.index) running outside the sample (\(record.startNanoseconds)–\(record.endNanoseconds) ns, the sample \(began)–\(now) ns)"
            }
        }
        return nil
    }
}
