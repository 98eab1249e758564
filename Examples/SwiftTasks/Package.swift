// swift-tools-version:6.0
import Foundation
import PackageDescription

// bench is the package two folders up; a path dependency's identity is its folder's name, which
// differs between checkouts, so it is read from here rather than written down.
let benchFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let package = Package(
    name: "SwiftTasks",
    dependencies: [.package(path: benchFolder.path)],
    targets: [
        .executableTarget(
            name: "swift-tasks",
            dependencies: [.product(name: "BenchCLI", package: benchFolder.lastPathComponent)]
        )
    ]
)
