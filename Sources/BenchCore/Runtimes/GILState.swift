/// Whether a free-threaded CPython build runs with its GIL (`--gil on,off`): a dimension of the
/// cells of such a build, handed to every process of a sample as `PYTHON_GIL`.
public enum GILState: String, Codable, Sendable, CaseIterable, Comparable {
    /// The GIL held, as in a default build (`PYTHON_GIL=1`).
    case on
    /// No GIL: threads run Python in parallel (`PYTHON_GIL=0`).
    case off

    /// The value of `PYTHON_GIL` that asks for this state.
    public var environmentValue: String { self == .on ? "1" : "0" }

    /// "GIL on", "GIL off".
    public var displayName: String { "GIL \(rawValue)" }

    /// The state whose ``displayName`` is `displayName`, or nil.
    public init?(displayName: String) {
        guard let state = Self.allCases.first(where: { $0.displayName == displayName }) else { return nil }
        self = state
    }

    public static func < (a: GILState, b: GILState) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
