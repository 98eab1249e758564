import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM stop a run cleanly: every child is killed and reaped, and the
/// samples measured so far are kept and written.
///
/// The signals are taken from their default action and delivered to a dispatch source, so the
/// handler is ordinary Swift, not async-signal-unsafe code in a signal handler. A second signal
/// while stopping ends the process at once (for an in-process sample that cannot be interrupted).
public enum Interruption {
    private static let requested = Atomic<Bool>(false)
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Whether a stop was requested.
    public static var isRequested: Bool { requested.load(ordering: .acquiring) }

    /// The catchable signals whose default action ends a process: each stops a run like SIGTERM
    /// (results so far written, children killed, exit 130) instead of ending it with workers left.
    public static let signals: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM,
    ]

    /// Starts listening for every signal in ``signals``. Call once, early, from the main thread.
    public static func install() {
        for signalNumber in signals {
            _ = signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { request() }
            source.resume()
            sources.append(source)
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
