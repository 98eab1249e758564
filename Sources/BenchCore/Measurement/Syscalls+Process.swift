import CBenchSys
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How a child process ended.
public enum ExitReason: Sendable, Equatable, CustomStringConvertible {
    /// It called `exit` with this status.
    case exited(Int32)
    /// A signal killed it.
    case signaled(Int32)

    /// Decodes a `wait4` status word (the `WIFEXITED`/`WTERMSIG` macros, which Swift cannot import).
    init(waitStatus status: Int32) {
        let signal = status & 0x7f
        self = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }

    /// Whether the process exited with status 0.
    public var isSuccess: Bool { self == .exited(0) }

    public var description: String {
        switch self {
        case .exited(let status): "exited with status \(status)"
        case .signaled(let signal): "killed by \(Sys.signalName(signal))"
        }
    }
}

/// A process started by ``Sys/spawn(arguments:fileDescriptors:newProcessGroup:)``.
public struct ChildProcess: Sendable, Equatable {
    /// Its process id.
    public var pid: Int32
    /// Whether it leads its own process group (so its whole tree can be signalled at once).
    public var leadsGroup: Bool
}

extension Sys {
    /// The path of the running executable, for re-executing it as a worker.
    public static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// This process's id.
    public static var processID: Int32 { getpid() }

    /// Creates a pipe whose ends are closed on exec (workers get theirs through `dup2`, which
    /// clears the flag on the copy).
    public static func pipe() throws -> (read: Int32, write: Int32) {
        // pipe2(O_CLOEXEC) needs _GNU_SOURCE, which the Glibc module lacks. Processes are spawned
        // from one thread at a time, so no exec can slip in between pipe and fcntl.
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { throw SystemCallError(call: "pipe", errno: errno) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Closes `fd`, ignoring errors (the descriptor is gone either way on Linux).
    public static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// Writes all of `bytes` to `fd`, retrying `EINTR` and short writes.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(call: "write", errno: errno)
            }
            offset += written
        }
    }

    /// Reads up to `count` bytes into `buffer`; returns 0 at end of file. Retries `EINTR`.
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let got = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if got >= 0 { return got }
            if errno != EINTR { throw SystemCallError(call: "read", errno: errno) }
        }
    }

    /// Waits until one of `fds` is readable (or hung up), or `timeoutMilliseconds` pass (-1: forever).
    /// Returns the descriptors that are ready. Retries `EINTR`.
    public static func pollReadable(_ fds: [Int32], timeoutMilliseconds: Int32) throws -> [Int32] {
        var entries = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        while true {
            let rc = poll(&entries, nfds_t(entries.count), timeoutMilliseconds)
            if rc >= 0 { break }
            if errno != EINTR { throw SystemCallError(call: "poll", errno: errno) }
        }
        return entries.filter { $0.revents != 0 }.map(\.fd)
    }

    /// Starts `arguments[0]` with `arguments`, giving the child `fileDescriptors` (child fd ← our fd),
    /// stdin from /dev/null, stdout and stderr inherited (stdout pointed at our stderr, so a task
    /// that prints cannot corrupt a report sent to stdout).
    ///
    /// The child gets default handlers for SIGINT, SIGTERM and SIGPIPE and an empty signal mask,
    /// whatever this process uses. With `newProcessGroup`, it leads a new process group, so a
    /// terminal's Ctrl-C reaches only the harness, which then stops its children itself.
    public static func spawn(
        arguments: [String], fileDescriptors: [(child: Int32, parent: Int32)],
        newProcessGroup: Bool, environment: [String: String] = [:]
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        for (child, parent) in fileDescriptors {
            posix_spawn_file_actions_adddup2(&actions, parent, child)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        if newProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard rc == 0 else { throw SystemCallError(call: "posix_spawn", errno: rc) }
        return ChildProcess(pid: pid, leadsGroup: newProcessGroup)
    }

    /// Waits for `child` to end and returns how it ended with its exact resource usage
    /// (including its own waited-for children). Retries `EINTR`.
    public static func reap(_ child: ChildProcess) throws -> (reason: ExitReason, usage: ResourceUsage) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child.pid, &status, 0, &usage) < 0 {
            if errno != EINTR { throw SystemCallError(call: "wait4", errno: errno) }
        }
        return (ExitReason(waitStatus: status), ResourceUsage(usage))
    }

    /// Sends SIGKILL to `child`, and to its whole process group when it leads one.
    public static func kill(_ child: ChildProcess) {
        _ = Glibc.kill(child.leadsGroup ? -child.pid : child.pid, SIGKILL)
    }

    /// Waits until no process is left in `child`'s group (its orphaned members are reaped by
    /// init), checking every millisecond for at most `timeoutSeconds`. Returns whether it emptied.
    @discardableResult
    public static func awaitGroupExit(_ child: ChildProcess, timeoutSeconds: Double = 2) -> Bool {
        guard child.leadsGroup else { return true }
        let deadline = monotonicNanoseconds() + UInt64(timeoutSeconds * 1e9)
        while Glibc.kill(-child.pid, 0) == 0 {
            guard monotonicNanoseconds() < deadline else { return false }
            sleep(nanoseconds: 1_000_000)
        }
        return true
    }

    /// Sends `signal` to this process (used by test-only fault injection).
    public static func raiseSignal(_ signal: Int32) {
        _ = Glibc.kill(getpid(), signal)
    }

    /// Ends this process at once with `status`, without running exit handlers.
    public static func exitImmediately(_ status: Int32) -> Never {
        _exit(status)
    }

    /// Makes the kernel SIGKILL this process when the thread that started it exits, so a worker
    /// never outlives its parent, however the parent ended (SIGKILL included). If the parent
    /// `expectedParent` is already gone (it died before this call), exits at once.
    ///
    /// The kernel sends the signal when the *thread* that spawned this process ends, not only the
    /// process: bench spawns workers only from threads that live as long as the run (the harness's
    /// main thread, a sample process's main thread), never from a short-lived one.
    public static func dieWithParent(expectedParent: Int32?) {
        _ = bench_set_parent_death_signal(SIGKILL)
        if let expectedParent, getppid() != expectedParent { _exit(137) }
    }

    /// Ignores SIGPIPE, so writing to a dead worker's pipe returns `EPIPE` instead of killing us.
    public static func ignoreBrokenPipes() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// Closes every descriptor from `lowest` up: a worker calls this first, so it holds nothing it
    /// inherited by accident (descriptors other libraries opened without close-on-exec).
    public static func closeDescriptors(from lowest: Int32) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for fd in entries.compactMap(Int32.init) where fd >= lowest {
            _ = Glibc.close(fd)
        }
    }

    /// The conventional name of `signal`, e.g. `"SIGSEGV"`.
    public static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV",
            SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2",
        ]
        return names[signal] ?? "signal \(signal)"
    }

    /// Signal numbers fault injection needs by name.
    public enum Signal {
        public static let kill = SIGKILL
        public static let segmentationFault = SIGSEGV
    }
}
