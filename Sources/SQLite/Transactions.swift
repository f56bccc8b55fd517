import CSQLite

/// How a transaction takes its locks (SQLite's BEGIN DEFERRED / IMMEDIATE / EXCLUSIVE).
public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    /// Takes the write lock at BEGIN, so a busy database fails (or waits) before any
    /// work is done rather than at the first write. The default for writers.
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

extension Database {
    /// True while a transaction is open (`sqlite3_get_autocommit` is 0).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it
    /// (or the commit) throws. Opening one inside another is an error; nest with
    /// `savepoint(_:_:)`.
    public func transaction<R>(_ kind: TransactionKind = .immediate, _ body: () throws -> R) throws -> R {
        guard !isInTransaction else {
            throw SQLiteError(
                extendedCode: SQLITE_MISUSE,
                message: "a transaction is already open; nest with a savepoint")
        }
        try execute("BEGIN \(kind.rawValue)")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR, ...).
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` inside a savepoint: released when it returns, rolled back to
    /// (undoing only its own changes) when it throws. Works at any depth; outside
    /// a transaction it opens one.
    public func savepoint<R>(_ name: String = "savepoint", _ body: () throws -> R) throws -> R {
        let quoted = SQL.identifier(name)
        try execute("SAVEPOINT \(quoted)")
        do {
            let result = try body()
            try execute("RELEASE \(quoted)")
            return result
        } catch {
            if isInTransaction {
                try? execute("ROLLBACK TO \(quoted)")
                try? execute("RELEASE \(quoted)")
            }
            throw error
        }
    }
}
