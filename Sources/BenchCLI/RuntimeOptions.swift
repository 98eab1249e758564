import ArgumentParser
import BenchCore

/// Which language runtimes a run measures, and the CPython to use: shared by `run` and `sweep`.
struct RuntimeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Runtimes to measure every cell in, comma-separated: swift (bench's own models), python (CPython, driven and measured by bench: the GIL, multiprocessing, asyncio). Default: swift.",
            valueName: "list"))
    var runtime: String?

    @Option(
        help: ArgumentHelp(
            "The CPython interpreters for --runtime python, comma-separated: paths, or commands on PATH (or in pyenv's versions); each is a runtime of its own, with its own calibration and serial baseline. Default: python3.",
            valueName: "paths"))
    var python: String?

    @Option(
        help: ArgumentHelp(
            "GIL states for a free-threaded CPython build (3.13t and newer), comma-separated: on, off; each is a cell of its own (PYTHON_GIL in every process). Default: the build's own.",
            valueName: "list"))
    var gil: String?

    @Option(
        name: .customLong("start-method"),
        help: ArgumentHelp(
            "multiprocessing start methods for CPython's processes and spawn models, comma-separated: fork, forkserver, spawn; each is a cell of its own. Default: the interpreter's own.",
            valueName: "list"))
    var startMethod: String?

    /// Puts what these options say into `input`.
    func fill(_ input: inout SettingsInput) {
        input.runtimes = runtime.map { ListSetting($0) }
        input.startMethods = startMethod.map { ListSetting($0) }
        if let python { input.interpreters[.python] = ListSetting(python) }
        input.gilStates = gil.map { ListSetting($0) }
    }
}
