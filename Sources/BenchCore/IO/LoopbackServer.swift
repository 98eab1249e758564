import Foundation

/// The TCP server the `socket` I/O kind talks to: listens on 127.0.0.1 (a port the kernel picks),
/// reads a 16-byte request (a task number and a delay in nanoseconds), waits that delay, and
/// echoes the task number back. One thread per connection, so
/// delays overlap exactly as a real remote service's would. Started and stopped by the harness.
public final class LoopbackServer: @unchecked Sendable {
    /// The port clients connect to.
    public let port: UInt16
    private let listener: Int32
    private var acceptThread: OSThread?

    /// Starts listening and accepting.
    /// - Throws: ``SystemCallError`` if the socket cannot be opened.
    public init() throws {
        (listener, port) = try Sys.listenLoopback()
        acceptThread = try Sys.startThread { [listener] in
            while let client = Sys.accept(listener) {
                _ = try? Sys.startDetachedThread {
                    defer { Sys.close(client) }
                    guard let request = try? Sys.readExactly(client, 16) else { return }
                    Sys.sleep(nanoseconds: Waiting.decode(Array(request[8..<16])))
                    try? Sys.writeAll(client, Array(request[0..<8]))
                }
            }
        }
    }

    /// Stops accepting, closes the port and waits for the accept thread to end.
    public func stop() {
        Sys.shutdownSocket(listener)
        if let acceptThread { Sys.join(acceptThread) }
        acceptThread = nil
        Sys.close(listener)
    }
}
