#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C while a program waits for a line or runs something for it.
///
/// The handler is installed with `sigaction` and without `SA_RESTART`, so a `read`
/// waiting for a key fails with EINTR and the reader can drop the line. While a
/// statement runs, `onInterrupt` (for example `sqlite3_interrupt`, which SQLite allows
/// from a signal handler) stops it instead of killing the program.
public enum Interrupts {
    nonisolated(unsafe) private static var pending: sig_atomic_t = 0
    nonisolated(unsafe) private static var action: (@convention(c) () -> Void)?

    /// Installs the handler. `onInterrupt` must be async-signal-safe; it cannot capture.
    public static func install(onInterrupt: (@convention(c) () -> Void)? = nil) {
        action = onInterrupt
        var handler = sigaction()
        handler.__sigaction_handler.sa_handler = { _ in
            Interrupts.pending = 1
            Interrupts.action?()
        }
        sigemptyset(&handler.sa_mask)
        handler.sa_flags = 0
        sigaction(SIGINT, &handler, nil)
        // A parent may have started us with SIGINT blocked (the mask is inherited);
        // a shell that cannot be interrupted would be worse than none.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Restores the default: Ctrl-C ends the program.
    public static func remove() {
        signal(SIGINT, SIG_DFL)
        action = nil
    }

    /// True once after each Ctrl-C; clears the flag.
    public static func take() -> Bool {
        guard pending != 0 else { return false }
        pending = 0
        return true
    }
}
