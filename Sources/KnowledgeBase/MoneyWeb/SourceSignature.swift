import SQLite
import Support

/// What the knowledge tables a derived table is computed from (the loop index, each
/// report index) looked like, read cheaply enough for every write's close: each
/// table's highest rowid and newest `created_run`, the row count of a table without a
/// rowid (round_investors), a digest of the vocabularies and the newest history row.
/// An insert moves the first two (one made in a run moves `created_run` wherever its
/// rowid is); an update or a delete shows in history (its triggers record every one,
/// by aikb or not; a row deleted by the run that created it was never there before).
/// What aikb writes that none of these sees recomputes what it may change
/// (`MoneyWeb.recomputeAtClose`): an `sql --write` that inserts rows itself or
/// REPLACEs, an undo that puts deleted rows back under their old rowids and runs.
/// What another client writes unseen, a row inserted under the highest rowid or
/// REPLACEd, `aikb report refresh --force` catches up with.
///
/// Three kinds of change count for nothing, so that the writes people make most while
/// curating recompute nothing (each such write cost 8.5-12 s at the close of every
/// write to a knowledge base of a million companies, and still 4.2 s in 0017 for the
/// undo of an import of one company):
/// - new companies: every derived table reaches a company through a fact that names
///   it (a round, a participation, a deal, a relationship, a claim) or a unit naming
///   it as parent, so a company nothing names yet changes none of them, and a fact
///   that names it moves its own table's part. Companies' highest rowid is kept apart:
///   when it rose, one probe per reference column (`companyReferences`) finds
///   whether anything already named an id above the old one (a client with foreign
///   keys off may write the fact first).
/// - deleted companies that nothing names: by the same reasoning, one probe per
///   reference column for each (with foreign keys on, aikb's way, a named company
///   cannot be deleted; a fact deleted with it shows in its own table's history).
/// - updates of the columns people write about a row (`unread`: notes, descriptions,
///   labels), which no derived table reads.
struct SourceSignature: Equatable {
    /// Tables whose new rows alone cannot change a derived table (see above); their
    /// updates and deletes still count, through history.
    static let reachedOnlyThroughFacts: Set<String> = ["companies"]

    /// Every column that names a company, each the first of an index (so a probe
    /// above an id is one seek).
    static let companyReferences: [(table: String, column: String)] = [
        ("supply_deals", "supplier_id"), ("supply_deals", "customer_id"), ("relationships", "from_id"),
        ("relationships", "to_id"), ("funding_rounds", "company_id"), ("round_investors", "investor_id"),
        ("claims", "subject_id"), ("claims", "counterparty_id"), ("companies", "parent_id"),
    ]

    /// Vocabularies the derived tables read that history does not track (who pays in
    /// each kind of deal or relationship, each flow's category): a few dozen rows,
    /// whose content's digest is part of every signature.
    static let vocabularies = ["deal_kinds", "relationship_kinds", "money_flow_kinds"]

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

    /// `vocabularies=digest,table=highest rowid:newest created_run,
    /// ...|table=row count, ...|companies=highest rowid`, in the order the tables were
    /// given (the companies part only when they are among them).
    var text: String
    var historyID: Int64
    /// The tables it was read of.
    let tables: [String]

    /// What one refresh has read already, for the loop index and each report index
    /// read the same tables: each table's part, the row counts (counting round_investors'
    /// 5M rows costs 50 ms), the newest history row, the vocabularies' digest.
    final class Readings {
        var parts: [String: String] = [:]
        var rows: [String: Int64] = [:]
        var vocabularies: String?
        var companies: Int64?
        var history: Int64?
    }

    /// The signature of `tables`; without `counting`, only the rowid part (what a
    /// reader can afford: `isCurrent` compares that part alone).
    static func read(of tables: [String], in db: Database, counting: Bool = true, readings: Readings = Readings()) throws
        -> SourceSignature
    {
        let rowless = Set(tables.filter { !db.hasRowid($0) })
        if readings.vocabularies == nil {
            readings.vocabularies = "vocabularies=" + (try vocabularyDigest(db))
        }
        var highest = [readings.vocabularies ?? ""]
        var counted: [String] = []
        for table in tables where !reachedOnlyThroughFacts.contains(table) {
            let quoted = SQL.identifier(table)
            if readings.parts[table] == nil {
                // Two statements: SQLite reads a max() from its index only when it is alone.
                let run = try db.firstValue("SELECT max(created_run) FROM \(quoted)").flatMap { value -> String? in
                    if case .integer(let id) = value { String(id) } else { nil }
                } ?? "-"
                if rowless.contains(table) {
                    readings.parts[table] = "\(table)=:\(run)"
                } else {
                    let value = try db.firstValue("SELECT max(rowid) FROM \(quoted)")
                    let id = if case .integer(let id)? = value { String(id) } else { "-" }
                    readings.parts[table] = "\(table)=\(id):\(run)"
                }
            }
            highest.append(readings.parts[table] ?? "")
            if rowless.contains(table) && counting {
                if readings.rows[table] == nil, case .integer(let count)? = try db.firstValue("SELECT count(*) FROM \(quoted)") {
                    readings.rows[table] = count
                }
                counted.append("\(table)=\(readings.rows[table] ?? 0)")
            }
        }
        var text = highest.joined(separator: ",") + "|" + counted.joined(separator: ",")
        if counting, tables.contains("companies") {
            if readings.companies == nil, case .integer(let id)? = try db.firstValue("SELECT max(rowid) FROM companies") {
                readings.companies = id
            }
            if let id = readings.companies { text += "|companies=\(id)" }
        }
        if readings.history == nil {
            readings.history = 0
            if case .integer(let id)? = try db.firstValue("SELECT max(id) FROM history") { readings.history = id }
        }
        return SourceSignature(text: text, historyID: readings.history ?? 0, tables: tables)
    }

    /// The digest of the vocabularies' rows, in rowid order: each value's type and text,
    /// a text's length before it. Written out by hand: interpolating `row.values` went
    /// through Swift's reflection, 10.4M of the 60.6M instructions of `report run
    /// concentration` on the seeds. (A change of this encoding changes every stored
    /// signature: it lands with a migration, whose closing refresh stores new ones.)
    private static func vocabularyDigest(_ db: Database) throws -> String {
        var hasher = SHA256()
        var line: [UInt8] = []
        for table in vocabularies {
            try db.prepare("SELECT * FROM \(SQL.identifier(table)) ORDER BY rowid").forEachRow { row in
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: table.utf8)
                for value in row.values {
                    switch value {
                    case .null: line.append(contentsOf: "|n".utf8)
                    case .integer(let integer): line.append(contentsOf: "|i\(integer)".utf8)
                    case .real(let real): line.append(contentsOf: "|r\(real)".utf8)
                    case .text(let text): line.append(contentsOf: "|t\(text.utf8.count):".utf8); line.append(contentsOf: text.utf8)
                    case .blob(let bytes): line.append(contentsOf: "|b\(bytes.count):".utf8); line.append(contentsOf: bytes)
                    }
                }
                line.append(UInt8(ascii: "\n"))
                hasher.update(line)
            }
        }
        return String(hasher.finalizeHex().prefix(16))
    }

    /// Whether what was stored when a derived table was computed (`stored`, and the
    /// newest history row then) still describes the tables: the same text, or the same
    /// but for companies' highest rowid, risen with nothing naming an id above the one
    /// stored, or fallen (the deletes are in history); and no change in history since.
    func isUnchanged(since stored: String?, historyID: Int64, in db: Database) throws -> Bool {
        guard let stored else { return false }
        if stored != text {
            guard let (storedRest, storedCompanies) = Self.companiesPart(of: stored),
                let (rest, companies) = Self.companiesPart(of: text), storedRest == rest
            else { return false }
            for (table, column) in Self.companyReferences where companies > storedCompanies {
                let probe = "SELECT EXISTS (SELECT 1 FROM \(SQL.identifier(table)) WHERE \(SQL.identifier(column)) > :id)"
                if try db.firstValue(probe, binding: ["id": .integer(storedCompanies)]) == .integer(1) { return false }
            }
        }
        return try !Self.changed(since: historyID, in: tables, db)
    }

    /// The reader's check, as far as it can tell cheaply (read without `counting`):
    /// the stored signature begins with this one's rowid part, and no change in history since.
    func isCurrent(since stored: String?, historyID: Int64, in db: Database) throws -> Bool {
        guard let stored, stored.hasPrefix(text) else { return false }
        return try !Self.changed(since: historyID, in: tables, db)
    }

    /// What a signature read of one table: its highest rowid (nil for a table without
    /// one, or none) and newest created_run (nil: none), and its row count when counted.
    struct TablePart: Equatable {
        var highestRowid: Int64?
        var newestRun: Int64?
        var rows: Int64?
    }

    /// A signature's text taken apart: the vocabularies' digest and each table's part;
    /// nil for a text not of the form `read` writes.
    static func parts(of text: String) -> (vocabularies: Substring, tables: [String: TablePart])? {
        let sections = text.split(separator: "|", omittingEmptySubsequences: false)
        guard sections.count >= 2 else { return nil }
        let highest = sections[0].split(separator: ",")
        guard let first = highest.first, first.hasPrefix("vocabularies=") else { return nil }
        var tables: [String: TablePart] = [:]
        for part in highest.dropFirst() {
            let nameAndValues = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let values = nameAndValues.last?.split(separator: ":", omittingEmptySubsequences: false) ?? []
            guard nameAndValues.count == 2, values.count == 2 else { return nil }
            tables[String(nameAndValues[0])] = TablePart(highestRowid: Int64(values[0]), newestRun: Int64(values[1]))
        }
        for part in sections[1].split(separator: ",") {
            let nameAndCount = part.split(separator: "=", maxSplits: 1)
            guard nameAndCount.count == 2, let count = Int64(nameAndCount[1]) else { return nil }
            tables[String(nameAndCount[0]), default: TablePart()].rows = count
        }
        return (first.dropFirst("vocabularies=".count), tables)
    }

    /// A signature's text without its companies part, and the highest company rowid it holds.
    private static func companiesPart(of text: String) -> (String, Int64)? {
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("companies="), let id = Int64(parts[2].dropFirst("companies=".count)) else {
            return nil
        }
        return (parts[0] + "|" + parts[1], id)
    }

    /// An update or delete of one of `tables` since history row `id`, leaving out the
    /// updates that changed `unread` columns alone and the deleted companies nothing names.
    private static func changed(since id: Int64, in tables: [String], _ db: Database) throws -> Bool {
        try db.firstValue("SELECT EXISTS (SELECT 1 FROM history h WHERE \(countedHistory(in: tables)))", binding: ["id": .integer(id)])
            == .integer(1)
    }

    /// The condition on a history row `h` that makes it a change of one of `tables`
    /// since history row `:id` (see `changed`), for the readers that want the rows.
    static func countedHistory(in tables: [String]) -> String {
        let list = tables.map { SQL.literal($0) }.joined(separator: ", ")
        let skipped = tables.compactMap { table in
            unread[table].map { columns in
                " AND NOT (h.table_name = \(SQL.literal(table)) AND n.key IN ("
                    + columns.sorted().map { SQL.literal($0) }.joined(separator: ", ") + "))"
            }
        }.joined()
        let named = companyReferences.map { reference in
            "EXISTS (SELECT 1 FROM \(SQL.identifier(reference.table)) WHERE \(SQL.identifier(reference.column)) = CAST(h.row_key AS INTEGER))"
        }.joined(separator: "\n                                   OR ")
        // An update counts unless what differs is unread columns alone; one whose old and
        // new values read the same (JSON keeps 15 digits of a REAL) counts too. A deleted
        // company counts while something still names its id (row_key, CAST(id AS TEXT)).
        return """
            h.id > :id AND h.table_name IN (\(list))
                AND CASE h.operation
                    WHEN 'update' THEN EXISTS (SELECT 1 FROM json_each(h.new_values) n
                                               WHERE n.value IS NOT json_extract(h.old_values, '$.' || n.key)\(skipped))
                                       OR NOT EXISTS (SELECT 1 FROM json_each(h.new_values) n
                                                      WHERE n.value IS NOT json_extract(h.old_values, '$.' || n.key))
                    WHEN 'delete' THEN h.table_name <> 'companies'
                                       OR \(named)
                    ELSE 1 END
            """
    }
}
