/// How a task waits.
public enum IOKind: String, Codable, Sendable, CaseIterable {
    /// A timed sleep: the cleanest wait, no device involved.
    case sleep
    /// Write, fsync and read back a temporary file (`--file-bytes`), then delete it.
    case file
    /// A request over loopback TCP to a server the harness runs, which answers after the wait.
    case socket
}
