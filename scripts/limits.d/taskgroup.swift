// The raw primitive behind bench's async model: a TaskGroup of N tasks, each awaiting
// Task.sleep. Prints wall seconds, CPU seconds and peak RSS bytes, one line, for scripts/limits.
// Usage: taskgroup N MILLISECONDS [IN_FLIGHT]   (MILLISECONDS 0: tasks that do nothing; IN_FLIGHT:
// at most that many at once, each finished task making room for the next; default N)
import Foundation

let n = Int(CommandLine.arguments[1])!
let ms = UInt64(CommandLine.arguments[2])!
let window = CommandLine.arguments.count > 3 ? Int(CommandLine.arguments[3])! : n
@inline(never) func task() async {
    if ms > 0 { try? await Task.sleep(nanoseconds: ms * 1_000_000) }
}
func cpuSeconds() -> (Double, Int) {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let t = Double(usage.ru_utime.tv_sec) + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return (t, Int(usage.ru_maxrss) * 1024)
}
let done = DispatchSemaphore(value: 0)
let start = DispatchTime.now().uptimeNanoseconds
let cpu0 = cpuSeconds().0
Task.detached {
    await withTaskGroup(of: Void.self) { group in
        var next = 0
        while next < min(window, n) {
            group.addTask { await task() }
            next += 1
        }
        while await group.next() != nil {
            guard next < n else { continue }
            group.addTask { await task() }
            next += 1
        }
    }
    done.signal()
}
done.wait()
let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let (cpu1, rss) = cpuSeconds()
print(wall, cpu1 - cpu0, rss)
