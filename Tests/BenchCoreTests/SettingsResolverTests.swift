import Synchronization
import Testing

@testable import BenchCore

/// Settings are resolved once, by one function: precedence, lists, defaults, refusals, probes.
@Suite struct SettingsResolverTests {
    static let machine = MachineFacts(coresAvailable: 2, usableCPUs: 2)

    static func resolve(
        _ command: SettingsResolver.Command, file: WorkloadFile? = nil,
        _ change: (inout SettingsInput) -> Void = { _ in }
    )
        throws -> Settings
    {
        var flags = SettingsInput()
        change(&flags)
        return try SettingsResolver(command, flags: flags, file: file, machine: machine).resolve()
    }

    /// The refusal `change` leads to under `command`, or nil when it is accepted.
    static func refusal(_ command: SettingsResolver.Command, _ change: (inout SettingsInput) -> Void) -> String? {
        do {
            _ = try resolve(command, change)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aRunWithNoFlagsTakesEveryDefaultFromItsOneHome() throws {
        let configuration = try Self.resolve(.run).configuration
        #expect(configuration.workloads == ["cpu", "io"])
        #expect(configuration.models == ModelKind.defaults)
        #expect(configuration.workers == 2, "the CPUs this process may run on")
        #expect(configuration.tasks == SettingsDefaults.tasksPerWorker * 2)
        #expect(configuration.taskMilliseconds == 50)
        #expect(configuration.autoRepetitions == AutoRepetitions())
        #expect(configuration.runtimes == [.swift])
        #expect(configuration.usableCPUs == 2)
    }

    @Test func aFlagWinsOverTheFileAndTheFileOverTheDefault() throws {
        let file = try WorkloadFile.parse("kind: cpu\ntasks: 12\ntask_ms: 7\ncores: 3\n", path: "w.yaml")
        let configuration = try Self.resolve(.run, file: file) { $0.taskMilliseconds = 9 }.configuration
        #expect(configuration.workloads == ["w"])
        #expect(configuration.taskMilliseconds == 9, "the flag")
        #expect(configuration.tasks == 12, "the file")
        #expect(configuration.workers == 3, "the file")
        #expect(configuration.warmup == 1, "the default")
    }

    @Test func aFileThatFixesRepetitionsRefusesTheAutoOptionsNamingTheFile() throws {
        let file = try WorkloadFile.parse("kind: cpu\nrepetitions: 4\n", path: "w.yaml")
        #expect(try Self.resolve(.run, file: file).configuration.repetitions == 4)
        #expect {
            try Self.resolve(.run, file: file) { $0.targetCIPercent = 1 }
        } throws: { "\($0)".contains("the workload file repeats each cell 4 times") }
    }

    @Test func everyListIsASetInItsFirstOrder() throws {
        let run = try Self.resolve(.run) {
            $0.models = "threads,serial,threads"
            $0.allocators = "system,system"
            $0.runtimes = "swift,swift"
        }.configuration
        #expect(run.models == [.serial, .threads])
        #expect(run.allocators == [.system])
        #expect(run.runtimes == [.swift])
        let sweep = try Self.resolve(.sweep) {
            $0.cores = "2,2,1"
            $0.ioFractions = "0.5,0.5"
        }
        #expect(sweep.sweep?.workers == [1, 2])
        #expect(sweep.sweep?.ioFractions == [0.5])
    }

    @Test func aSweepTakesItsOwnDefaultsAndChecksEveryPoint() throws {
        let settings = try Self.resolve(.sweep)
        #expect(settings.sweep == SweepConfiguration(workers: [1, 2, 4, 8], ioFractions: [0, 0.5, 0.9, 1]))
        #expect(settings.configuration.workers == 8)
        #expect(settings.configuration.tasks == 32)
        #expect(settings.configuration.taskMilliseconds == 20)
        #expect(settings.configuration.models == [.serial, .threads, .async, .eventLoop, .processes])
        #expect(!settings.searchesCrossover)
        #expect(Self.refusal(.sweep) { $0.ioFractions = "0,1.5" }?.contains("--io-fraction 1.5 is outside 0…1") == true)
        #expect(Self.refusal(.sweep) { $0.cores = "1,0" }?.contains("--cores 0 is out of range") == true)
    }

    @Test func eachInterpreterIsProbedOnceForAWholeSweep() throws {
        let probes = Mutex(0)
        var flags = SettingsInput()
        flags.runtimes = "swift,python"
        flags.cores = "1,2,4,8,16"
        flags.ioFractions = "0,0.25,0.5,0.75,1"
        var resolver = SettingsResolver(.sweep, flags: flags, machine: Self.machine)
        resolver.locate = { runtime, given in
            probes.withLock { $0 += 1 }
            return runtime == .swift ? nil : InterpreterInfo(version: "3.11.7", executable: "/usr/bin/python3.11")
        }
        let settings = try resolver.resolve()
        #expect(probes.withLock { $0 } == 2, "one call per runtime")
        #expect(settings.interpreters[RuntimeInstance(.python, interpreter: "3.11.7")]?.version == "3.11.7")
        #expect(settings.configuration.interpreters[.python] == ["/usr/bin/python3.11"], "the real path, settled")
    }

    @Test func aBlankItemIsRefusedWhereAnEmptyOneIsSkipped() throws {
        #expect(try Self.resolve(.sweep) { $0.cores = "1,,2" }.sweep?.workers == [1, 2])
        #expect(Self.refusal(.sweep) { $0.cores = "1, ,2" }?.contains("--cores '' is not a number") == true)
        #expect(Self.refusal(.run) { $0.workloads = "cpu, " }?.contains("Unknown workload ''") == true)
    }

    @Test func anInterpreterForARuntimeThatDoesNotRunIsRefused() throws {
        #expect(
            Self.refusal(.run) { $0.interpreters[.python] = "python3" }?.contains(
                "--python python3 has no effect without --runtime python") == true)
    }
}
