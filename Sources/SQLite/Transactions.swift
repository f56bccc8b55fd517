import CSQLite

/// How a transaction takes its locks (SQLite's BEGIN DEFERRED / IMMEDIATE / EXCLUSIVE).
public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    /// Takes the write lock at BEGIN, so a busy database fails (or waits) before any
    /// work is done rather than at the first write. The default for writers.
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

/// How a transaction body ends when it does not throw.
public enum TransactionCompletion: Sendable {
    case commit
    /// Undo everything, without an error: a dry run, or a run that found problems
    /// it reports as values.
    case rollback
}

extension Database {
    /// True while a transaction is open (`sqlite3_get_autocommit` is 0).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The one way aikb opens a transaction: `body` decides whether it commits or
    /// rolls back; a throw (from `body` or the commit) rolls back and rethrows.
    /// Opening one inside another is an error; nest with `savepoint(_:_:)`.
    public func inTransaction(_ kind: TransactionKind = .immediate, _ body: () throws -> TransactionCompletion) throws {
        guard !isInTransaction else {
            throw SQLiteError(code: .SQLITE_MISUSE, message: "a transaction is already open; nest with a savepoint")
        }
        try execute("BEGIN \(kind.rawValue)")
        do {
            switch try body() {
            case .commit: try execute("COMMIT")
            case .rollback: try execute("ROLLBACK")
            }
        } catch {
            try rollBack(after: error)
            throw error
        }
    }

    /// A transaction that commits when `body` returns and hands back its result.
    public func transaction<R>(_ kind: TransactionKind = .immediate, _ body: () throws -> R) throws -> R {
        var result: R?
        try inTransaction(kind) {
            result = try body()
            return .commit
        }
        return result!
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
                do {
                    try execute("ROLLBACK TO \(quoted)")
                    try execute("RELEASE \(quoted)")
                } catch let failure as SQLiteError {
                    throw failure.with(message: "\(failure.message) (undoing savepoint \(name) after: \(error))")
                }
            }
            throw error
        }
    }

    /// Rolls back after `error`. SQLite may already have rolled back by itself
    /// (SQLITE_FULL, SQLITE_IOERR, ...); a rollback that fails leaves the connection
    /// in a transaction, which is reported rather than hidden.
    private func rollBack(after error: any Error) throws {
        guard isInTransaction else { return }
        do {
            try execute("ROLLBACK")
        } catch let failure as SQLiteError {
            throw failure.with(message: "\(failure.message) (rolling back after: \(error))")
        }
    }

    /// Runs `body` with a PRAGMA set to `value`, then sets it back to the value it
    /// had, also when `body` throws. A restore that fails is an error, never ignored:
    /// a connection left with `foreign_keys = OFF` would quietly stop checking.
    public func withPragma<R>(_ name: String, _ value: String, _ body: () throws -> R) throws -> R {
        let quoted = SQL.identifier(name)
        guard let previous = try firstValue("PRAGMA \(quoted)") else {
            throw SQLiteError(code: .SQLITE_MISUSE, message: "PRAGMA \(name) has no value to restore")
        }
        try execute("PRAGMA \(quoted) = \(value)")
        let result: R
        do {
            result = try body()
        } catch {
            try restore(quoted, to: previous, after: error)
            throw error
        }
        try restore(quoted, to: previous, after: nil)
        return result
    }

    private func restore(_ quoted: String, to previous: Value, after error: (any Error)?) throws {
        let literal: String =
            switch previous {
            case .integer(let integer): String(integer)
            case .real(let real): String(real)
            case .text(let text): SQL.literal(text)
            case .null, .blob: "NULL"
            }
        do {
            try execute("PRAGMA \(quoted) = \(literal)")
            guard try firstValue("PRAGMA \(quoted)") == previous else {
                throw SQLiteError(code: .SQLITE_MISUSE, message: "PRAGMA \(quoted) did not go back to \(literal)")
            }
        } catch let failure as SQLiteError {
            let context = error.map { " (after: \($0))" } ?? ""
            throw failure.with(message: "could not restore PRAGMA \(quoted) to \(literal): \(failure.message)\(context)")
        }
    }
}
