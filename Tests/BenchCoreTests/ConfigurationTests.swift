import Testing

@testable import BenchCore

@Suite struct ConfigurationTests {
    func validated(_ change: (inout RunConfiguration) -> Void) throws -> RunConfiguration {
        var configuration = RunConfiguration(workloads: ["cpu"], workers: 2, coresAvailable: 2)
        change(&configuration)
        try configuration.validate()
        return configuration
    }

    func usageMessage(_ change: (inout RunConfiguration) -> Void) -> String? {
        do {
            _ = try validated(change)
            return nil
        } catch let error as BenchError {
            #expect(error.exitStatus == .usage)
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func defaultsAreValidAndKeepFourTasksPerWorker() throws {
        let configuration = try validated { _ in }
        #expect(configuration.tasks == 8)
        #expect(configuration.models == ModelKind.defaults)
    }

    @Test func unknownWorkloadListsTheValidOnes() throws {
        let message = try #require(usageMessage { $0.workloads = ["nope"] })
        #expect(message.contains("'nope'") && message.contains("cpu") && message.contains("io"))
    }

    @Test func zeroWorkersIsRejected() throws {
        let message = try #require(usageMessage { $0.workers = 0 })
        #expect(message.contains("--cores 0"))
    }

    @Test func absurdNumbersAreRejected() {
        #expect(usageMessage { $0.tasks = -1 } != nil)
        #expect(usageMessage { $0.tasks = 10_000_000 } != nil)
        #expect(usageMessage { $0.repetitions = 0 } != nil)
        #expect(usageMessage { $0.warmup = -1 } != nil)
        #expect(usageMessage { $0.workers = 2_000_000 } != nil)
        #expect(usageMessage { $0.taskMilliseconds = .nan } != nil)
        #expect(usageMessage { $0.taskMilliseconds = 3_600_000 } != nil)
    }

    @Test func taskTooShortToMeasureIsRejectedWithTheMinimum() throws {
        let message = try #require(usageMessage { $0.taskMilliseconds = 0.05 })
        #expect(message.contains("at least 1 ms"))
    }

    @Test func oversubscriptionIsAllowedAndNoted() throws {
        let configuration = try validated { $0.workers = 16 }
        #expect(configuration.isOversubscribed)
    }

    @Test func ioFractionOutsideZeroToOneIsRejectedNamingTheFlag() throws {
        let message = try #require(usageMessage { $0.ioFraction = -0.1 })
        #expect(message.contains("--io-fraction"))
        #expect(usageMessage { $0.ioFraction = 1.5 } != nil)
        #expect(usageMessage { $0.ioFraction = 1 } == nil)
    }
}
