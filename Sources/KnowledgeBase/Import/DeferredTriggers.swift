import SQLite

/// The per-row triggers that keep derived data (company groups) in step with new
/// companies, and those that stamp a new row with its run (`created_run`), replaced
/// during an import by one set-based statement each at its end, like the report
/// indexes a bulk import rebuilds. Every import defers the `created_run` triggers; only
/// a bulk import the company-groups trigger, whose catch-up rebuilds every group (about
/// a second at 1M companies, more than a small import's rows cost through it).
///
/// Measured on a 20,000-round Crunchbase export (22 MB, under the bulk threshold) into
/// the seeded knowledge base: 1.45-1.48 s with the `created_run` triggers, 0.76-0.79 s
/// without (system time 0.74-0.84 s against 0.15-0.20 s: the statement journals).
///
/// A `created_run` trigger does nothing for the importers' rows, which name their run,
/// but its body is an UPDATE, so every INSERT into its table needs a statement journal
/// (measured at 1M rounds, organizations and rounds: 116.7 s with the triggers, 93.3 s
/// without, 17 s of it system time). A rowid table's catch-up stamps the rows past the
/// highest rowid before the run. A table without rowid cannot tell the run's rows from
/// rows older than the history, so its trigger is deferred with no catch-up, on the
/// importers' word: each of their INSERTs names its run (the bulk-against-normal tests
/// of every kind compare created_run too). Even doing nothing, such a trigger costs
/// every inserted row a sub-program frame of its own, allocated and zeroed: 0.7 µs a
/// row in a micro-benchmark, 339M of the 7.9G instructions of a 20,000-round import
/// that keeps them (round_investors and company_external_ids).
///
/// Measured on the 200,000-round benchmark: the two AFTER INSERT triggers on companies
/// of migration 0010 cost about as much as the rest of the organizations' import (an
/// FTS5 document and a company_groups row per company, each a statement of its own).
/// Since 0011 the search trigger only notes the document (search_pending, indexed at
/// the run's close by SearchIndex.update) and is not deferred: with it deferred the
/// benchmark took 27.1 s, without 26.1 s (medians of four). The triggers are dropped and
/// recreated inside the import's transaction, so a failed, rolled-back or killed
/// import leaves them exactly as they were; any other client's writes, and aikb's own
/// updates and deletes, keep going through them.
struct DeferredTriggers {
    /// A trigger, and the statements that do its work for every row the run inserted
    /// (`:run` is the run's id where a statement names it).
    private struct Deferred {
        let trigger: String
        let table: String
        let catchUp: [String]
    }

    private static let all = [
        Deferred(
            trigger: "companies_group_insert", table: "companies",
            // Rebuilt whole, as migration 0010 fills it: while the trigger was away, the
            // update trigger may have placed a company under a new parent whose own row
            // was missing. One pass over companies (about a second at 1M).
            catchUp: [
                "DELETE FROM company_groups",
                """
                WITH RECURSIVE chain(company_id, top_id, depth) AS (
                    SELECT id, id, 0 FROM companies
                    UNION ALL
                    SELECT chain.company_id, c.parent_id, chain.depth + 1
                    FROM chain JOIN companies c ON c.id = chain.top_id
                    WHERE c.parent_id IS NOT NULL AND chain.depth < 64
                )
                INSERT INTO company_groups (company_id, group_id, depth)
                SELECT company_id, top_id, depth FROM chain
                WHERE NOT EXISTS (SELECT 1 FROM companies p WHERE p.id = chain.top_id AND p.parent_id IS NOT NULL)
                """,
            ])
    ]

    /// The `created_run` trigger of a rowid table (migration 0006 names them so), and
    /// its work for the rows past `base`, the table's highest rowid before the run.
    private static func createdRun(of table: String, base: Int64) -> Deferred {
        let quoted = SQL.identifier(table)
        return Deferred(
            trigger: table + "_created_run", table: table,
            catchUp: ["UPDATE \(quoted) SET created_run = :run WHERE rowid > \(base) AND created_run IS NULL"])
    }

    private let dropped: [(deferred: Deferred, sql: String)]

    /// The `created_run` trigger of a table without rowid: nothing to catch up, since
    /// every importer's INSERT names its run.
    private static func createdRunNamedByImporters(of table: String) -> Deferred {
        Deferred(trigger: table + "_created_run", table: table, catchUp: [])
    }

    /// Drops the deferred triggers of `tables` that the knowledge base has: the
    /// `created_run` ones, and with `groups` the company-groups one too.
    init(of tables: Set<String>, in db: Database, groups: Bool = true) throws {
        var candidates = groups ? Self.all.filter { tables.contains($0.table) } : []
        // Table by table (hasRowid) and trigger by trigger (schemaObject): `PRAGMA
        // table_list`, which tableNames and schemaObjects read, works out every view's
        // columns first, 119M of a one-company import's 192M instructions.
        for table in tables.sorted() where try db.objectExists(table, kinds: [.table]) {
            if db.hasRowid(table) {
                let base = try db.firstValue("SELECT coalesce(max(rowid), 0) FROM \(SQL.identifier(table))")
                guard case .integer(let highest) = base else { continue }
                candidates.append(Self.createdRun(of: table, base: highest))
            } else {
                candidates.append(Self.createdRunNamedByImporters(of: table))
            }
        }
        var dropped: [(Deferred, String)] = []
        for deferred in candidates {
            guard let trigger = try db.schemaObject(named: deferred.trigger), trigger.kind == .trigger, let sql = trigger.sql else {
                continue
            }
            try db.execute("DROP TRIGGER \(SQL.identifier(deferred.trigger))")
            dropped.append((deferred, sql))
        }
        self.dropped = dropped
    }

    /// Does the dropped triggers' work for the rows run `run` inserted, and recreates them.
    func restore(run: Int64, in db: Database) throws {
        for (deferred, sql) in dropped {
            for statement in deferred.catchUp {
                try db.execute(statement, binding: statement.contains(":run") ? ["run": .integer(run)] : [:])
            }
            try db.execute(sql)
        }
    }
}
