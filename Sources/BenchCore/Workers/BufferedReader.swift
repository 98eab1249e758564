/// Bytes read from a descriptor as a parser needs them, waiting at most until a deadline: the
/// reading under ``FrameReader``'s frames and the CPython worker's lines.
public final class BufferedReader: @unchecked Sendable {
    private let fd: Int32
    /// Bytes read and not yet taken.
    private(set) var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    /// Creates a reader of `fd`; the caller keeps ownership of the descriptor.
    public init(fd: Int32) {
        self.fd = fd
    }

    /// Whether bytes already read are waiting: `poll` cannot see them, so a caller multiplexing
    /// several readers must drain these before polling again.
    public var hasBufferedBytes: Bool { !buffer.isEmpty }

    /// Reads until `count` bytes are buffered; false when the stream ended first.
    /// - Throws: ``Frame/Error/timedOut`` past `deadline` (monotonic nanoseconds).
    func fill(_ count: Int, deadline: UInt64?) throws -> Bool {
        while buffer.count < count {
            guard try readMore(deadline: deadline) else { return false }
        }
        return true
    }

    /// Removes and returns the first `count` buffered bytes.
    func take(_ count: Int) -> [UInt8] {
        let bytes = Array(buffer[..<count])
        drop(count)
        return bytes
    }

    /// Removes the first `count` buffered bytes.
    func drop(_ count: Int) {
        buffer.removeFirst(count)
    }

    /// The next line, without its newline; nil when the stream ended first.
    /// - Throws: ``Frame/Error/timedOut`` past `deadline`; ``Frame/Error/lineTooLong(_:)`` when
    ///   more than `maximumLength` bytes arrive without a newline (the peer is not to be trusted).
    func line(deadline: UInt64?, maximumLength: Int = 1 << 20) throws -> [UInt8]? {
        var searched = 0
        while true {
            if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { drop(1) }
                return take(newline)
            }
            searched = buffer.count
            guard searched <= maximumLength else { throw Frame.Error.lineTooLong(maximumLength) }
            guard try readMore(deadline: deadline) else { return nil }
        }
    }

    /// Reads what has arrived, waiting for it until `deadline`; false at end of file.
    private func readMore(deadline: UInt64?) throws -> Bool {
        if let deadline {
            while true {
                let now = Sys.monotonicNanoseconds()
                guard now < deadline else { throw Frame.Error.timedOut }
                let milliseconds = Int32(min(Double(deadline - now) / 1e6 + 1, Double(Int32.max)))
                if try !Sys.pollReadable([fd], timeoutMilliseconds: milliseconds).isEmpty { break }
            }
        }
        let got = try chunk.withUnsafeMutableBytes { try Sys.read(fd, into: $0) }
        guard got > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<got])
        return true
    }
}
