import Foundation
import Testing

@testable import BenchCore

/// The sequential rule of `--stop verdict` (``VerdictStop``) on synthetic experiments: its error
/// rate with no true difference, its speed with a clear one, and its places.
@Suite struct VerdictStopTests {
    /// Paired walls of two models over `rounds` rounds: the reference 1 s and the other `ratio`
    /// times it, each round's log ratio off by normal noise of standard deviation `noise`.
    static func experiment(ratio: Double, noise: Double, rounds: Int, generator: inout SplitMix64) -> [[Double?]] {
        var reference: [Double?] = []
        var other: [Double?] = []
        for _ in 0..<rounds {
            // Box–Muller: one standard normal from two uniforms.
            let u1 = max(Double.leastNonzeroMagnitude, Double.random(in: 0..<1, using: &generator))
            let u2 = Double.random(in: 0..<1, using: &generator)
            let z = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * .pi * u2)
            let drift = Double.random(in: 0.8..<1.25, using: &generator)  // the machine, the same for both
            reference.append(drift)
            other.append(drift * ratio * Foundation.exp(noise * z))
        }
        return [reference, other]
    }

    /// The places at the end of a run of `rounds` rounds, updated at every look as the harness does.
    static func run(_ walls: [[Double?]], rounds: Int) -> [VerdictStop.Place] {
        var places = [VerdictStop.Place](repeating: .open, count: walls.count)
        for round in 1...rounds {
            places = VerdictStop.places(
                walls: walls.map { Array($0.prefix(round)) }, decided: places, rounds: round, maximum: rounds)
            if places.allSatisfy({ $0 != .open }) { break }
        }
        return places
    }

    /// No true difference, and the hardest case for the rule: a true ratio of exactly 1.05, on
    /// the band's edge.
    @Test(arguments: [(1.0, UInt64(7)), (1 + NoiseTest.tolerance, UInt64(11))])
    func fewerThanOneInTwentyExperimentsDeclareAModelSlowerThatIsNotBeyondTheBand(ratio: Double, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var slower = 0
        for _ in 0..<1000 {
            let walls = Self.experiment(ratio: ratio, noise: 0.04, rounds: 30, generator: &generator)
            if Self.run(walls, rounds: 30).contains(.slower) { slower += 1 }
        }
        #expect(slower < 50, "\(slower) of 1,000 declared a model slower beyond the band at a true ratio of \(ratio)")
    }

    @Test func aModelTwiceAsSlowIsPlacedAtTheFirstLook() {
        var generator = SplitMix64(seed: 3)
        var atFirstLook = 0
        for _ in 0..<1000 {
            let walls = Self.experiment(ratio: 2, noise: 0.05, rounds: 3, generator: &generator)
            if VerdictStop.places(walls: walls, decided: [.open, .open], rounds: 3) == [.fastest, .slower] {
                atFirstLook += 1
            }
        }
        #expect(atFirstLook >= 950, "\(atFirstLook) of 1,000 after 3 rounds")
    }

    @Test func aModelWellInsideTheBandIsPlacedWithinNoiseAndPlacesChangeOnlyAtLooks() {
        var generator = SplitMix64(seed: 5)
        let walls = Self.experiment(ratio: 1.01, noise: 0.005, rounds: 4, generator: &generator)
        #expect(VerdictStop.places(walls: walls, decided: [.open, .open], rounds: 3) == [.fastest, .withinNoise])
        #expect(
            VerdictStop.places(walls: walls, decided: [.open, .open], rounds: 4) == [.open, .open],
            "round 4 is not a look")
        #expect(VerdictStop.place(nil) == .open, "too few pairs for an interval")
        #expect(VerdictStop.looks(maximum: 30) == [3, 5, 8, 13, 30], "the last look at the maximum, five in all")
        #expect(VerdictStop.looks(maximum: 10) == [3, 5, 8, 10])
        #expect(VerdictStop.looks(maximum: 21) == [3, 5, 8, 13, 21])
    }

    /// Three cells of one experiment, threads the fastest, with `other` `ratio` times its walls
    /// (noise 0.5%) and event-loop twice as slow.
    static func race(_ other: ModelKind, ratio: Double, noise: Double = 0.005) -> ([[Double?]], [Cell]) {
        var generator = SplitMix64(seed: 13)
        let pair = experiment(ratio: ratio, noise: noise, rounds: 3, generator: &generator)
        let cells = [ModelKind.threads, other, .eventLoop].map {
            Cell(workload: "cpu", kind: .cpu, model: $0, workers: 2, tasks: 8, taskSeconds: 0.05)
        }
        return ([pair[0], pair[1], pair[0].map { $0.map { $0 * 2 } }], cells)
    }

    @Test func aModelOnTheBandsEdgeThatCostsMoreThanTheWinnerIsSetAsideAndAFasterOrCheaperOneIsNot() {
        let open: [VerdictStop.Place] = [.open, .open, .open]
        let (costlier, processes) = Self.race(.processes, ratio: 1.05)
        #expect(
            VerdictStop.places(walls: costlier, decided: open, rounds: 3, cells: processes)
                == [.fastest, .costlier, .slower], "processes cost more than threads, the fastest")
        #expect(
            VerdictStop.places(walls: costlier, decided: open, rounds: 3) == [.fastest, .open, .slower],
            "without the cells, no costs to compare")
        let (sameCost, async) = Self.race(.async, ratio: 1.05)
        #expect(
            VerdictStop.places(walls: sameCost, decided: open, rounds: 3, cells: async)
                == [.fastest, .costlier, .slower], "async ranks after threads, the fastest and so the winner")
        var cheaperCells = processes
        cheaperCells[1] = Cell(workload: "cpu", kind: .cpu, model: .threads, workers: 1, tasks: 8, taskSeconds: 0.05)
        #expect(
            VerdictStop.places(walls: costlier, decided: open, rounds: 3, cells: cheaperCells)
                == [.fastest, .open, .slower], "one worker is cheaper than two: within noise it would win")
        let (close, closeCells) = Self.race(.processes, ratio: 1.0, noise: 0.05)
        #expect(
            !VerdictStop.places(walls: close, decided: open, rounds: 3, cells: closeCells).contains(.costlier),
            "an interval reaching below 1 could make it the fastest")
    }
}
