import SQLite

/// Runs: each aikb command that writes is one run, recorded in `runs`, so that the
/// history says which run made each change and `aikb undo RUN` can revert one.
///
/// A run is opened inside its command's transaction and closed just before the
/// commit: other connections only ever see it closed, and a command that fails or is
/// killed leaves no run behind (its transaction, run row included, rolls back).
public enum Runs {
    /// Opens a run in the current transaction; until `close`, the history triggers
    /// record changes under it. Returns its id.
    public static func open(_ db: Database, command: String, detail: String? = nil) throws -> Int64 {
        precondition(db.isInTransaction, "a run is opened inside its command's transaction")
        try db.execute(
            "INSERT INTO runs (command, detail) VALUES (:command, :detail)",
            binding: ["command": .text(command), "detail": detail.map { .text(String($0.prefix(Self.detailLength))) } ?? .null])
        return db.lastInsertRowID
    }

    /// Closes the run: its changes are complete, and what is derived from the knowledge
    /// tables (the search index, see SearchIndex; the loop index, see MoneyWeb) is
    /// brought up to date in the same transaction, whichever command wrote (import,
    /// sql --write, undo, migrate).
    public static func close(_ db: Database, _ run: Int64) throws {
        try SearchIndex.update(db)
        if try db.objectExists("money_loop_index_state", kinds: [.table]) { try MoneyWeb.refresh(db) }
        try db.execute(
            "UPDATE runs SET is_open = 0, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = :id",
            binding: ["id": .integer(run)])
    }

    /// Runs `body` in a run of its own, inside the current transaction.
    public static func within<R>(_ db: Database, command: String, detail: String? = nil, _ body: (Int64) throws -> R) throws -> R {
        let run = try open(db, command: command, detail: detail)
        let result = try body(run)
        try close(db, run)
        return result
    }

    /// True when the knowledge base records runs (migration 0006 and later).
    public static func areRecorded(in db: Database) throws -> Bool {
        try db.objectExists("runs", kinds: [.table])
    }

    /// What `detail` keeps: enough to recognise a command, not a whole script.
    static let detailLength = 500
}
