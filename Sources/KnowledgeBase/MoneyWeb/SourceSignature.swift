import SQLite

/// What the knowledge tables a derived table is computed from (the loop index, each
/// report index) looked like, read cheaply enough for every write's close: each
/// table's highest rowid, the row count of a table without one (round_investors), the
/// newest history row, and the newest run that may have put a row back under the
/// highest rowid (an undo, `sql --write`). An insert moves the first two; an update or a
/// delete shows in history (its triggers record every one, by aikb or not; a row
/// deleted by the run that created it was never there before). What none of these
/// sees, a row inserted by another client under the highest rowid, `aikb report
/// refresh --force` catches up with.
struct SourceSignature: Equatable {
    /// `table=highest rowid, ...|table=row count, ...`, in the order the tables were given.
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
        // Undo restores deleted rows by their old rowids; sql --write may insert any.
        var highest: [String] = []
        if case .integer(let run)? = try db.firstValue("SELECT max(id) FROM runs WHERE command IN ('undo', 'sql --write')") {
            highest.append("runs=\(run)")
        }
        var counted: [String] = []
        for table in tables {
            let quoted = SQL.identifier(table)
            if rowless.contains(table) {
                guard counting else { continue }
                if counts.rows[table] == nil, case .integer(let count)? = try db.firstValue("SELECT count(*) FROM \(quoted)") {
                    counts.rows[table] = count
                }
                counted.append("\(table)=\(counts.rows[table] ?? 0)")
            } else {
                let value = try db.firstValue("SELECT max(rowid) FROM \(quoted)")
                if case .integer(let id)? = value { highest.append("\(table)=\(id)") } else { highest.append("\(table)=-") }
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

    /// An update or delete of one of `tables` since history row `id`.
    static func changed(since id: Int64, in tables: [String], _ db: Database) throws -> Bool {
        let list = tables.map { SQL.literal($0) }.joined(separator: ", ")
        return try db.firstValue(
            "SELECT EXISTS (SELECT 1 FROM history WHERE id > :id AND table_name IN (\(list)))",
            binding: ["id": .integer(id)]) == .integer(1)
    }
}
