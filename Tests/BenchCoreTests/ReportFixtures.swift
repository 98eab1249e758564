import BenchTestSupport
import Foundation

@testable import BenchCore

/// A fixed run, with round numbers, from which every report format's golden file is built.
enum ReportFixtures {
    static let machine = MachineInfo(
        cpuModel: "Example CPU @ 3.0GHz", cpusOnline: 4, coresAvailable: 2,
        memoryBytes: 24 << 30, operatingSystem: "Debian GNU/Linux 12 (bookworm)",
        kernel: "Linux 6.1.0", swiftVersion: "6.3",
        gitCommit: "0123456789abcdef0123456789abcdef01234567",
        loadAverage: [0.25, 0.5, 0.75], allocator: "system (glibc malloc)",
        commandLine: ["bench", "--workload", "cpu,io"])
    static let start = Date(timeIntervalSince1970: 1_764_000_000)

    static func sample(
        _ workload: String, _ kind: WorkloadKind, _ model: ModelKind, repetition: Int,
        wall: Double, cpu: Double, startup: Double? = nil
    ) -> Sample {
        Sample(
            cell: Cell(
                workload: workload, kind: kind, model: model, workers: model == .serial ? 1 : 2, tasks: 8,
                taskSeconds: 0.05), repetition: repetition, coresAvailable: 2,
            startedAt: start.addingTimeInterval(Double(repetition)),
            wallSeconds: wall, startupSeconds: startup,
            usage: ResourceUsage(
                userSeconds: cpu * 0.9, systemSeconds: cpu * 0.1,
                voluntaryContextSwitches: 10, involuntaryContextSwitches: 2,
                peakRSSBytes: 20 << 20),
            latency: LatencySummary(p50Seconds: 0.05, p90Seconds: 0.051, p99Seconds: 0.052, maxSeconds: 0.053),
            checksum: 42)
    }

    static var run: RunResult {
        var samples: [Sample] = []
        for repetition in 1...7 {
            let jitter = Double(repetition - 4) * 0.002
            samples += [
                sample("cpu", .cpu, .serial, repetition: repetition, wall: 0.400 + jitter, cpu: 0.400),
                // Repetition 7 of threads is a slow outlier, as a busy machine produces.
                sample(
                    "cpu", .cpu, .threads, repetition: repetition, wall: repetition == 7 ? 0.300 : 0.204 + jitter,
                    cpu: 0.402),
                sample("cpu", .cpu, .async, repetition: repetition, wall: 0.206 + jitter, cpu: 0.404),
                sample("cpu", .cpu, .eventLoop, repetition: repetition, wall: 0.401 + jitter, cpu: 0.400),
                sample(
                    "cpu", .cpu, .processes, repetition: repetition, wall: 0.208 + jitter, cpu: 0.430, startup: 0.012),
                sample("io", .io, .serial, repetition: repetition, wall: 0.401 + jitter, cpu: 0.001),
                sample("io", .io, .threads, repetition: repetition, wall: 0.201 + jitter, cpu: 0.001),
                sample("io", .io, .async, repetition: repetition, wall: 0.202 + jitter, cpu: 0.002),
                sample("io", .io, .eventLoop, repetition: repetition, wall: 0.202 + jitter, cpu: 0.002),
            ]
        }
        let crashed = SampleRequest(
            workload: WorkloadSpec(name: "cpu", shape: .compute(taskSeconds: 0.05, iterations: 10)),
            model: .spawn, workers: 2, tasks: 8, repetition: 2, coresAvailable: 2)
        samples.append(
            .unmeasured(crashed, startedAt: start, status: .failed, reason: "worker process 4242 killed by SIGSEGV"))
        return RunResult(
            configuration: RunConfiguration(
                workloads: ["cpu", "io"], workers: 2, tasks: 8, taskMilliseconds: 50,
                repetitions: 7, warmup: 1, coresAvailable: 2),
            machine: machine, calibrations: [.swift: Calibration(iterationsPerSecond: 200_000_000, trials: 5)],
            workloads: [
                WorkloadDescription(name: "cpu", kind: .cpu, taskDescription: "hash chain of 10000000 iterations"),
                WorkloadDescription(name: "io", kind: .io, taskDescription: "a wait of 50 ms"),
            ],
            samples: samples, startedAt: start)
    }

    /// The fixed run, analysed.
    static var report: Report { Report(run) }

    /// The text of a golden file under Fixtures/; with `UPDATE_GOLDEN=1` in the environment the
    /// file is rewritten from `actual` first (then review the diff before committing it).
    static func golden(_ name: String, actual: String, file: String = #filePath) throws -> String {
        try GoldenFile.text(name, actual: actual, besides: file)
    }
}
