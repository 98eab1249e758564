/// A results folder belongs to one run: the run takes an exclusive lock on it before measuring,
/// and a second run given the same folder refuses, naming the first.
public enum FolderLock {
    /// Locks `directory` for this process's lifetime.
    /// - Throws: ``BenchError/usage(_:)`` when another run holds it, naming that run's pid;
    ///   ``BenchError/failure(_:)`` when the folder cannot be opened.
    public static func acquire(_ directory: String) throws {
        let holder: Int32?
        do {
            holder = try Sys.lockFolder(directory)
        } catch let error as SystemCallError {
            throw BenchError.failure("Could not lock the output folder \(directory): \(error.description).")
        }
        guard let holder else { return }
        let who = holder > 0 ? "another bench run (pid \(holder))" : "another bench run"
        throw BenchError.usage(
            "The output folder \(directory) is in use by \(who); a results folder holds one run, so give this one another --out."
        )
    }
}
