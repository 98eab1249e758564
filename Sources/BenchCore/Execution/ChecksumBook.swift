/// Every model must compute the same checksum for the same experiment (one baseline cell): the
/// first successful sample of an experiment sets it, and any other sample that disagrees is a
/// harness bug, never hidden.
struct ChecksumBook {
    private var expected: [Cell: UInt64] = [:]

    /// Records `sample`'s checksum, or throws when it differs from its experiment's.
    /// - Throws: ``BenchError/failure(_:)`` naming the model and both checksums.
    mutating func check(_ sample: Sample) throws {
        // A scaled prefix computes a different checksum from the whole run; the user's code is
        // checked task by task in the analysis (``ResultCheck``), and reported, not refused.
        guard sample.measuredTasks == nil, sample.cell.kind != .user else { return }
        let experiment = sample.cell.baseline
        if let known = expected[experiment], sample.checksum != known {
            throw BenchError.failure(
                "Model \(sample.cell.model.rawValue) computed checksum \(sample.checksum) for \(experiment.experimentName), but an earlier sample computed \(known): a task was skipped, run twice, or its file or socket I/O failed (its data did not come back)."
            )
        }
        expected[experiment] = sample.checksum
    }
}
