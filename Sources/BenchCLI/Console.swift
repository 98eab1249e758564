import BenchCore

/// The one writer of bench's own stdout and stderr, so a write that cannot be made never traps
/// (Foundation's `FileHandle.write` does, on a closed or full descriptor).
enum Console {
    /// Writes `text`, which is `what` ("the report"), to stdout.
    /// - Throws: ``BenchError/failure(_:)`` when it could not all be written, or its reader closed
    ///   the pipe with some of it unread: the output is lost, so the command failed.
    static func out(_ text: String, what: String) throws {
        do {
            try Sys.writeAll(1, Array(text.utf8))
        } catch let error as SystemCallError {
            throw BenchError.failure(
                "Could not write \(what) to stdout (\(error.description)); it is lost, so this run failed.")
        }
        let lost = Sys.bytesLostInPipe(1, seconds: 2)
        if lost > 0 {
            throw BenchError.failure(
                "The reader of stdout closed the pipe with \(lost) bytes of \(what) unread; it is lost, so this run failed."
            )
        }
    }

    /// Writes `text` to stderr. A lost stderr (closed, full, a reader gone) is ignored: it never
    /// changes the exit status of a command that otherwise succeeded.
    static func error(_ text: String) {
        try? Sys.writeAll(2, Array(text.utf8))
    }
}
