import BenchCore
import Foundation
import Testing

@Suite struct TraceTests {
    /// Checks the structure Perfetto's JSON importer needs: a `traceEvents` array whose complete
    /// events have a name, phase "X", numeric non-negative ts and dur, and integer pid and tid;
    /// metadata events ("M") naming every process and lane.
    func validate(_ data: Data) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(root["traceEvents"] as? [[String: Any]])
        for event in events {
            let phase = try #require(event["ph"] as? String)
            #expect(event["name"] is String)
            #expect(event["pid"] is Int)
            if phase == "X" {
                #expect((event["ts"] as? Double ?? -1) >= 0)
                #expect((event["dur"] as? Double ?? -1) >= 0)
                #expect(event["tid"] is Int)
            } else {
                #expect(phase == "M")
            }
        }
        return events
    }

    @Test func traceHasOneEventPerTaskOnTheLanesThatRanThem() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("trace.json")
        let outcome = try BenchBinary.run([
            "--workload", "io", "--cores", "2", "--tasks", "6", "--task-ms", "5",
            "--repetitions", "1", "--warmup", "0", "--models", "threads,event-loop",
            "--out", folder.path, "--trace", trace.path, "--quiet",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let events = try validate(try Data(contentsOf: trace))
        let tasks = events.filter { $0["ph"] as? String == "X" }
        #expect(tasks.count == 3 * 6)  // serial, threads, event-loop × 6 tasks
        func lanes(_ model: String) -> Set<Int> {
            Set(tasks.filter { $0["cat"] as? String == model }.compactMap { $0["tid"] as? Int })
        }
        #expect(lanes("serial").count == 1)
        #expect(lanes("event-loop").count == 1, "the event loop runs every task on one thread")
        #expect(lanes("threads").count == 2)
        #expect(events.contains { $0["name"] as? String == "thread_name" })
    }

    @Test func theSeedThreadsTraceLoadsAsPerfettoExpects() throws {
        let folder = try BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // workloads/seed-threads.yaml asks for a trace itself; one repetition keeps this short.
        let outcome = try BenchBinary.run([
            "--workload", "seed-threads", "--repetitions", "1", "--warmup", "0",
            "--out", folder.path, "--quiet",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let events = try validate(try Data(contentsOf: folder.appendingPathComponent("trace.json")))
        let threads = events.filter { $0["ph"] as? String == "X" && $0["cat"] as? String == "threads" }
        #expect(threads.count == 11)
        #expect(Set(threads.compactMap { $0["tid"] as? Int }).count == 2, "two threads, as in the article")
    }
}
