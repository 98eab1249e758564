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
            "The CPython interpreter for --runtime python: a path, or a command on PATH. Default: python3.",
            valueName: "path"))
    var python: String?

    /// Applies the options to `configuration`; `fileRuntimes` are a workload file's.
    func apply(to configuration: inout RunConfiguration, fileRuntimes: [Runtime]? = nil) throws {
        if let runtime {
            let names = runtime.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            configuration.runtimes = try names.map { name in
                guard let value = Runtime(rawValue: name) else {
                    throw BenchError.usage(
                        "Unknown runtime '\(name)'; valid runtimes: \(Runtime.allCases.map(\.rawValue).joined(separator: ", ")), comma-separated."
                    )
                }
                return value
            }
        } else if let fileRuntimes {
            configuration.runtimes = fileRuntimes
        }
        if let python { configuration.interpreters[.python] = python }
    }
}
