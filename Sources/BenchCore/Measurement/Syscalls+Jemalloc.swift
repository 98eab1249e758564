#if canImport(Glibc)
    import Glibc
#endif

/// jemalloc's statistics at one moment, read through `mallctl` after refreshing its `epoch`.
public struct AllocatorStats: Codable, Sendable, Equatable {
    /// Bytes in live allocations (`stats.allocated`).
    public var allocatedBytes: Int
    /// Bytes in active pages (`stats.active`).
    public var activeBytes: Int
    /// Bytes in physically resident pages (`stats.resident`).
    public var residentBytes: Int
    /// Arena-level allocations so far, small and large (`stats.arenas.<all>.{small,large}.nmalloc`);
    /// a thread-cache refill counts once for its batch.
    public var allocations: Int
    /// Arena-level deallocations so far (`ndalloc`), counted the same way.
    public var deallocations: Int
}

/// The allocator this process really uses, found at run time: jemalloc exports `mallctl`, glibc's
/// malloc does not. Used to verify `--allocator jemalloc` took effect and to read its statistics.
public enum Jemalloc {
    private typealias Mallctl =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafeMutableRawPointer?,
            UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?, Int
        ) -> Int32

    nonisolated(unsafe) private static let mallctl: Mallctl? = {
        guard let symbol = dlsym(nil, "mallctl") else { return nil }
        return unsafeBitCast(symbol, to: Mallctl.self)
    }()

    /// Where Debian installs the shared library that `LD_PRELOAD` loads.
    public static let libraryCandidates = [
        "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2",
        "/usr/lib/libjemalloc.so.2", "/usr/local/lib/libjemalloc.so.2",
    ]

    /// The jemalloc library on this machine, if installed; `BENCH_JEMALLOC_LIBRARY` names another.
    public static var libraryPath: String? {
        if let override = getenv("BENCH_JEMALLOC_LIBRARY").map({ String(cString: $0) }) {
            return access(override, R_OK) == 0 ? override : nil
        }
        return libraryCandidates.first { access($0, R_OK) == 0 }
    }

    /// Whether jemalloc serves this process's mallocs.
    public static var isActive: Bool { mallctl != nil }

    /// jemalloc's version string, e.g. `"5.3.0-0-g54eaed1d8b56b1aa528be3bdd1877e59c56fa90c"`.
    public static var version: String? {
        guard let pointer: UnsafePointer<CChar> = read("version") else { return nil }
        return String(cString: pointer)
    }

    /// A description of the allocator in use, e.g. `"jemalloc 5.3.0"` or `"system (glibc malloc)"`.
    public static var inUse: String {
        guard isActive else { return "system (glibc malloc)" }
        return "jemalloc \(version.map { String($0.prefix { $0 != "-" }) } ?? "")"
    }

    /// The statistics now; nil when jemalloc is not in use.
    public static func stats() -> AllocatorStats? {
        guard let mallctl else { return nil }
        // Statistics are snapshots refreshed by writing to "epoch".
        var epoch: UInt64 = 1
        _ = mallctl("epoch", nil, nil, &epoch, MemoryLayout<UInt64>.size)
        func size(_ name: String) -> Int { (read(name) as Int?) ?? 0 }
        func count(_ name: String) -> Int { Int((read(name) as UInt64?) ?? 0) }
        let all = "stats.arenas.4096"  // MALLCTL_ARENAS_ALL: every arena merged
        return AllocatorStats(
            allocatedBytes: size("stats.allocated"), activeBytes: size("stats.active"),
            residentBytes: size("stats.resident"),
            allocations: count("\(all).small.nmalloc") + count("\(all).large.nmalloc"),
            deallocations: count("\(all).small.ndalloc") + count("\(all).large.ndalloc"))
    }

    /// Allocates `bytes` in objects of `objectBytes`, keeps them live, and returns how much
    /// `stats.allocated` grew: a self-check of jemalloc's statistics against a known amount.
    /// Nil when jemalloc is not in use.
    public static func allocatedGrowth(bytes: Int, objectBytes: Int) -> Int? {
        let count = max(1, bytes / objectBytes)
        // The array that holds the objects is allocated before the first reading, so only the
        // objects themselves are counted.
        let objects = UnsafeMutableBufferPointer<UnsafeMutableRawPointer>.allocate(capacity: count)
        defer { objects.deallocate() }
        guard let before = stats() else { return nil }
        for index in 0..<count {
            objects[index] = UnsafeMutableRawPointer.allocate(byteCount: objectBytes, alignment: 8)
        }
        defer { for object in objects { object.deallocate() } }
        guard let after = stats() else { return nil }
        return after.allocatedBytes - before.allocatedBytes
    }

    private static func read<T>(_ name: String) -> T? {
        guard let mallctl else { return nil }
        let value = UnsafeMutablePointer<T>.allocate(capacity: 1)
        defer { value.deallocate() }
        var length = MemoryLayout<T>.size
        guard mallctl(name, value, &length, nil, 0) == 0 else { return nil }
        return value.pointee
    }
}
