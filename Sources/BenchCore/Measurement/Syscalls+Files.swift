import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Advisory locks on folders, so one results folder belongs to one run.
extension Sys {
    /// Takes an exclusive `flock` on the folder `path` without waiting, and keeps it until this
    /// process ends (the descriptor is never closed; the kernel drops the lock at exit, however
    /// the process ends).
    /// - Returns: nil when the lock was taken; otherwise the pid holding it (0 when unknown).
    /// - Throws: ``SystemCallError`` when the folder cannot be opened.
    public static func lockFolder(_ path: String) throws -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError(call: "open", errno: errno) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let failure = errno
            var info = stat()
            let inode = fstat(fd, &info) == 0 ? UInt64(info.st_ino) : 0
            _ = Glibc.close(fd)
            guard failure == EWOULDBLOCK else { throw SystemCallError(call: "flock", errno: failure) }
            return lockHolder(inode: inode)
        }
        return nil
    }

    /// The pid holding a lock on `inode`, read from /proc/locks ("1: FLOCK ADVISORY WRITE 4242
    /// 08:01:1234 0 EOF"); 0 when it cannot be found.
    private static func lockHolder(inode: UInt64) -> Int32 {
        guard inode != 0, let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK",
                let device = fields[5].split(separator: ":").last, UInt64(device) == inode,
                let pid = Int32(fields[4])
            else { continue }
            return pid
        }
        return 0
    }
}

/// Whether what was written into a pipe reached its reader.
extension Sys {
    /// After writing to the pipe or FIFO `fd`, waits (at most `seconds`) until its reader has
    /// taken everything or has gone, and returns how many bytes were left unread when the reader
    /// went: a reader such as `head -c 10` closes its end while a report still sits in the pipe's
    /// buffer, and the report is lost although every write succeeded. Returns 0 for anything that
    /// is not a pipe, when everything was read, or when the reader is still there at the deadline.
    public static func bytesLostInPipe(_ fd: Int32, seconds: Double) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFIFO else { return 0 }
        let deadline = monotonicNanoseconds() + UInt64(seconds * 1e9)
        while true {
            var unread: Int32 = 0
            guard ioctl(fd, UInt(FIONREAD), &unread) == 0 else { return 0 }
            if unread == 0 { return 0 }
            var entry = pollfd(fd: fd, events: 0, revents: 0)
            let remaining = Int64(deadline) - Int64(monotonicNanoseconds())
            if remaining <= 0 { return 0 }
            let ready = poll(&entry, 1, Int32(min(remaining / 1_000_000, 50)))
            if ready > 0 && entry.revents & Int16(POLLERR) != 0 { return Int(unread) }
        }
    }
}

/// Which file a path or a descriptor really is.
extension Sys {
    /// The device and inode `path` leads to, symbolic links followed; nil when it does not exist.
    public static func fileIdentity(path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// The device and inode open on descriptor `fd`; nil when it is closed.
    public static func fileIdentity(fd: Int32) -> [UInt64]? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }
}

extension Sys {
    /// Whether a regular file can really be created in `directory`: one is made there exclusively
    /// (never following a link) and removed at once. Permission bits cannot tell (root passes
    /// `access` on /proc, a read-only mount or a full device).
    public static func canCreateFile(in directory: String) -> Bool {
        let path = "\(directory)/.bench-probe-\(processID)-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        close(fd)
        unlink(path)
        return true
    }
}

/// Files bench writes for itself, checked before anything is written into them.
extension Sys {
    /// Makes `path` a folder only this user can write, or checks that the one there is: a real
    /// folder (never a link), owned by this user, writable by no one else.
    /// - Throws: ``BenchError/usage(_:)`` naming what is there instead.
    public static func privateDirectory(_ path: String) throws {
        if mkdir(path, 0o700) == 0 { return }
        let made = errno
        var info = stat()
        guard made == EEXIST, lstat(path, &info) == 0 else {
            throw BenchError.usage(
                "Cannot create \(path) (\(SystemCallError(call: "mkdir", errno: made).description)); TMPDIR must name a writable folder."
            )
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid(), info.st_mode & 0o022 == 0 else {
            throw BenchError.usage(
                "\(path) is not bench's own folder (it is a link, another user's, or writable by others); remove it, or set TMPDIR to another folder."
            )
        }
    }

    /// Creates `path` afresh (never through a link, never over an existing file) holding `bytes`.
    public static func writeNewFile(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o600) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemCallError(call: "open", errno: errno) }
        defer { close(fd) }
        try writeAll(fd, bytes)
    }

    /// The bytes of the regular file `path`, at most `limit`, never through a link; nil when
    /// there is none, it is a link, or it is larger.
    public static func readOwnFile(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == getuid(),
            Int(info.st_size) <= limit
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + got, raw.count - got)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            got += n
        }
        return bytes
    }
}

extension Sys {
    /// Whether descriptor `fd` is open in this process.
    public static func isOpen(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) != -1 }
}
