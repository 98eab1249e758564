import Testing

@testable import BenchCore

@Suite struct BaselineTests {
    @Test func serialIsExtrapolatedOnlyWhenOneSampleWouldTakeTenSecondsOrMore() {
        #expect(BaselineMode.automatic(tasks: 199, taskSeconds: 0.05) == .measured)
        #expect(BaselineMode.automatic(tasks: 200, taskSeconds: 0.05) == .extrapolated)
        #expect(BaselineMode.automatic(tasks: 1_000_000, taskSeconds: nil) == .measured, "noop and alloc")
    }

    @Test func thePrefixIsAtLeast64TasksAndAtLeastTwoSeconds() {
        #expect(BaselineMode.extrapolated.prefixTasks(tasks: 100_000, taskSeconds: 0.1) == 64)
        #expect(BaselineMode.extrapolated.prefixTasks(tasks: 100_000, taskSeconds: 0.001) == 2_000)
        #expect(BaselineMode.extrapolated.prefixTasks(tasks: 64, taskSeconds: 0.1) == nil, "no prefix to take")
        #expect(BaselineMode.measured.prefixTasks(tasks: 100_000, taskSeconds: 0.1) == nil)
    }

    @Test func anExtrapolatedSampleRunsThePrefixAndScalesItsTimesToEveryTask() {
        var request = SampleRequest(
            workload: WorkloadSpec(name: "io", shape: .wait(taskSeconds: 0.005, io: IOSpec())), model: .serial,
            workers: 1,
            tasks: 40, repetition: 1, coresAvailable: 2)
        request.measuredTasks = 4
        let sample = SampleMeasurer.measure(request)
        #expect(sample.status == .ok)
        #expect(sample.measuredTasks == 4)
        #expect(sample.cell.tasks == 40, "the cell is the whole sample's")
        // 4 waits of 5 ms scaled by 10: at least the 200 ms the whole sample would sleep.
        #expect(sample.wallSeconds >= 0.2)
        #expect(sample.baselineSource.description == "serial extrapolated from 4 of 40 tasks")
    }

    @Test func speedupsAgainstAnExtrapolatedBaselineSaySoInTheAnalysisAndTheCSV() {
        let cell = Cell(workload: "io", kind: .io, model: .serial, workers: 1, tasks: 1_000, taskSeconds: 0.1)
        var threads = cell
        threads.model = .threads
        threads.workers = 1_000
        func sample(_ cell: Cell, wall: Double, measured: Int?) -> Sample {
            var sample = Sample(
                cell: cell, repetition: 1, coresAvailable: 2, startedAt: Simulation.start, wallSeconds: wall,
                usage: ResourceUsage(
                    userSeconds: 0, systemSeconds: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0,
                    peakRSSBytes: 0), latency: nil, checksum: 1)
            sample.measuredTasks = measured
            return sample
        }
        let samples = [sample(cell, wall: 100, measured: 64), sample(threads, wall: 0.1, measured: nil)]
        let derived = RunAnalysis.derive(samples)
        #expect(derived[1]?.baseline.isExtrapolated == true)
        #expect(derived[1]?.speedup == 1_000)
        let csv = CSVFormatter.text(samples, derived: derived)
        #expect(csv.contains(",extrapolated 64/1000,"))
    }
}
