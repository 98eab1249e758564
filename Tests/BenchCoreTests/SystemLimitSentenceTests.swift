import Glibc
import Testing

@testable import BenchCore

@Suite struct SystemLimitSentenceTests {
    @Test func aThreadLimitNamesEveryKnobThatCapsThreadsAndHowToRaiseIt() throws {
        let failure = SystemLimit.failure(
            SystemCallError(call: "pthread_create", errno: EAGAIN), starting: "thread", index: 9_871, of: 10_000)
        let reason = try #require(failure as? SampleFailure).reason
        #expect(SystemLimit.isLimit(reason))
        #expect(reason.contains("could not start thread 9871 of 10000: pthread_create failed with EAGAIN"))
        for knob in ["ulimit -u", "kernel.threads-max", "kernel.pid_max", "vm.max_map_count", "use fewer workers"] {
            #expect(reason.contains(knob), "names \(knob)")
        }
    }

    @Test func aDescriptorLimitSaysUlimitN() throws {
        let failure = SystemLimit.failure(
            SystemCallError(call: "pipe", errno: EMFILE), starting: "worker process", index: 20, of: 100)
        #expect(try #require(failure as? SampleFailure).reason.contains("ulimit -n"))
    }

    @Test func anErrorThatIsNoLimitPassesThroughUnchanged() {
        let error = SystemCallError(call: "posix_spawn", errno: ENOENT)
        #expect(SystemLimit.failure(error, starting: "worker process", index: 1, of: 2) as? SystemCallError == error)
    }

    @Test func workerProcessesThatWouldNotFitInMemoryAreRefusedBeforeAnyStarts() throws {
        let available = try #require(Sys.limits().availableMemoryBytes)
        let failure = try #require(SystemLimit.memoryFailure(processes: 1_000, bytesEach: available / 100))
        #expect(failure.reason.contains("more than the"))
        #expect(SystemLimit.memoryFailure(processes: 2, bytesEach: 1 << 20) == nil)
    }
}
