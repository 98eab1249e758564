// swift-tools-version:6.0
import PackageDescription

// One dependency: swift-argument-parser gives the subcommand tree, `--help`, and EX_USAGE (64)
// on bad input for free; everything it touches stays in the thin `bench` executable.
let package = Package(
    name: "bench",
    products: [
        .executable(name: "bench", targets: ["bench"]),
        .library(name: "BenchCore", targets: ["BenchCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "BenchCore"),
        .executableTarget(
            name: "bench",
            dependencies: [
                "BenchCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BenchCoreTests", dependencies: ["BenchCore"], exclude: ["Fixtures"]),
        .testTarget(name: "BenchCLITests", dependencies: ["BenchCore"]),
    ]
)
