import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM stop a run cleanly: every child is killed and reaped, and the
/// samples measured so far are kept and written.
///
/// The signal handler only writes the signal's number to a pipe (`write` is async-signal-safe);
/// one thread reads the pipe and stops the run in ordinary Swift. Two descriptors serve every
/// signal, where a dispatch source per signal cost a signalfd each (eleven of bench's own
/// descriptors, counted against `ulimit -n`). A second signal while stopping ends the process at
/// once (for an in-process sample that cannot be interrupted).
public enum Interruption {
    private static let requested = Atomic<Bool>(false)
    private static let installed = Atomic<Bool>(false)
    /// The pipe's write end, for the handler: a plain global, read by async-signal-safe code only.
    nonisolated(unsafe) private static var pipeWrite: Int32 = -1

    /// Whether a stop was requested.
    public static var isRequested: Bool { requested.load(ordering: .acquiring) }

    /// The catchable signals whose default action ends a process: each stops a run like SIGTERM
    /// (results so far written, children killed, exit 130) instead of ending it with workers left.
    public static let signals: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM,
    ]

    /// Starts listening for every signal in ``signals``. Call once, early, from the main thread.
    public static func install() {
        guard !installed.exchange(true, ordering: .acquiringAndReleasing), let pipe = try? Sys.pipe() else { return }
        pipeWrite = pipe.write
        let reader = pipe.read
        // A parent may have started bench with these signals blocked (the mask is inherited):
        // unblocked here, before the reader thread inherits the mask, so they reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        for signalNumber in signals { sigaddset(&set, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        try? Sys.startDetachedThread {
            var byte: UInt8 = 0
            while true {
                let got = read(reader, &byte, 1)
                if got < 0 && errno == EINTR { continue }
                guard got == 1 else { return }
                request()
            }
        }
        for signalNumber in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(Interruption.pipeWrite, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signalNumber, &action, nil)
        }
    }

    /// Requests a stop: kills every child process so whatever waits on them returns promptly.
    public static func request() {
        if requested.exchange(true, ordering: .acquiringAndReleasing) {
            Sys.exitImmediately(130)
        }
        ChildRegistry.shared.killAll()
    }
}
