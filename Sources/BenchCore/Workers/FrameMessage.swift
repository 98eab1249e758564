import Foundation

/// A message that can travel in a frame: the hot ones (handing out tasks, reporting them done) in
/// a fixed binary layout, the rare ones (prepare, a whole sample) as JSON.
///
/// A binary payload starts with a tag byte below 0x20; JSON never does (it starts with `{` or
/// `"`), so a reader tells them apart by the first byte. Integers are little-endian.
public protocol FrameMessage: Codable {
    /// The binary payload (tag first), or nil to send the message as JSON.
    var binaryPayload: [UInt8]? { get }
    /// Decodes a binary payload (tag first).
    /// - Throws: ``Frame/Error/malformed(_:)`` when the payload does not match its tag's layout.
    static func decode(binary: ArraySlice<UInt8>) throws -> Self
}

extension FrameMessage {
    /// Decodes a frame's payload, binary or JSON.
    static func decode(payload: ArraySlice<UInt8>) throws -> Self {
        if let first = payload.first, first < 0x20 { return try decode(binary: payload) }
        return try Frame.decoder.decode(Self.self, from: Data(payload))
    }
}

/// Little-endian reads and writes of the binary layouts.
enum BinaryLayout {
    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Where the body after the tag starts, once the tag is checked to be `tag`.
    static func body(of bytes: ArraySlice<UInt8>, tag: UInt8, kind: String) throws -> Int {
        guard bytes.first == tag else {
            throw Frame.Error.malformed("unknown \(kind) tag \(bytes.first.map(String.init) ?? "none")")
        }
        return bytes.startIndex + 1
    }

    static func read<T: FixedWidthInteger>(_ type: T.Type, _ bytes: ArraySlice<UInt8>, at offset: inout Int) throws -> T
    {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.endIndex else { throw Frame.Error.malformed("a binary message ended early") }
        let value = bytes[offset..<(offset + size)].withUnsafeBytes { T(littleEndian: $0.loadUnaligned(as: T.self)) }
        offset += size
        return value
    }
}

extension WorkerRequest: FrameMessage {
    static let runTasksTag: UInt8 = 0x01

    public var binaryPayload: [UInt8]? {
        guard case .runTasks(let start, let count) = self else { return nil }
        var bytes = [Self.runTasksTag]
        bytes.reserveCapacity(17)
        BinaryLayout.append(UInt64(start), to: &bytes)
        BinaryLayout.append(UInt64(count), to: &bytes)
        return bytes
    }

    public static func decode(binary: ArraySlice<UInt8>) throws -> WorkerRequest {
        var offset = try BinaryLayout.body(of: binary, tag: runTasksTag, kind: "request")
        let start = try BinaryLayout.read(UInt64.self, binary, at: &offset)
        let count = try BinaryLayout.read(UInt64.self, binary, at: &offset)
        guard start <= UInt64(Int.max), count <= UInt64(RunLimits.maxTasks) else {
            throw Frame.Error.malformed("a task range out of bounds")
        }
        return .runTasks(start: Int(start), count: Int(count))
    }
}

extension WorkerReply: FrameMessage {
    static let tasksDoneTag: UInt8 = 0x02

    public var binaryPayload: [UInt8]? {
        guard case .tasksDone(let records) = self, let pid = records.first?.pid,
            records.allSatisfy({ $0.pid == pid })
        else { return nil }
        var bytes = [Self.tasksDoneTag]
        bytes.reserveCapacity(9 + 32 * records.count)
        BinaryLayout.append(pid, to: &bytes)
        BinaryLayout.append(UInt32(records.count), to: &bytes)
        for record in records {
            BinaryLayout.append(UInt64(record.index), to: &bytes)
            BinaryLayout.append(record.checksum, to: &bytes)
            BinaryLayout.append(record.startNanoseconds, to: &bytes)
            BinaryLayout.append(record.endNanoseconds, to: &bytes)
        }
        return bytes
    }

    public static func decode(binary: ArraySlice<UInt8>) throws -> WorkerReply {
        var offset = try BinaryLayout.body(of: binary, tag: tasksDoneTag, kind: "reply")
        let pid = try BinaryLayout.read(Int32.self, binary, at: &offset)
        let count = Int(try BinaryLayout.read(UInt32.self, binary, at: &offset))
        guard count * 32 == binary.endIndex - offset else {
            throw Frame.Error.malformed("a task report's length does not match its count")
        }
        var records: [TaskRecord] = []
        records.reserveCapacity(count)
        for _ in 0..<count {
            let index = try BinaryLayout.read(UInt64.self, binary, at: &offset)
            let checksum = try BinaryLayout.read(UInt64.self, binary, at: &offset)
            let start = try BinaryLayout.read(UInt64.self, binary, at: &offset)
            let end = try BinaryLayout.read(UInt64.self, binary, at: &offset)
            records.append(
                TaskRecord(
                    index: Int(truncatingIfNeeded: index), checksum: checksum, startNanoseconds: start,
                    endNanoseconds: end, pid: pid))
        }
        return .tasksDone(records)
    }
}
