import BenchCore
import Testing

@testable import BenchCLI

/// The progress line: a bar of the samples done, the time elapsed and left, the cell.
@Suite struct ProgressLineTests {
    @Test func theLineShowsTheBarTheElapsedAndLeftTimesAndTheCell() {
        let cell = Cell(workload: "cpu", kind: .cpu, model: .threads, workers: 2, tasks: 8, taskSeconds: 0.05)
        let progress = RunProgress(
            completed: 25, total: 100, cell: cell, repetition: 3, elapsedSeconds: 31.2, remainingSeconds: 94)
        #expect(
            ProgressLine.text(progress)
                == "[#####...............] 25/100 · 0:32 elapsed · ≤ 1:34 left · cpu · threads × 2 · repetition 3")
        var first = progress
        first.completed = 0
        first.remainingSeconds = nil
        first.repetition = nil
        #expect(ProgressLine.text(first).hasPrefix("[....................] 0/100 · 0:32 elapsed · cpu"))
        #expect(ProgressLine.text(first).hasSuffix("· warm-up"))
    }

    @Test func aClockReadsInMinutesAndHours() {
        #expect(ProgressLine.clock(7) == "0:07")
        #expect(ProgressLine.clock(102) == "1:42")
        #expect(ProgressLine.clock(3725) == "1:02:05")
    }

    @Test func nothingIsDrawnWhenStderrIsNotATerminal() {
        // The tests' stderr is a pipe: the line is off, whatever was asked.
        #expect(!ProgressLine(enabled: true).enabled || Sys.isTerminal(2))
        #expect(!ProgressLine(enabled: false).enabled)
    }
}
