/// The process's heap, for a long job with phases of different appetites.
public enum HeapMemory {
    /// Hands memory freed by one phase back to the system before the next allocates
    /// in other sizes. glibc keeps freed blocks for reuse, so memory a shrunk page
    /// cache gave back still counts as resident while a later phase's large arrays
    /// are mapped anew beside it: the peak is the two added up.
    public static func returnFreedToSystem() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (malloc.h, which Swift's Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
