// The raw primitive behind bench's async model: a TaskGroup of N tasks, each awaiting
// Task.sleep. Prints wall seconds, CPU seconds and peak RSS bytes, one line, for scripts/limits.
// Usage: taskgroup N MILLISECONDS [executor]   (executor: "pool" or "one-thread")
import Foundation

let n = Int(CommandLine.arguments[1])!
let ms = UInt64(CommandLine.arguments[2])!
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
        for _ in 0..<n { group.addTask { try? await Task.sleep(nanoseconds: ms * 1_000_000) } }
    }
    done.signal()
}
done.wait()
let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let (cpu1, rss) = cpuSeconds()
print(wall, cpu1 - cpu0, rss)
