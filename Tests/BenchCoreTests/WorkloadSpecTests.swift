import Testing

@testable import BenchCore

/// A workload spec is built whole by the catalog and sent as it is: nothing patches it later,
/// and a built workload hands back exactly the spec it was made from.
@Suite struct WorkloadSpecTests {
    static let calibration = Calibration(iterationsPerSecond: 1_000_000, trials: 1)

    static func parameters(_ name: String, fraction: Double = 0.25) -> WorkloadCatalog.Parameters {
        WorkloadCatalog.Parameters(
            name: name, runtime: .python, taskSeconds: 0.02, ioFraction: fraction, calibration: calibration,
            io: IOSpec(kind: .file, fileBytes: 512, socketPort: 9), alloc: (10, 32))
    }

    @Test func theCatalogBuildsEachShapeWholeFromTheRunsParameters() throws {
        func spec(_ name: String) throws -> WorkloadSpec {
            try #require(WorkloadCatalog.entry(named: name)).make(Self.parameters(name))
        }
        #expect(try spec("cpu").shape == .compute(taskSeconds: 0.02, iterations: 20_000))
        #expect(
            try spec("io").shape == .wait(taskSeconds: 0.02, io: IOSpec(kind: .file, fileBytes: 512, socketPort: 9)))
        #expect(
            try spec("mixed").shape
                == .mixed(
                    taskSeconds: 0.02, iterations: 15_000, ioFraction: 0.25,
                    io: IOSpec(kind: .file, fileBytes: 512, socketPort: 9)))
        #expect(try spec("alloc").shape == .alloc(objects: 10, objectBytes: 32))
        #expect(try spec("noop").shape == .noop)
        #expect(try spec("cpu").runtime == .python)
    }

    @Test func aBuiltWorkloadHandsBackTheSpecItWasMadeFrom() throws {
        var spec = try #require(WorkloadCatalog.entry(named: "mixed")).make(Self.parameters("mixed"))
        spec.slowdown = 2
        spec.fault = InjectedFault(kind: .exit, taskIndex: 1)
        #expect(spec.make().spec == spec)
        for name in WorkloadCatalog.names {
            let plain = try #require(WorkloadCatalog.entry(named: name)).make(Self.parameters(name))
            #expect(plain.make().spec == plain)
        }
    }

    @Test func aShapeThatNeverWaitsHasNoWayOfWaiting() {
        let compute = WorkloadSpec(name: "cpu", shape: .compute(taskSeconds: 0.01, iterations: 5))
        #expect(compute.io == nil)
        #expect(compute.ioKind == .sleep)
        #expect(compute.ioFraction == 0)
        #expect(WorkloadSpec(name: "noop", shape: .noop).kind == .cpu)
    }
}
