import BenchTestSupport
import Foundation
import Testing

/// Waiting to be run on the simulated machine: the figures of the ideal schedule, in samples.csv
/// and in the report's words.
@Suite struct WaitingToRunTests {
    @Test func anEventLoopOnHalfComputeMakesATaskWaitAWholeComputeAndAPoolOfTwoDoesNot() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "mixed", "--io-fraction", "0.5", "--cores", "2", "--tasks", "16",
            "--models", "event-loop,async",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        let loop = rows.filter { $0["model"] == "event-loop" && $0["repetition"] != "0" }
        #expect(
            !loop.isEmpty
                && loop.allSatisfy { $0["ready_delay_p99_ms"] == "25.000" && $0["ready_delay_p50_ms"] == "0.000" })
        #expect(rows.filter { $0["model"] == "async" }.allSatisfy { $0["ready_delay_max_ms"] == "0.000" })
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(
            report.contains(
                "event-loop × 2 p99 25 ms, work ready and no task running 0.0% of the wall (a task that could run waited for the one thread while another task held it); async × 2 ran its tasks within 1.00 ms of when they could (p99)."
            ), "\(report)")
    }

    @Test func blockingWaitsOnTheCooperativePoolStarveItAndTheReportSaysHowLong() throws {
        let folder = try Golden.simulate([
            "--simulate", "2", "--workload", "io", "--cores", "8", "--tasks", "32", "--models", "async,async-blocking",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("samples.csv"), encoding: .utf8))
        let blocking = rows.filter { $0["model"] == "async-blocking" && $0["repetition"] != "0" }
        #expect(!blocking.isEmpty && blocking.allSatisfy { $0["ready_idle_share"] == "0.9375" })
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(
            report.contains(
                "async-blocking × 8 p99 150 ms, work ready and no task running 94% of the wall (the pool's threads asleep in blocking calls while tasks waited for one)"
            ), "\(report)")
    }
}
