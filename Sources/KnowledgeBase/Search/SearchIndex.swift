import SQLite

/// The FTS5 index behind `aikb find` (`search_index`), kept by aikb rather than by
/// triggers.
///
/// aikb opens every file with `trusted_schema = OFF`, under which a trigger may not
/// write an FTS5 table (SQLite 3.40 does not mark FTS5 innocuous). So the triggers of
/// migration 0011 only note the documents a change touches in `search_pending`, and
/// `update` (called by Runs.close, inside the run's transaction) re-indexes them
/// set-based: three statements, whatever the run changed.
public enum SearchIndex {
    /// Re-indexes the noted documents and clears the notes, in the caller's transaction;
    /// returns how many documents were noted.
    @discardableResult
    public static func update(_ db: Database) throws -> Int64 {
        guard try hasPending(db) else { return 0 }
        try db.execute(
            """
            DELETE FROM search_index WHERE rowid IN (SELECT doc FROM search_pending);
            INSERT INTO search_index (rowid, name, aliases, notes) SELECT doc, name, aliases, notes FROM search_pending_documents;
            DELETE FROM search_pending;
            """)
        return Int64(db.changes)  // the last statement's: the notes cleared
    }

    /// Documents noted but not indexed, counted up to `cap + 1`: a reader warns when
    /// many are, since it then reads them from the tables at every search.
    public static func pendingCount(_ db: Database, cap: Int64) throws -> Int64 {
        guard try hasPending(db) else { return 0 }
        return try db.count(of: "SELECT 1 FROM search_pending", upTo: cap)
    }

    /// Unindexed documents above which `aikb find` says that a refresh would speed it up.
    public static let slowPending: Int64 = 10_000

    /// The noted documents as they stand (what the next `update` will index), for
    /// readers of a file another client wrote since aikb last indexed it.
    public static let pendingDocumentsSQL = "SELECT doc, name, aliases, notes FROM search_pending_documents"

    /// True when some documents are noted but not yet indexed (another client wrote).
    public static func hasPending(_ db: Database) throws -> Bool {
        guard try db.objectExists("search_pending", kinds: [.table]) else { return false }
        return try db.prepare("SELECT 1 FROM search_pending LIMIT 1").firstRow { _ in true } == true
    }
}
