/// The `alloc` workload: each task allocates many small objects, touches each, then frees them
/// all. Threads share one heap (and contend on it); processes each have their own; the allocator
/// (`--allocator`) decides how well either goes.
public struct AllocWorkload: Workload {
    public let spec: WorkloadSpec
    public var name: String { spec.name }
    public var kind: WorkloadKind { .alloc }
    public var taskSeconds: Double { 0 }
    /// Objects each task allocates.
    public let objects: Int
    /// Bytes per object.
    public let objectBytes: Int

    /// The workload of an alloc spec.
    init(_ spec: WorkloadSpec) {
        self.spec = spec
        objects = spec.allocObjects
        objectBytes = spec.allocObjectBytes
    }

    /// Creates an allocation workload.
    public init(name: String = "alloc", objects: Int, objectBytes: Int) {
        self.init(WorkloadSpec(name: name, shape: .alloc(objects: objects, objectBytes: objectBytes)))
    }

    public var taskDescription: String {
        "allocating \(objects) objects of \(objectBytes) bytes, touching each, then freeing them all"
    }

    public func runBlocking(task index: Int) -> UInt64 {
        let pointers = UnsafeMutableBufferPointer<UnsafeMutableRawPointer>.allocate(capacity: objects)
        defer { pointers.deallocate() }
        var checksum: UInt64 = 0
        for object in 0..<objects {
            let memory = UnsafeMutableRawPointer.allocate(byteCount: objectBytes, alignment: 8)
            memory.storeBytes(of: UInt64(truncatingIfNeeded: object &+ index), as: UInt64.self)
            pointers[object] = memory
        }
        for object in 0..<objects {
            checksum &+= pointers[object].load(as: UInt64.self)
            pointers[object].deallocate()
        }
        return checksum
    }

    public func runAsync(task index: Int) async -> UInt64 {
        runBlocking(task: index)
    }
}

/// The memory allocator a sample runs under.
public enum Allocator: String, Codable, Sendable, CaseIterable {
    /// glibc's malloc, what every process gets by default.
    case system
    /// jemalloc, loaded into the sample's process with `LD_PRELOAD`.
    case jemalloc
}

extension Allocator {
    /// The allocator a recorded description names: its own name ("jemalloc"), or what a sample
    /// verified at run time ("jemalloc 5.3.0", "system (glibc malloc)"); system when unknown.
    public init(describing text: String?) {
        let text = text ?? ""
        self = Allocator(rawValue: text) ?? (text.hasPrefix(Allocator.jemalloc.rawValue) ? .jemalloc : .system)
    }
}
