#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How busy the machine's CPUs were, to tell apart a slow contender from a contender
/// measured while something else ran: on a small (virtual) machine another process on
/// the other CPU can slow this one by half, far more than the differences measured here.
struct CPUSnapshot {
    /// Busy time of all CPUs together (user, nice, system, irq, softirq, steal), seconds.
    let busy: Double
    /// This process's own CPU time (all threads, GRDB's queue included), seconds.
    let own: Double
    /// Monotonic clock, nanoseconds.
    let time: UInt64

    static func take() -> CPUSnapshot {
        var cpu = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
        let own = Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9
        return CPUSnapshot(busy: systemBusySeconds(), own: own, time: now())
    }

    /// The share of one CPU that other processes (and the hypervisor, as steal) used
    /// between `start` and `self`: 0 on a quiet machine, about 1 when another process
    /// kept a CPU busy all along.
    func othersLoad(since start: CPUSnapshot) -> Double {
        let wall = Double(time - start.time) / 1e9
        guard wall > 0 else { return 0 }
        return max(0, (busy - start.busy) - (own - start.own)) / wall
    }

    /// /proc/stat's first line, in seconds; 0 where there is no /proc (the check is off).
    private static func systemBusySeconds() -> Double {
        guard let file = fopen("/proc/stat", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 512)
        guard fgets(&line, Int32(line.count), file) != nil else { return 0 }
        let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // cpu user nice system idle iowait irq softirq steal guest guest_nice
        let fields = text.split(separator: " ").dropFirst().compactMap { UInt64($0.filter(\.isNumber)) }
        guard fields.count >= 8 else { return 0 }
        let ticks = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]
        return Double(ticks) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// Waits, up to `limit` seconds, for a half-second window in which other processes used
/// less than `threshold` of a CPU. Returns the seconds waited, or nil if it never came.
func waitForQuietMachine(threshold: Double, limit: Double) -> Double? {
    let start = now()
    while true {
        let before = CPUSnapshot.take()
        usleep(500_000)
        let load = CPUSnapshot.take().othersLoad(since: before)
        let waited = Double(now() - start) / 1e9
        if load < threshold { return waited }
        if waited >= limit { return nil }
    }
}
