import SQLite

/// What changed since the kept profiles were filled, told from the knowledge tables
/// themselves: the rows inserted since (a created_run above the newest one then, or a
/// rowid above the highest one then) and the updates and deletes history recorded. From
/// them, the companies whose count of own flows may have moved (which companies are
/// kept) and the companies whose kept sections may read differently, so that a write
/// refills only the profiles it reaches: a deal between two companies neither recounts
/// 5M participations nor refills NVIDIA's 37,000 flow rows (1.2 s at scale, at every
/// write that changed a fact).
///
/// Nil when it cannot be told that way, and the whole index is filled again: a company
/// or a source changed (a name or a parent shows in every profile that names it), the
/// vocabularies changed, round_investors holds another count than its inserts and
/// deletes make (a write history did not see), or more rows changed than
/// refilling everything would cost.
struct ProfileChanges {
    /// Companies whose own flows (participations as investor, deals, relationships) may
    /// number differently.
    var counted: Set<Int64> = []
    /// Companies whose kept sections may differ: every company a changed fact names, the
    /// company of every round whose participations changed, every investor of a changed round.
    var touched: Set<Int64> = []

    /// More changed rows than this: filling every kept profile again is cheaper than
    /// following each.
    static let mostRows: Int64 = 20_000

    /// The facts the kept sections read, and the two columns of each that name what a
    /// change reaches.
    private static let facts: [(table: String, columns: (String, String))] = [
        ("funding_rounds", ("id", "company_id")),
        ("round_investors", ("round_id", "investor_id")),
        ("supply_deals", ("supplier_id", "customer_id")),
        ("relationships", ("from_id", "to_id")),
        ("claims", ("subject_id", "counterparty_id")),
    ]

    /// Tables whose every counted change reaches profiles no column names.
    private static let reachingEverywhere = ["companies", "sources"]

    /// The changes since `stored` (a signature of ProfileIndex.reads) and history row
    /// `historyID`, to `now`; nil when they must be taken as everything.
    static func read(since stored: String?, historyID: Int64, now: SourceSignature, in db: Database) throws -> ProfileChanges? {
        guard let stored, let before = SourceSignature.parts(of: stored), let after = SourceSignature.parts(of: now.text),
            before.vocabularies == after.vocabularies
        else { return nil }
        let since: [String: Value] = ["id": .integer(historyID)]
        if try db.firstValue(
            "SELECT EXISTS (SELECT 1 FROM history h WHERE \(SourceSignature.countedHistory(in: reachingEverywhere)))", binding: since)
            == .integer(1)
        {
            return nil
        }
        var changes = ProfileChanges()
        var budget = mostRows
        /// Rounds whose row changed (their company and every investor are reached).
        var rounds = Set<Int64>()
        /// Rounds whose participations changed (their company is reached).
        var participatedIn = Set<Int64>()
        /// Companies of rounds history saw deleted or changed, for those no longer there.
        var roundCompanies: [Int64: Int64] = [:]
        var participations = (inserted: Int64(0), deleted: Int64(0))

        func note(_ table: String, _ first: Int64?, _ second: Int64?) {
            switch table {
            case "funding_rounds":
                if let round = first {
                    rounds.insert(round)
                    if let company = second { roundCompanies[round] = company }
                }
                if let company = second { changes.touched.insert(company) }
            case "round_investors":
                if let round = first { participatedIn.insert(round) }
                if let investor = second { changes.counted.insert(investor) }
            case "claims":
                for id in [first, second].compactMap({ $0 }) { changes.touched.insert(id) }
            default:
                for id in [first, second].compactMap({ $0 }) { changes.counted.insert(id) }
            }
        }

        for (table, (first, second)) in facts {
            guard let part = before.tables[table] else { return nil }
            let quoted = SQL.identifier(table)
            let columns = "\(SQL.identifier(first)), \(SQL.identifier(second))"
            // Inserted since: a newer run, or (written outside a run) a higher rowid.
            var inserted = "SELECT \(columns) FROM \(quoted) WHERE created_run > :run"
            var bindings: [String: Value] = ["run": .integer(part.newestRun ?? 0)]
            if db.hasRowid(table) {
                inserted += " OR rowid > :rowid"
                bindings["rowid"] = .integer(part.highestRowid ?? 0)
            }
            let count = try db.count(of: inserted, upTo: budget, binding: bindings)
            guard count <= budget else { return nil }
            budget -= count
            if table == "round_investors" { participations.inserted = count }
            try db.prepare(inserted).forEachRow(binding: bindings) { note(table, $0.optionalInt64(at: 0), $0.optionalInt64(at: 1)) }

            // Updated or deleted since, as history recorded them: the row before, and after.
            let recorded = """
                SELECT h.operation, json_extract(h.old_values, '$.\(first)'), json_extract(h.old_values, '$.\(second)'),
                       json_extract(h.new_values, '$.\(first)'), json_extract(h.new_values, '$.\(second)')
                FROM history h WHERE \(SourceSignature.countedHistory(in: [table]))
                """
            let changed = try db.count(of: recorded, upTo: budget, binding: since)
            guard changed <= budget else { return nil }
            budget -= changed
            try db.prepare(recorded).forEachRow(binding: since) { row in
                note(table, row.optionalInt64(at: 1), row.optionalInt64(at: 2))
                if row.optionalString(at: 0) == "delete" {
                    if table == "round_investors" { participations.deleted += 1 }
                } else {
                    note(table, row.optionalInt64(at: 3), row.optionalInt64(at: 4))
                }
            }
        }
        // Participations written where history cannot see (a REPLACE, an insert without
        // a run): their count is not what the changes seen make it.
        guard let rowsBefore = before.tables["round_investors"]?.rows, let rowsNow = after.tables["round_investors"]?.rows,
            rowsBefore + participations.inserted - participations.deleted == rowsNow
        else { return nil }

        let companyOfRound = try db.prepare("SELECT company_id FROM funding_rounds WHERE id = :id")
        for round in participatedIn.union(rounds) {
            guard let company = try companyOfRound.firstRow(binding: ["id": .integer(round)], { $0.int64(at: 0) }) ?? roundCompanies[round]
            else { return nil }
            changes.touched.insert(company)
        }
        let investors = try db.prepare("SELECT investor_id FROM round_investors WHERE round_id = :id")
        for round in rounds {
            try investors.forEachRow(binding: ["id": .integer(round)]) { changes.touched.insert($0.int64(at: 0)) }
        }
        changes.touched.formUnion(changes.counted)
        return changes
    }
}
