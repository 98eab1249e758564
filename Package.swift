// swift-tools-version:6.0
import PackageDescription

// Dependencies, each earning its build time:
// - swift-argument-parser: the subcommand tree, `--help`, and EX_USAGE (64) on bad input; it stays
//   in the CLI library (BenchCLI), never in BenchCore.
// - hdrhistogram-swift: per-task latency percentiles with bounded relative error and constant
//   memory however many tasks a sample has, the standard tool for latency distributions.
// - Yams: workload files are YAML; parsing YAML correctly (quoting, comments, flow lists) is not
//   something to hand-write, and Yams is the maintained Swift binding to libyaml.
let package = Package(
    name: "bench",
    products: [
        .executable(name: "bench", targets: ["bench"]),
        .library(name: "BenchCore", targets: ["BenchCore"]),
        // The whole command line as a library: `BenchMain.main(workloads:)` turns another package's
        // executable into a bench that runs its Swift closures (Examples/SwiftTasks).
        .library(name: "BenchCLI", targets: ["BenchCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // A one-function C target: prctl(PR_SET_PDEATHSIG), which Swift cannot call (it is variadic).
        .target(name: "CBenchSys"),
        // The CPython worker is embedded in the binary (a copied bench needs no checkout).
        .target(
            name: "BenchCore",
            dependencies: [
                "CBenchSys",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("Runtimes/CPython/bench_worker.py")]),
        .target(
            name: "BenchCLI",
            dependencies: [
                "BenchCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "bench", dependencies: ["BenchCLI"]),
        // What both test targets share: one CSV reader for bench's outputs, one golden-file helper.
        .target(name: "BenchTestSupport", dependencies: ["BenchCore"], path: "Tests/BenchTestSupport"),
        .testTarget(name: "BenchCoreTests", dependencies: ["BenchCore", "BenchTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "BenchCLITests", dependencies: ["BenchCLI", "BenchCore", "BenchTestSupport"], exclude: ["Fixtures"]),
    ]
)
