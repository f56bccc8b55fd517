import SQLite

/// The report indexes (migration 0013): tables that hold the rows of a report whose
/// view takes seconds at scale, filled from the view that computes them.
/// `report_indexes` names each pair, the knowledge tables the view reads, and their
/// signature when it was filled; MoneyWeb.refresh calls `refresh` at every write's
/// close, which fills again only the indexes whose tables changed.
public enum ReportIndexes {
    /// A row of report_indexes.
    public struct Index: Sendable {
        public let table: String
        public let report: String
        /// The view its rows are computed by (NAME_computed).
        public let view: String
        let reads: [String]
        let signature: String?
        let historyID: Int64
    }

    /// Every report index, in the order the refresh fills them; none before migration 0013.
    public static func all(_ db: Database) throws -> [Index] {
        guard try db.objectExists("report_indexes", kinds: [.table]) else { return [] }
        var indexes: [Index] = []
        try db.prepare("SELECT index_table, report, computed_from, reads, signature, history_id FROM report_indexes ORDER BY rowid")
            .forEachRow {
                indexes.append(Index(
                    table: $0.string(at: 0), report: $0.string(at: 1), view: $0.string(at: 2),
                    reads: $0.string(at: 3).split(separator: " ").map(String.init),
                    signature: $0.optionalString(at: 4), historyID: $0.int64(at: 5)))
            }
        return indexes
    }

    /// Fills again, in the caller's transaction, each index whose tables changed since
    /// it was filled (every one with `force`); returns their names.
    static func refresh(_ db: Database, force: Bool = false, readings: SourceSignature.Readings = SourceSignature.Readings()) throws
        -> [String]
    {
        var filled: [String] = []
        for index in try all(db) {
            let now = try SourceSignature.read(of: index.reads, in: db, readings: readings)
            let unchanged = try !force && now.isUnchanged(since: index.signature, historyID: index.historyID, in: db)
            if !unchanged {
                do {
                    // By name, not by position: a view whose columns differ from the table's fails here.
                    let columns = try db.columns(of: index.table).map { SQL.identifier($0.name) }.joined(separator: ", ")
                    try db.execute("DELETE FROM \(SQL.identifier(index.table))")
                    try db.execute(
                        "INSERT INTO \(SQL.identifier(index.table)) (\(columns)) SELECT \(columns) FROM \(SQL.identifier(index.view))")
                } catch let error as SQLiteError {
                    throw SQLiteError(code: error.code, message: "cannot fill the report index \(index.table) from \(index.view): \(error.message)")
                }
                filled.append(index.table)
            }
            // Recorded also when nothing mattered (notes, a new company): what was read
            // then is not read again at the next close.
            if !unchanged || index.historyID != now.historyID || index.signature != now.text {
                try db.execute(
                    "UPDATE report_indexes SET signature = :signature, history_id = :history WHERE index_table = :table",
                    binding: ["signature": .text(now.text), "history": .integer(now.historyID), "table": .text(index.table)])
            }
        }
        return filled
    }

    /// The index a report is kept in (report_indexes.report), with the view that
    /// computes its rows; nil for a report read straight from its view.
    public static func index(of report: String, in db: Database) throws -> (table: String, view: String)? {
        try all(db).first { $0.report == report }.map { ($0.table, $0.view) }
    }

    /// The index table a report reads: its own, or for circular_financing, the built-in
    /// report that sums circular_financing_flows, that one's.
    public static func indexTable(readBy report: String, in db: Database) throws -> String? {
        try index(of: report == "circular_financing" ? "circular_financing_flows" : report, in: db)?.table
    }

    /// True when the index matches the tables it is made of as far as a reader can tell
    /// cheaply (highest ids and history; see MoneyWeb.isCurrent).
    public static func isCurrent(_ table: String, in db: Database) throws -> Bool {
        guard let index = try all(db).first(where: { $0.table == table }) else { return false }
        return try SourceSignature.read(of: index.reads, in: db, counting: false)
            .isCurrent(since: index.signature, historyID: index.historyID, in: db)
    }
}
