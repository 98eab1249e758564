/// Runs blocking `body` on a new OS thread and suspends, without blocking, until it returns.
///
/// The way for async code (tests, a future async front end) to run a model, which blocks its caller.
public func runOnDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        do {
            try Sys.startDetachedThread {
                continuation.resume(with: Result { try body() })
            }
        } catch {
            continuation.resume(throwing: error)
        }
    }
}
