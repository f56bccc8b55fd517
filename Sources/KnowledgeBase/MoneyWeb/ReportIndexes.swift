import SQLite

/// The report indexes (migration 0013): tables that hold the rows of a report whose
/// view takes seconds at scale, filled from the view that computes them
/// (`report_indexes` names each pair). MoneyWeb.refresh fills them with the loop
/// index, under the same state: they are recomputed exactly when the loops are.
public enum ReportIndexes {
    /// Refills every index table from its view, in the caller's transaction.
    static func recompute(_ db: Database) throws {
        guard try db.objectExists("report_indexes", kinds: [.table]) else { return }
        var pairs: [(table: String, view: String)] = []
        try db.prepare("SELECT index_table, computed_from FROM report_indexes ORDER BY rowid").forEachRow {
            pairs.append((table: $0.string(at: 0), view: $0.string(at: 1)))
        }
        for (table, view) in pairs {
            do {
                try db.execute("DELETE FROM \(SQL.identifier(table))")
                try db.execute("INSERT INTO \(SQL.identifier(table)) SELECT * FROM \(SQL.identifier(view))")
            } catch let error as SQLiteError {
                throw SQLiteError(code: error.code, message: "cannot fill the report index \(table) from \(view): \(error.message)")
            }
        }
    }

    /// The reports that read an index table: each report named by an index table
    /// (NAME_index), and circular_financing, the built-in report that reads one of those.
    public static let readers: Set<String> = [
        "circular_financing_flows", "circular_financing", "investor_activity", "concentration",
    ]
}
