/// An interpreter a runtime's cells ran in (CPython's), as it describes itself: part of the
/// machine's fingerprint, keyed by its runtime (``MachineInfo/interpreters``).
public struct InterpreterInfo: Codable, Sendable, Equatable {
    /// `sys.implementation.name`: "cpython".
    public var implementation: String
    /// "3.11.7".
    public var version: String
    /// The build's tag and date (what the platform module reports as the build).
    public var build: String
    /// The compiler that built it.
    public var compiler: String
    /// The interpreter's real path (`sys.executable`).
    public var executable: String
    /// Whether it is a free-threaded build (`Py_GIL_DISABLED`).
    public var freeThreadedBuild: Bool
    /// Whether the GIL is enabled in this process (`sys._is_gil_enabled()` where it exists).
    public var gilEnabled: Bool
    /// multiprocessing's start method: fork, forkserver or spawn.
    public var startMethod: String
    /// multiprocessing's start methods on this platform; nil when not reported (older results).
    public var startMethods: [String]?
    /// The module that gives it subinterpreters with their own GIL (`concurrent.interpreters`,
    /// `_interpreters`, `_xxsubinterpreters`); nil before CPython 3.12.
    public var subinterpreters: String?
    /// What bench starts for every sample: the path `--python` named (found on PATH when it was a
    /// command), which may be a wrapper that sets up the environment before the interpreter
    /// (``executable``) runs; nil when the interpreter did not come from a probe.
    public var command: String?

    /// Creates a description from known values.
    public init(
        implementation: String = "cpython", version: String, build: String = "", compiler: String = "",
        executable: String, freeThreadedBuild: Bool = false, gilEnabled: Bool = true, startMethod: String = "fork"
    ) {
        self.implementation = implementation
        self.version = version
        self.build = build
        self.compiler = compiler
        self.executable = executable
        self.freeThreadedBuild = freeThreadedBuild
        self.gilEnabled = gilEnabled
        self.startMethod = startMethod
    }

    /// How cells and reports name this interpreter: its version, with CPython's `t` for a
    /// free-threaded build ("3.13.0", "3.13.0t").
    public var label: String { version + (freeThreadedBuild ? "t" : "") }

    /// This interpreter as a cell under `gil` ran it: a free-threaded build's GIL as the cell
    /// asked (`--gil`); unchanged for nil.
    public func running(_ gil: GILState?) -> InterpreterInfo {
        guard let gil else { return self }
        var info = self
        info.gilEnabled = gil == .on
        return info
    }

    /// Major and minor version numbers, or nil when the version does not parse.
    public var majorMinor: (Int, Int)? {
        let parts = version.split(separator: ".").compactMap { Int($0.prefix { $0.isNumber }) }
        return parts.count >= 2 ? (parts[0], parts[1]) : nil
    }
}
