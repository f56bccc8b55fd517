import SQLite

/// What the knowledge tables a derived table is computed from (the loop index, each
/// report index) looked like, read cheaply enough for every write's close: each
/// table's highest rowid and newest `created_run`, the row count of a table without a
/// rowid (round_investors), the newest history row, and the newest undo (which puts
/// deleted rows back under their old rowids and runs). An insert moves the first two
/// (one made in a run, `sql --write` too, moves `created_run` wherever its rowid is);
/// an update or a delete shows in history (its triggers record every one, by aikb or
/// not; a row deleted by the run that created it was never there before). What none
/// of these sees, a row inserted by another client under the highest rowid, `aikb
/// report refresh --force` catches up with.
///
/// Two kinds of change count for nothing, so that the writes people make most while
/// curating recompute nothing (each such write cost 8.5-12 s at the close of every
/// write to a knowledge base of a million companies):
/// - new companies: every derived table reaches a company through a fact that names
///   it (a round, a participation, a deal, a relationship, a claim), so a company no
///   fact names yet changes none of them, and a fact that names it moves its own
///   table's part. Companies count through history alone.
/// - updates of the columns people write about a row (`unread`: notes, descriptions,
///   labels), which no derived table reads.
struct SourceSignature: Equatable {
    /// Tables whose new rows alone cannot change a derived table (see above); their
    /// updates and deletes still count, through history.
    static let reachedOnlyThroughFacts: Set<String> = ["companies"]

    /// Columns no derived table reads: an update that changes only these is not a
    /// change. A test checks that no statement of a forced refresh reads one; a view
    /// that comes to read one must take it off this list.
    static let unread: [String: Set<String>] = [
        "companies": ["notes", "description", "homepage_url", "categories"],
        "funding_rounds": ["notes", "round_label"],
        "round_investors": ["notes"],
        "supply_deals": ["notes", "terms", "deal_label"],
        "relationships": ["note"],
        "claims": ["notes", "statement"],
    ]

    /// `table=highest rowid:newest created_run, ...|table=row count, ...`, in the order
    /// the tables were given.
    var text: String
    var historyID: Int64

    /// Row counts already read in this refresh: counting round_investors' 5M rows
    /// costs 50 ms, and the loop index and each report index need it.
    final class Counts {
        var rows: [String: Int64] = [:]
        var withoutRowid: Set<String>?
    }

    /// The signature of `tables`; without `counting`, only the rowid part (what a
    /// reader can afford: `isCurrent` compares that part alone).
    static func read(of tables: [String], in db: Database, counting: Bool = true, counts: Counts = Counts()) throws -> SourceSignature {
        if counts.withoutRowid == nil {
            counts.withoutRowid = Set(try db.strings("SELECT name FROM pragma_table_list WHERE schema = 'main' AND wr = 1"))
        }
        let rowless = counts.withoutRowid ?? []
        // Undo restores deleted rows by their old rowids and runs.
        var highest: [String] = []
        if case .integer(let run)? = try db.firstValue("SELECT max(id) FROM runs WHERE command = 'undo'") {
            highest.append("runs=\(run)")
        }
        var counted: [String] = []
        for table in tables where !reachedOnlyThroughFacts.contains(table) {
            let quoted = SQL.identifier(table)
            // Two statements: SQLite reads a max() from its index only when it is alone.
            let run = try db.firstValue("SELECT max(created_run) FROM \(quoted)").flatMap { value -> String? in
                if case .integer(let id) = value { String(id) } else { nil }
            } ?? "-"
            if rowless.contains(table) {
                highest.append("\(table)=:\(run)")
                guard counting else { continue }
                if counts.rows[table] == nil, case .integer(let count)? = try db.firstValue("SELECT count(*) FROM \(quoted)") {
                    counts.rows[table] = count
                }
                counted.append("\(table)=\(counts.rows[table] ?? 0)")
            } else {
                let value = try db.firstValue("SELECT max(rowid) FROM \(quoted)")
                let id = if case .integer(let id)? = value { String(id) } else { "-" }
                highest.append("\(table)=\(id):\(run)")
            }
        }
        var history: Int64 = 0
        if case .integer(let id)? = try db.firstValue("SELECT max(id) FROM history") { history = id }
        return SourceSignature(text: highest.joined(separator: ",") + "|" + counted.joined(separator: ","), historyID: history)
    }

    /// True when a stored signature's rowid part is this one's (an uncounted reading).
    func hasRowidPart(of stored: String) -> Bool {
        stored.hasPrefix(text)
    }

    /// An update or delete of one of `tables` since history row `id`, leaving out the
    /// updates that changed `unread` columns alone.
    static func changed(since id: Int64, in tables: [String], _ db: Database) throws -> Bool {
        let list = tables.map { SQL.literal($0) }.joined(separator: ", ")
        let skipped = tables.compactMap { table in
            unread[table].map { columns in
                " AND NOT (h.table_name = \(SQL.literal(table)) AND n.key IN ("
                    + columns.sorted().map { SQL.literal($0) }.joined(separator: ", ") + "))"
            }
        }.joined()
        return try db.firstValue(
            """
            SELECT EXISTS (SELECT 1 FROM history h WHERE h.id > :id AND h.table_name IN (\(list))
                AND (h.operation <> 'update' OR EXISTS (
                    SELECT 1 FROM json_each(h.new_values) n
                    WHERE n.value IS NOT json_extract(h.old_values, '$.' || n.key)\(skipped))))
            """,
            binding: ["id": .integer(id)]) == .integer(1)
    }
}
