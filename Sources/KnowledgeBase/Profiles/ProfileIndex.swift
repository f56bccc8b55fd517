import SQLite

/// The profile index (migration 0019): the rows of a profile's costliest sections,
/// kept for the companies with most flows, whose profile would otherwise read tens of
/// thousands of facts scattered over the file on every run. Filled by the sections' own
/// statements (ProfileSection), at the close of every run that changes what they are
/// made of (MoneyWeb.refresh calls `refresh`): only the profiles the run's changes reach
/// (ProfileChanges), or all of them when those cannot be told; read only while current
/// (`keptSections`), so a profile never shows what the knowledge tables no longer say.
public enum ProfileIndex {
    /// The sections kept, each in the table `profile_index_NAME`.
    public static let sections = ["investments", "flows", "sources"]

    /// The knowledge tables the kept sections read (a test compares the list with what
    /// SQLite's authorizer sees their statements read).
    static let reads = ["companies", "funding_rounds", "round_investors", "supply_deals", "relationships", "claims", "sources"]

    /// The columns every table of the index begins with, before the section's own.
    static let keyColumns = ["company_id", "position"]

    /// The table a kept section is in.
    public static func table(of section: String) -> String { "profile_index_" + section }

    /// The companies to keep, with their own flows: those with at least `:least` flows of
    /// their own, and the companies above them. Counting a company's round participants
    /// would join every participation to its round (9 s at 5M of them), so the money a
    /// company raises is not counted: a profile whose rounds alone hold thousands of
    /// investors is read from the knowledge tables.
    static let chosen = """
        WITH RECURSIVE own(id, flows) AS MATERIALIZED (
            SELECT id, sum(n) FROM (
                SELECT investor_id AS id, count(*) AS n FROM round_investors GROUP BY investor_id
                UNION ALL SELECT supplier_id, count(*) FROM supply_deals GROUP BY supplier_id
                UNION ALL SELECT customer_id, count(*) FROM supply_deals GROUP BY customer_id
                UNION ALL SELECT from_id, count(*) FROM relationships GROUP BY from_id
                UNION ALL SELECT to_id, count(*) FROM relationships GROUP BY to_id)
            GROUP BY id
        ),
        kept(id) AS (
            SELECT id FROM own WHERE flows >= :least
            UNION
            SELECT c.parent_id FROM kept JOIN companies c ON c.id = kept.id WHERE c.parent_id IS NOT NULL
        )
        SELECT kept.id, coalesce((SELECT flows FROM own WHERE own.id = kept.id), 0) FROM kept ORDER BY kept.id
        """

    /// The ids of a company and the units under it, in order, joined by commas.
    static let members = ProfileSection.members + """

        SELECT group_concat(id, ',') FROM (SELECT id FROM members ORDER BY id)
        """

    struct State {
        var leastFlows: Int64
        var signature: String?
        var historyID: Int64
    }

    static func state(_ db: Database) throws -> State? {
        guard try db.objectExists("profile_index_state", kinds: [.table]) else { return nil }
        return try db.prepare("SELECT least_flows, signature, history_id FROM profile_index_state WHERE id = 1").firstRow {
            State(leastFlows: $0.int64(at: 0), signature: $0.optionalString(at: 1), historyID: $0.int64(at: 2))
        }
    }

    /// Whether `company`'s kept sections may be read: the company is kept, the index
    /// matches the knowledge tables as far as a reader can tell cheaply (as
    /// ReportIndexes.isCurrent), and its units are the ones it had.
    public static func keptSections(for company: Int64, in db: Database) throws -> Bool {
        guard let state = try state(db), state.signature != nil,
            let kept = try db.prepare("SELECT members FROM profile_index WHERE company_id = :id")
                .firstRow(binding: ["id": .integer(company)], { $0.string(at: 0) })
        else { return false }
        return try SourceSignature.read(of: reads, in: db, counting: false)
            .isCurrent(since: state.signature, historyID: state.historyID, in: db)
            && members(of: company, in: db) == kept
    }

    /// The SELECT of a kept section's rows, `:id` the company, as its statement gives them.
    public static func keptSQL(of section: String, limit: Int?, in db: Database) throws -> String {
        let table = table(of: section)
        let columns = try sectionColumns(of: table, in: db)
        return "SELECT \(columns.map(SQL.identifier).joined(separator: ", ")) FROM \(SQL.identifier(table))"
            + " WHERE company_id = :id ORDER BY position" + (limit.map { " LIMIT \($0)" } ?? "")
    }

    /// A kept section's table's columns after the key: the section's own.
    private static func sectionColumns(of table: String, in db: Database) throws -> [String] {
        try db.columns(of: table).map(\.name).filter { !keyColumns.contains($0) }
    }

    static func members(of company: Int64, in db: Database) throws -> String? {
        try db.firstValue(members, binding: ["id": .integer(company)]).flatMap { if case .text(let ids) = $0 { ids } else { nil } }
    }

    /// Fills the index again, in the caller's transaction, when what it is made of
    /// changed since it was filled (or with `force`); returns the companies kept then,
    /// or nil when it was up to date.
    static func refresh(_ db: Database, force: Bool = false, readings: SourceSignature.Readings = SourceSignature.Readings()) throws
        -> Int?
    {
        guard let state = try state(db) else { return nil }
        let now = try SourceSignature.read(of: reads, in: db, readings: readings)
        var unchanged = try !force && now.isUnchanged(since: state.signature, historyID: state.historyID, in: db)
        if unchanged {
            // A unit added or deleted under a kept company changes its profile (its sources
            // cite the unit) but no signature.
            for row in try db.allRows("SELECT company_id, members FROM profile_index") {
                guard case .integer(let id) = row[0], case .text(let kept) = row[1] else { continue }
                if try members(of: id, in: db) != kept {
                    unchanged = false
                    break
                }
            }
        }
        var kept: Int?
        if !unchanged {
            if !force, let changes = try ProfileChanges.read(since: state.signature, historyID: state.historyID, now: now, in: db) {
                let refilled = try refill(db, leastFlows: state.leastFlows, reaching: changes)
                kept = refilled > 0 ? refilled : nil
            } else {
                kept = try fill(db, leastFlows: state.leastFlows)
            }
        }
        if !unchanged || state.historyID != now.historyID || state.signature != now.text {
            try db.execute(
                "UPDATE profile_index_state SET signature = :signature, history_id = :history WHERE id = 1",
                binding: ["signature": .text(now.text), "history": .integer(now.historyID)])
        }
        return kept
    }

    /// Makes the next refresh fill the index again (see MoneyWeb.recomputeAtClose).
    static func recomputeAtClose(_ db: Database, madeOf tables: Set<String>?) throws {
        guard try state(db) != nil, tables.map({ !$0.isDisjoint(with: reads) }) ?? true else { return }
        try db.execute("UPDATE profile_index_state SET signature = NULL")
    }

    /// A company's own flows, counted as `chosen` counts them, through the indexes.
    static let ownFlows = """
        SELECT (SELECT count(*) FROM round_investors WHERE investor_id = :id)
             + (SELECT count(*) FROM supply_deals WHERE supplier_id = :id) + (SELECT count(*) FROM supply_deals WHERE customer_id = :id)
             + (SELECT count(*) FROM relationships WHERE from_id = :id) + (SELECT count(*) FROM relationships WHERE to_id = :id)
        """

    /// Fills every kept profile anew: the companies chosen, each one's sections.
    private static func fill(_ db: Database, leastFlows: Int64) throws -> Int {
        try db.execute("DELETE FROM profile_index")
        for section in sections { try db.execute("DELETE FROM \(SQL.identifier(table(of: section)))") }
        var companies: [(id: Int64, flows: Int64)] = []
        try db.prepare(chosen).forEachRow(binding: ["least": .integer(leastFlows)]) {
            companies.append(($0.int64(at: 0), $0.int64(at: 1)))
        }
        let copier = try Copier(db)
        var kept = 0
        for company in companies where try copier.keep(company.id, flows: company.flows) { kept += 1 }
        return kept
    }

    /// Fills again only the profiles `changes` reach: the companies whose flows crossed
    /// the threshold come in or go out (with the companies above them), and a kept
    /// company is filled again when a change names one of its members or its members
    /// differ; returns how many were filled or let go.
    private static func refill(_ db: Database, leastFlows: Int64, reaching changes: ProfileChanges) throws -> Int {
        var kept: [Int64: (flows: Int64, members: String)] = [:]
        try db.prepare("SELECT company_id, flows, members FROM profile_index").forEachRow {
            kept[$0.int64(at: 0)] = ($0.int64(at: 1), $0.string(at: 2))
        }
        // Every company not kept had fewer flows than the threshold, and still has unless counted.
        let count = try db.prepare(ownFlows)
        func flows(of id: Int64) throws -> Int64 {
            try count.firstRow(binding: ["id": .integer(id)]) { $0.int64(at: 0) } ?? 0
        }
        var flowsNow = kept.mapValues(\.flows)
        for id in changes.counted { flowsNow[id] = try flows(of: id) }
        var chosen = Set(flowsNow.filter { $0.value >= leastFlows }.keys)
        let parentOf = try db.prepare("SELECT parent_id FROM companies WHERE id = :id")
        var climbing = Array(chosen)
        while let id = climbing.popLast() {
            if let parent = try parentOf.firstRow(binding: ["id": .integer(id)], { $0.optionalInt64(at: 0) }) ?? nil,
                chosen.insert(parent).inserted
            {
                climbing.append(parent)
            }
        }
        let copier = try Copier(db)
        var refilled = 0
        for id in kept.keys.sorted() where !chosen.contains(id) {
            try copier.drop(id)
            refilled += 1
        }
        let setFlows = try db.prepare("UPDATE profile_index SET flows = :flows WHERE company_id = :id")
        for id in chosen.sorted() {
            let own = try flowsNow[id] ?? flows(of: id)
            if let old = kept[id], let members = try members(of: id, in: db), members == old.members,
                members.split(separator: ",").allSatisfy({ Int64($0).map { !changes.touched.contains($0) } ?? false })
            {
                if own != old.flows { try setFlows.execute(binding: ["flows": .integer(own), "id": .integer(id)]) }
                continue
            }
            if kept[id] != nil { try copier.drop(id) }
            _ = try copier.keep(id, flows: own)
            refilled += 1
        }
        return refilled
    }

    /// The statements that copy a company's sections into the index, prepared once for a fill.
    private struct Copier {
        let db: Database
        let keepCompany: Statement
        let dropCompany: Statement
        var copies: [(read: Statement, write: Statement, drop: Statement, columns: [Statement.Parameter])] = []

        init(_ db: Database) throws {
            self.db = db
            keepCompany = try db.prepare("INSERT INTO profile_index (company_id, flows, members) VALUES (:id, :flows, :members)")
            dropCompany = try db.prepare("DELETE FROM profile_index WHERE company_id = :id")
            for name in ProfileIndex.sections {
                guard let section = ProfileSection.named(name) else { continue }
                let table = ProfileIndex.table(of: name)
                let read = try db.prepare(section.sql())
                // By name: a section whose columns differ from its table's fails here.
                let columns = try sectionColumns(of: table, in: db)
                guard read.columnNames == columns else {
                    throw SQLiteError(
                        code: .SQLITE_ERROR,
                        message: "cannot fill \(table) from the \(name) section: its columns are \(read.columnNames.joined(separator: ", "))"
                            + ", the table's \(columns.joined(separator: ", "))")
                }
                let all = keyColumns + columns
                let write = try db.prepare(
                    "INSERT INTO \(SQL.identifier(table)) (\(all.map(SQL.identifier).joined(separator: ", "))) VALUES ("
                        + all.map { ":" + $0 }.joined(separator: ", ") + ")")
                let drop = try db.prepare("DELETE FROM \(SQL.identifier(table)) WHERE company_id = :id")
                copies.append((read, write, drop, try all.map { try write.parameter($0) }))
            }
        }

        /// Keeps a company's sections (it has none kept); false for a company no longer there.
        func keep(_ company: Int64, flows: Int64) throws -> Bool {
            guard let members = try members(of: company, in: db) else { return false }
            try keepCompany.execute(binding: ["id": .integer(company), "flows": .integer(flows), "members": .text(members)])
            for copy in copies {
                try copy.read.bind(["id": .integer(company)])
                var position: Int64 = 0
                try copy.read.forEachRow { row in
                    position += 1
                    try copy.write.bind(company, to: copy.columns[0])
                    try copy.write.bind(position, to: copy.columns[1])
                    for index in 0..<row.count { try copy.write.bind(row.value(at: index), to: copy.columns[index + 2]) }
                    try copy.write.execute()
                }
            }
            return true
        }

        /// Lets a company's kept sections go.
        func drop(_ company: Int64) throws {
            try dropCompany.execute(binding: ["id": .integer(company)])
            for copy in copies { try copy.drop.execute(binding: ["id": .integer(company)]) }
        }
    }
}
