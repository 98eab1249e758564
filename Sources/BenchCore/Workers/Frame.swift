import Foundation

/// The wire format between parent and worker: a 4-byte big-endian length, then that many bytes of
/// payload: a binary layout for the messages on the hot path, JSON for the rest (see
/// ``FrameMessage``). Framing makes message boundaries explicit, so a truncated message is detected, never
/// misread.
public enum Frame {
    // Coders are reused: creating one per message was a measurable part of a task's round trip.
    // JSONEncoder and JSONDecoder are thread-safe for encoding and decoding once configured.
    nonisolated(unsafe) static let encoder = JSONEncoder()
    nonisolated(unsafe) static let decoder = JSONDecoder()

    /// Frames larger than this are refused: no message of ours comes near it, so one this large
    /// means a corrupted stream.
    public static let maximumLength = 64 << 20

    /// A frame that could not be read.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        /// The stream ended part-way through a frame.
        case truncated
        /// The length prefix is impossible.
        case oversized(Int)
        /// No complete frame arrived before the deadline.
        case timedOut
        /// A binary payload does not match its layout.
        case malformed(String)
        /// A line went on past the longest any real one is, without its newline.
        case lineTooLong(Int)

        public var description: String {
            switch self {
            case .truncated: "the stream ended in the middle of a message"
            case .oversized(let length): "a message claimed \(length) bytes, more than any real one"
            case .timedOut: "no message arrived in time"
            case .malformed(let what): "a malformed message: \(what)"
            case .lineTooLong(let limit): "a line of more than \(limit) bytes without its end"
            }
        }
    }

    /// Encodes `message` as one frame, in binary where it has a layout.
    public static func encode<T: FrameMessage>(_ message: T) throws -> [UInt8] {
        if let binary = message.binaryPayload { return prefixed(binary) }
        return prefixed(Array(try encoder.encode(message)))
    }

    /// The payload of a frame made by ``encode(_:)``, decoded.
    public static func decode<T: FrameMessage>(_ type: T.Type, frame: [UInt8]) throws -> T {
        try T.decode(payload: frame[4...])
    }

    private static func prefixed(_ payload: [UInt8]) -> [UInt8] {
        let length = UInt32(payload.count)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)]
            + payload
    }
}

/// Reads frames from a file descriptor, optionally giving up at a deadline.
public final class FrameReader: @unchecked Sendable {
    private let reader: BufferedReader

    /// Creates a reader of `fd`; the caller keeps ownership of the descriptor.
    public init(fd: Int32) {
        reader = BufferedReader(fd: fd)
    }

    /// Whether bytes already read are waiting to be decoded: `poll` cannot see them, so a caller
    /// multiplexing several readers must drain these before polling again.
    public var hasBufferedBytes: Bool { reader.hasBufferedBytes }

    /// The next frame decoded as `T`, or nil if the stream ended cleanly between frames.
    /// - Parameter deadline: monotonic nanoseconds after which to give up with ``Frame/Error/timedOut``.
    public func next<T: FrameMessage>(_ type: T.Type, deadline: UInt64? = nil) throws -> T? {
        guard try reader.fill(4, deadline: deadline) else {
            if reader.hasBufferedBytes { throw Frame.Error.truncated }
            return nil
        }
        let header = reader.buffer
        let length = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        guard length <= Frame.maximumLength else { throw Frame.Error.oversized(length) }
        guard try reader.fill(4 + length, deadline: deadline) else { throw Frame.Error.truncated }
        let message = try T.decode(payload: reader.buffer[4..<(4 + length)])
        reader.drop(4 + length)
        return message
    }
}
