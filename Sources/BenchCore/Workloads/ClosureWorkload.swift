import Dispatch
import Foundation

/// A workload of the user's own code (``UserTask``): for Swift, the registered closure; a task
/// that throws is a failed sample with the error's words. A Python function never runs here (its
/// samples are CPython's), so a task of one fails saying so.
public struct ClosureWorkload: Workload {
    public let spec: WorkloadSpec
    /// The task.
    public let task: UserTask
    private let workload: UserWorkload?

    /// The workload of `spec`, whose shape is `.user(task)`.
    init(_ spec: WorkloadSpec, task: UserTask) {
        self.spec = spec
        self.task = task
        workload = task.language == .swift ? UserWorkloads.named(task.reference) : nil
    }

    public var name: String { spec.name }
    public var kind: WorkloadKind { .user }
    public var taskSeconds: Double { 0 }

    public var taskDescription: String {
        switch task.language {
        case .python:
            let how =
                task.isAsync
                ? "coroutine function \(task.qualifiedName)\(argumentsText): awaited on the event loop with every worker's call in flight, run with asyncio.run per call under serial, threads and processes"
                : "function \(task.qualifiedName)\(argumentsText); on the event loop it is called on the loop's thread, as calling blocking code from asyncio does"
            let setup = task.setup.map {
                "; its setup \(Self.shortName($0)) runs once per worker outside the clock (under spawn, once per task's process, inside its time)"
            }
            return "one call of the Python \(how)\(setup ?? "")"
        case .swift:
            let summary = workload.map { $0.summary.isEmpty ? "" : ": \($0.summary)" } ?? ""
            return "one call of the \(task.isAsync ? "async " : "")Swift closure \(task.reference)\(summary)"
        }
    }

    /// `tasks:start_server` for an absolute `/path/tasks.py:start_server`.
    static func shortName(_ reference: String) -> String {
        guard let colon = reference.lastIndex(of: ":") else { return reference }
        let module = String(reference[..<colon])
        let stem = ((module as NSString).lastPathComponent as NSString).deletingPathExtension
        return (module.hasSuffix(".py") ? stem : module) + reference[colon...]
    }

    private var argumentsText: String {
        switch task.arguments {
        case .index: " with the task's index"
        case .same: " with the same arguments every call"
        case .each(_, let count): " with item (index mod \(count)) of a \(count)-item argument list"
        }
    }

    public func runBlocking(task index: Int) -> UInt64 {
        guard let workload else { return missing(index) }
        do {
            switch workload.body {
            case .blocking(let body): return try body(index)
            case .async(let body): return try Self.wait(for: { try await body(index) })
            }
        } catch {
            TaskFailures.record(task: index, "threw \(type(of: error)): \(error)")
            return 0
        }
    }

    public func runAsync(task index: Int) async -> UInt64 {
        guard let workload else { return missing(index) }
        do {
            switch workload.body {
            case .blocking(let body): return try body(index)
            case .async(let body): return try await body(index)
            }
        } catch {
            TaskFailures.record(task: index, "threw \(type(of: error)): \(error)")
            return 0
        }
    }

    private func missing(_ index: Int) -> UInt64 {
        TaskFailures.record(
            task: index,
            task.language == .python
                ? "is a Python function, which only CPython runs"
                : "names the Swift workload '\(task.reference)', which this executable does not register")
        return 0
    }

    /// Runs an async body to completion from a thread that is not the cooperative pool's (serial,
    /// threads, processes): what a user's blocking code calling async code writes.
    private static func wait(for body: @escaping @Sendable () async throws -> UInt64) throws -> UInt64 {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Task.detached {
            do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    private final class ResultBox: @unchecked Sendable {
        private var result: Result<UInt64, any Error> = .success(0)
        func set(_ value: Result<UInt64, any Error>) { result = value }
        func get() throws -> UInt64 { try result.get() }
    }
}
