import Foundation

/// Task timelines in the Chrome trace event format, which Perfetto (ui.perfetto.dev) and
/// chrome://tracing open: one "process" per sample, one lane per thread or worker process that ran
/// tasks, one complete event ("X") per task. Interleaving and parallelism are visible at a glance:
/// serial is one lane of back-to-back tasks, threads are parallel lanes, the event loop is one lane
/// of overlapping waits.
public struct ChromeTraceFormatter: ReportFormatter {
    public init() {}

    public var fileName: String { "trace.json" }

    /// One trace event; fields absent from an event are left out of the JSON.
    public struct Event: Codable, Equatable {
        /// The event's name (a task, or a metadata key such as "process_name").
        public var name: String
        /// Its category: the model.
        public var cat: String?
        /// Phase: "X" for a complete event, "M" for metadata.
        public var ph: String
        /// Start, in microseconds.
        public var ts: Double?
        /// Duration, in microseconds.
        public var dur: Double?
        /// The sample.
        public var pid: Int
        /// The lane.
        public var tid: Int?
        /// Extra fields shown when the event is selected.
        public var args: [String: String]?
    }

    /// The document: events, and the unit the viewer shows.
    public struct Document: Codable, Equatable {
        /// Every event.
        public var traceEvents: [Event]
        /// "ms".
        public var displayTimeUnit: String
    }

    /// The trace of every sample that recorded a timeline.
    public func document(_ result: RunResult) -> Document {
        var events: [Event] = []
        for (index, sample) in result.samples.enumerated() {
            guard let timeline = sample.timeline else { continue }
            let pid = index + 1
            let title =
                "\(sample.cell.experimentName) · \(sample.cell.modelName) · repetition \(sample.repetition) · \(Format.duration(sample.wallSeconds))"
            events.append(Event(name: "process_name", ph: "M", pid: pid, args: ["name": title]))
            events.append(Event(name: "process_sort_index", ph: "M", pid: pid, args: ["sort_index": String(pid)]))
            let laneKind = sample.cell.model == .processes || sample.cell.model == .spawn ? "worker process" : "thread"
            for lane in Set(timeline.map(\.lane)).sorted() {
                events.append(
                    Event(name: "thread_name", ph: "M", pid: pid, tid: lane, args: ["name": "\(laneKind) \(lane + 1)"]))
            }
            for span in timeline {
                events.append(
                    Event(
                        name: "task \(span.task)", cat: sample.cell.model.rawValue, ph: "X",
                        ts: (span.startSeconds * 1e6).rounded(), dur: (span.durationSeconds * 1e6).rounded(),
                        pid: pid, tid: span.lane,
                        args: ["task": String(span.task), "duration": Format.duration(span.durationSeconds)]))
            }
        }
        return Document(traceEvents: events, displayTimeUnit: "ms")
    }

    public func format(_ report: Report) -> String {
        let result = report.result
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain Codable values with finite numbers cannot fail.
        return String(decoding: try! encoder.encode(document(result)), as: UTF8.self) + "\n"
    }
}
