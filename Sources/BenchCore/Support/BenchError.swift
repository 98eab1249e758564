/// An error `bench` reports to the user: one sentence saying what happened and what to do.
public enum BenchError: Error, Equatable, CustomStringConvertible {
    /// The user asked for something invalid; exits with ``ExitStatus/usage``.
    case usage(String)
    /// Something failed at run time; exits with ``ExitStatus/failure``.
    case failure(String)
    /// Results cannot be compared; exits with ``ExitStatus/incomparable``.
    case incomparable(String)

    /// The sentence shown on stderr.
    public var description: String {
        switch self {
        case .usage(let message), .failure(let message), .incomparable(let message): message
        }
    }

    /// The exit status this error ends the program with.
    public var exitStatus: ExitStatus {
        switch self {
        case .usage: .usage
        case .failure: .failure
        case .incomparable: .incomparable
        }
    }
}
