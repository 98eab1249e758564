import ArgumentParser
import BenchCore

/// `bench worker` (hidden): what `bench` runs as when it re-executes itself as a worker process.
/// It serves length-prefixed requests on fd 3 and replies on fd 4 until told to stop.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Serve a parent bench process over fds 3 and 4 (internal).",
        shouldDisplay: false
    )

    func run() throws {
        ProcessRole.becomeWorker()
        Sys.closeDescriptors(from: 5)  // anything inherited by accident
        try WorkerLoop.serve(PipeTransport(readFD: 3, writeFD: 4))
    }
}
