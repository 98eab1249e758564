import Foundation
import Testing

@testable import BenchCore

/// Steal is judged against what the sample's CPUs could have run, not against the CPU time the
/// sample itself used, and is read for the CPUs the samples may run on.
@Suite struct StealTests {
    static func sample(wall: Double, cpu: Double, steal: Double, usable: Double = 2) -> Sample {
        let cell = Cell(workload: "io", kind: .io, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.05)
        var sample = Sample(
            cell: cell, repetition: 1, coresAvailable: 2, startedAt: Date(timeIntervalSince1970: 0),
            wallSeconds: wall,
            usage: ResourceUsage(
                userSeconds: cpu, systemSeconds: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0,
                peakRSSBytes: 0), latency: nil, checksum: 1)
        sample.usableCPUs = usable
        sample.stealSeconds = steal
        return sample
    }

    @Test func aWaitThatUsedHalfAMillisecondOfCPUIsNotFlaggedForTheMachinesSmallSteal() {
        // 25 µs stolen while 2 CPUs could have run 0.4 s: 0.006%, though 5% of its own CPU time.
        let io = Self.sample(wall: 0.2, cpu: 0.0005, steal: 0.000_025)
        #expect(!io.hadSteal)
        #expect(abs((io.stealShare ?? 0) - 0.000_062_5) < 1e-9)
    }

    @Test func stealOfMoreThanOneTwentiethOfTheCapacityIsFlagged() {
        #expect(Self.sample(wall: 1, cpu: 2, steal: 0.11).hadSteal, "0.11 s of 2 CPU-seconds is 5.5%")
        #expect(!Self.sample(wall: 1, cpu: 2, steal: 0.09).hadSteal, "4.5%")
        #expect(Self.sample(wall: 1, cpu: 0.5, steal: 0.03, usable: 0.5).hadSteal, "half a CPU: 6%")
    }

    @Test func stealIsSummedOverTheGivenCPUsOrTakenFromTheMachinesTotal() {
        let stat = """
            cpu  100 0 50 1000 0 0 0 70 0 0
            cpu0 50 0 25 500 0 0 0 10 0 0
            cpu1 50 0 25 500 0 0 0 20 0 0
            cpu2 0 0 0 0 0 0 0 40 0 0
            intr 12345
            """
        #expect(Sys.stealSeconds(procStat: stat, cpus: nil) == 70)
        #expect(Sys.stealSeconds(procStat: stat, cpus: [0, 1]) == 30)
        #expect(Sys.stealSeconds(procStat: stat, cpus: [7]) == nil)
        #expect(Sys.parseCPUList("0-3,8") == [0, 1, 2, 3, 8])
        #expect(Sys.parseCPUList("2") == [2])
        #expect(Sys.parseCPUList("3-1") == nil)
        #expect(Sys.affinityCPUs().map { $0.count } == Sys.affinityCPUCount())
    }
}
