import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// File and socket calls for the real-I/O workloads.
extension Sys {
    /// Writes `bytes` to a new temporary file in `directory`, fsyncs it, reads it back, deletes it,
    /// and returns a checksum of what was read.
    public static func fileRoundTrip(bytes: Int, directory: String, tag: Int) throws -> UInt64 {
        let path = "\(directory)/bench-\(getpid())-\(tag)-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(path, O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SystemCallError(call: "open", errno: errno) }
        defer {
            _ = Glibc.close(fd)
            unlink(path)
        }
        var data = [UInt8](repeating: 0, count: bytes)
        for index in data.indices { data[index] = UInt8(truncatingIfNeeded: index &* 31 &+ tag) }
        try writeAll(fd, data)
        guard fsync(fd) == 0 else { throw SystemCallError(call: "fsync", errno: errno) }
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw SystemCallError(call: "lseek", errno: errno) }
        var back = [UInt8](repeating: 0, count: bytes)
        var offset = 0
        while offset < bytes {
            let got = try back.withUnsafeMutableBytes {
                try read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[offset...]))
            }
            if got == 0 { break }
            offset += got
        }
        guard offset == bytes, back == data else { throw SystemCallError(call: "read", errno: EIO) }
        return back.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) }
    }

    /// A TCP socket connected to 127.0.0.1:`port` (blocking unless `nonBlocking`; a non-blocking
    /// connect may still be in progress when this returns).
    public static func connectLoopback(port: UInt16, nonBlocking: Bool) throws -> Int32 {
        let fd = socket(
            AF_INET,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
                | (nonBlocking ? Int32(SOCK_NONBLOCK.rawValue) : 0), 0)
        guard fd >= 0 else { throw SystemCallError(call: "socket", errno: errno) }
        var address = loopback(port: port)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if rc != 0 && !(nonBlocking && errno == EINPROGRESS) {
            let error = errno
            _ = Glibc.close(fd)
            throw SystemCallError(call: "connect", errno: error)
        }
        return fd
    }

    /// A listening TCP socket on 127.0.0.1 with a port the kernel picks; returns it and the port.
    public static func listenLoopback() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemCallError(call: "socket", errno: errno) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 512) == 0 else {
            let error = errno
            _ = Glibc.close(fd)
            throw SystemCallError(call: "bind/listen", errno: error)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }

    /// Accepts a connection, retrying `EINTR`; nil once the listening socket is shut down.
    public static func accept(_ fd: Int32) -> Int32? {
        while true {
            // accept4 needs _GNU_SOURCE, so close-on-exec is set just after; a worker spawned in
            // that instant closes every inherited descriptor above 4 when it starts anyway.
            let client = Glibc.accept(fd, nil, nil)
            if client >= 0 {
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                return client
            }
            if errno != EINTR { return nil }
        }
    }

    /// Stops a listening socket: wakes a blocked `accept` and refuses new connections.
    public static func shutdownSocket(_ fd: Int32) {
        _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    /// Reads exactly `count` bytes, blocking; nil if the peer closed first. `EAGAIN` is returned
    /// as an error for non-blocking sockets (callers wait for readability first).
    public static func readExactly(_ fd: Int32, _ count: Int) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = try buffer.withUnsafeMutableBytes {
                try read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[offset...]))
            }
            if got == 0 { return nil }
            offset += got
        }
        return buffer
    }

    /// Polls many descriptors, each for reading or writing; returns the indices that are ready.
    public static func pollMany(_ entries: [(fd: Int32, writable: Bool)], timeoutMilliseconds: Int32) throws -> [Int] {
        var fds = entries.map { pollfd(fd: $0.fd, events: Int16($0.writable ? POLLOUT : POLLIN), revents: 0) }
        while true {
            let rc = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
            if rc >= 0 { break }
            if errno != EINTR { throw SystemCallError(call: "poll", errno: errno) }
        }
        return fds.indices.filter { fds[$0].revents != 0 }
    }

    /// Whether a connect on a non-blocking socket succeeded (SO_ERROR).
    public static func socketError(_ fd: Int32) -> Int32 {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        return error
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7f00_0001).bigEndian)
        return address
    }
}
