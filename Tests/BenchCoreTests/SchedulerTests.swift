import Testing

@testable import BenchCore

@Suite struct SchedulerTests {
    /// Every step the scheduler gives, with `settled` deciding which cells are done.
    func steps(
        _ blocks: [[Int]], order: RunOrder = .interleaved, warmup: Int = 0, repetitions: Int = 3,
        auto: AutoRepetitions? = nil, settled: (Int, [SampleScheduler.Step]) -> Bool = { _, _ in false }
    ) -> [SampleScheduler.Step] {
        var scheduler = SampleScheduler(
            blocks: blocks, order: order, warmup: warmup, repetitions: repetitions, auto: auto, seed: 1)
        var taken: [SampleScheduler.Step] = []
        while let step = scheduler.next(isSettled: { settled($0, taken) }) { taken.append(step) }
        return taken
    }

    @Test func aFixedCountRunsWarmUpsThenEveryCellOncePerRoundInterleaved() {
        let taken = steps([[0, 1]], warmup: 1, repetitions: 2)
        #expect(
            taken == [
                .init(cell: 0, repetition: nil), .init(cell: 1, repetition: nil),
                .init(cell: 0, repetition: 1), .init(cell: 1, repetition: 1),
                .init(cell: 0, repetition: 2), .init(cell: 1, repetition: 2),
            ])
    }

    @Test func blocksRunOneAfterAnother() {
        let taken = steps([[0], [1]], repetitions: 2)
        #expect(taken.map(\.cell) == [0, 0, 1, 1])
    }

    @Test func autoDropsASettledCellFromLaterRoundsAndStopsAtTheMaximum() {
        let auto = AutoRepetitions(target: 0.02, minimum: 2, maximum: 5)
        // Cell 0 settles after 2 recorded samples; cell 1 never does.
        let taken = steps([[0, 1]], repetitions: 5, auto: auto) { cell, taken in
            cell == 0 && taken.filter { $0.cell == 0 && $0.repetition != nil }.count >= 2
        }
        #expect(taken.filter { $0.cell == 0 }.count == 2)
        #expect(taken.filter { $0.cell == 1 }.map(\.repetition) == [1, 2, 3, 4, 5])
    }

    @Test func autoGroupedRepeatsOneCellUntilSettledBeforeTheNext() {
        let auto = AutoRepetitions(target: 0.02, minimum: 1, maximum: 4)
        let taken = steps([[0, 1]], order: .grouped, warmup: 1, repetitions: 4, auto: auto) { cell, taken in
            cell == 0 && taken.filter { $0.cell == 0 && $0.repetition != nil }.count >= 3
        }
        #expect(taken.map(\.cell) == [0, 0, 0, 0, 1, 1, 1, 1, 1])
        #expect(taken.first?.repetition == nil && taken[4].repetition == nil, "each cell's warm-up comes first")
    }

    @Test func randomOrderUnderAutoShufflesEachRoundButKeepsRoundsApart() {
        let auto = AutoRepetitions(target: 0.02, minimum: 1, maximum: 3)
        let taken = steps([[0, 1, 2, 3]], order: .random, repetitions: 3, auto: auto)
        #expect(taken.count == 12)
        for round in 1...3 {
            #expect(Set(taken[(round - 1) * 4..<round * 4].map(\.repetition)) == [round])
        }
    }

    @Test func aCellIsSettledOnlyWithTheMinimumAndANarrowEnoughInterval() {
        let auto = AutoRepetitions(target: 0.02, minimum: 6, maximum: 30)
        #expect(!auto.isSettled([1, 1, 1, 1, 1]), "five samples are below the minimum")
        #expect(auto.isSettled([1, 1.01, 0.99, 1, 1.015, 0.985]), "a ±1.5% range at six samples")
        #expect(!auto.isSettled([1, 1.1, 0.9, 1, 1, 1]), "the full range is the interval at six: ±10%")
    }
}
