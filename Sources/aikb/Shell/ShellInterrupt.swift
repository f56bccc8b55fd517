import LineEditor
import SQLite

/// Ctrl-C stops the running statement (sqlite3_interrupt, which SQLite allows from a
/// signal handler) instead of killing the shell; at the prompt it drops the line.
enum ShellInterrupt {
    nonisolated(unsafe) static var connection: OpaquePointer?

    static func install(_ db: Database) {
        connection = db.handle
        Interrupts.install {
            if let connection = ShellInterrupt.connection { Database.interrupt(connection) }
        }
    }

    static func remove() {
        Interrupts.remove()
        connection = nil
    }
}
