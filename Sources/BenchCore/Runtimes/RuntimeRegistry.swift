/// The backend of every runtime: the one place that maps a ``Runtime`` to the code that runs it.
public enum RuntimeRegistry {
    /// The backend for `runtime`.
    public static func backend(for runtime: Runtime) -> any RuntimeBackend {
        switch runtime {
        case .swift: SwiftBackend()
        case .python: CPythonBackend()
        }
    }
}
