#if canImport(Glibc)
import Glibc
#endif

/// Time that only moves forward (CLOCK_MONOTONIC): for durations and deadlines,
/// never for dates.
public enum MonotonicClock {
    @inlinable
    public static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    public static func milliseconds() -> Int { Int(nanoseconds() / 1_000_000) }
}
