@testable import KnowledgeBase
import SQLite
import Testing

/// The report indexes (migration 0013): circular_financing_flows, investor_activity and
/// concentration read tables that aikb fills from the views that compute them, at the
/// end of every run that changes what they are made of.
@Suite struct ReportIndexesTests {
    /// Each report and the view that computes it, from the catalog.
    func indexedReports(_ db: Database) throws -> [(report: String, computed: String)] {
        try db.allRows("SELECT index_table, computed_from FROM report_indexes ORDER BY rowid").map { row in
            guard case .text(let table) = row[0], case .text(let view) = row[1] else { return ("", "") }
            return (String(table.dropLast("_index".count)), view)
        }
    }

    /// The report's rows against its computed view's: in the same order where the
    /// report has one, as the same rows otherwise.
    func expectCurrent(_ db: Database, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reports = try indexedReports(db)
        #expect(reports.map(\.report) == ["circular_financing_flows", "investor_activity", "concentration"], sourceLocation: sourceLocation)
        for (report, computed) in reports {
            var kept = try db.allRows("SELECT * FROM \(SQL.identifier(report))")
            var fresh = try db.allRows("SELECT * FROM \(SQL.identifier(computed))")
            #expect(!fresh.isEmpty, "\(computed) has no rows to compare", sourceLocation: sourceLocation)
            if report == "circular_financing_flows" {  // no ORDER BY: the same rows
                kept.sort { "\($0)" < "\($1)" }
                fresh.sort { "\($0)" < "\($1)" }
            }
            #expect(kept == fresh, "\(report) differs from \(computed)", sourceLocation: sourceLocation)
        }
    }

    /// A new knowledge base migrated up to `version` only (no seeds), and every embedded migration.
    func database(migratedTo version: Int) throws -> (Database, [Migration]) {
        let db = try Database(path: temporaryDirectory() + "/kb.sqlite")
        let embedded = try Migrator.embedded().migrations
        try Migrator(migrations: embedded.filter { $0.version <= version }).migrate(db)
        return (db, embedded)
    }

    func seededDatabase() throws -> (Database, String) {
        let path = temporaryDirectory() + "/kb.sqlite"
        let (db, report) = try KnowledgeBase.open(path: path, access: .write)
        #expect(report.created)
        return (db, path)
    }

    @Test func theSeedsIndexesHoldWhatTheirViewsCompute() throws {
        let (db, _) = try seededDatabase()
        try expectCurrent(db)
        #expect(try MoneyWeb.isCurrent(db))
        for index in ["circular_financing_flows_index", "investor_activity_index", "concentration_index"] {
            #expect(try ReportIndexes.isCurrent(index, in: db), "\(index)")
        }
        // The reports read the tables, not their SQL.
        for report in ["circular_financing_flows", "investor_activity", "concentration"] {
            let plan = try db.allRows("EXPLAIN QUERY PLAN SELECT * FROM \(report)").map { "\($0)" }.joined()
            #expect(plan.contains("\(report)_index"), "\(report): \(plan)")
            #expect(!plan.contains("funding_rounds") && !plan.contains("supply_deals"), "\(report): \(plan)")
        }
        // Names compare as companies.name does (ignoring case), so filters and GROUP BY agree.
        #expect(try db.firstValue("SELECT count(*) FROM investor_activity WHERE investor = 'nvidia'") == .integer(1))
        #expect(try db.firstValue("SELECT count(*) FROM circular_financing WHERE hub = 'nvidia'")
            == db.firstValue("SELECT count(*) FROM circular_financing WHERE hub = 'NVIDIA'"))
    }

    /// A change made outside aikb leaves the indexes as they were, says so, and a
    /// refresh (any aikb write) brings level again the indexes made of the table it
    /// changed, and only those: a claim refills concentration (which names them), not
    /// the loops nor the other indexes.
    @Test func aChangeOutsideAikbShowsAndARefreshCatchesUp() throws {
        let (db, _) = try seededDatabase()
        let fact = "nvidia-coreweave-2026-01-rubin-platforms"
        let status = "SELECT status FROM circular_financing_flows WHERE fact = '\(fact)'"
        #expect(try db.firstValue(status) == .text("announced"))
        try db.execute("UPDATE supply_deals SET status = 'cancelled' WHERE external_id = '\(fact)'")
        #expect(try !MoneyWeb.isCurrent(db))
        #expect(try !ReportIndexes.isCurrent("circular_financing_flows_index", in: db))
        #expect(try ReportIndexes.isCurrent("investor_activity_index", in: db))  // made of no deal
        #expect(try db.firstValue(status) == .text("announced"))
        let afterDeal = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(afterDeal.recomputed)
        #expect(afterDeal.reportIndexes == ["circular_financing_flows_index", "concentration_index"])
        #expect(try db.firstValue(status) == .text("cancelled"))
        try expectCurrent(db)

        let pair = "SELECT claims FROM concentration WHERE provider = 'CoreWeave' AND customer = 'OpenAI'"
        let before = try db.firstValue(pair)
        try db.execute(
            """
            INSERT INTO claims (id, subject_id, counterparty_id, metric, value_text, statement, source_id)
            SELECT 'T-CLAIM', (SELECT id FROM companies WHERE name = 'CoreWeave'), (SELECT id FROM companies WHERE name = 'OpenAI'),
                   'contract_value', '1', 'A test claim', (SELECT min(id) FROM sources)
            """)
        #expect(try MoneyWeb.isCurrent(db))
        #expect(try !ReportIndexes.isCurrent("concentration_index", in: db))
        let afterClaim = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(!afterClaim.recomputed)
        #expect(afterClaim.reportIndexes == ["concentration_index"])
        #expect(try db.firstValue(pair) != before)
        #expect(try db.strings(pair).first?.contains("T-CLAIM") == true)
        try expectCurrent(db)
        // Nothing changed since: nothing is filled again.
        #expect(try db.transaction { try MoneyWeb.refresh(db) }.reportIndexes.isEmpty)
    }

    /// New companies that no fact names yet change no loop and no report index, so a
    /// write that only adds companies recomputes nothing (SourceSignature: companies
    /// count through history alone). Checked against a forced recomputation: the same
    /// loops and rows. A fact naming one of them, a deal, refills what deals make.
    @Test func newCompaniesNoFactNamesRecomputeNothing() throws {
        let (db, _) = try seededDatabase()
        let loops = "SELECT * FROM money_loops ORDER BY loop_id"
        let loopsBefore = try db.allRows(loops)
        #expect(!loopsBefore.isEmpty)
        // A company of its own, a unit of NVIDIA (whose group has units already) and a
        // unit of OpenAI, one with outside aikb, two through an import.
        try db.execute(
            """
            INSERT INTO companies (name, kind, parent_id)
            VALUES ('T-Standalone', 'startup', NULL), ('T-NVIDIA unit', 'investment_firm', (SELECT id FROM companies WHERE name = 'NVIDIA'))
            """)
        #expect(try MoneyWeb.isCurrent(db))
        #expect(try ReportIndexes.isCurrent("investor_activity_index", in: db))
        let companies = "name,kind,parent,source_id\nT-OpenAI unit,investment_firm,OpenAI,S00\n"
        let imported = try Importer(db: db, options: ImportOptions()).run([.bytes(name: "companies.csv", Array(companies.utf8))])
        #expect(imported.problemCount == 0, "\(imported.problems)")
        let refresh = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(!refresh.recomputed)
        #expect(refresh.reportIndexes.isEmpty)
        try expectCurrent(db)
        let forced = try db.transaction { try MoneyWeb.refresh(db, force: true) }
        #expect(forced.recomputed)
        #expect(try db.allRows(loops) == loopsBefore)

        try db.execute(
            """
            INSERT INTO supply_deals (supplier_id, customer_id, kind, value_usd, status, source_id)
            SELECT (SELECT id FROM companies WHERE name = 'CoreWeave'), id, 'cloud_capacity', 5000000, 'signed', 'S00'
            FROM companies WHERE name = 'T-Standalone'
            """)
        let afterDeal = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(afterDeal.recomputed)
        #expect(afterDeal.reportIndexes == ["circular_financing_flows_index", "concentration_index"])
        #expect(try db.firstValue("SELECT deals FROM concentration WHERE provider = 'CoreWeave' AND customer = 'T-Standalone'") == .integer(1))
        try expectCurrent(db)
    }

    /// A deleted company that nothing names changes no loop and no report index, as a
    /// new one does not: the undo of an import that only added companies recomputes
    /// nothing (it cost 4.2 s at a million companies), nor does such a delete made
    /// elsewhere. A company a fact still names (a client with foreign keys off) counts,
    /// and so does an undo that puts a deleted company back (under its old id, which no
    /// highest id shows).
    @Test func deletedCompaniesNothingNamesRecomputeNothing() throws {
        let (db, _) = try seededDatabase()
        let companies = "name,kind,source_id\nT-Lone,startup,S00\nT-Other,startup,S00\n"
        let imported = try Importer(db: db, options: ImportOptions()).run([.bytes(name: "companies.csv", Array(companies.utf8))])
        #expect(imported.problemCount == 0, "\(imported.problems)")
        let run = try #require(imported.run)
        // Rows no computation gives: a refill of the index (or the loops) takes them away.
        func mark() throws {
            try db.execute("INSERT INTO investor_activity_index (investor) VALUES ('T-Marker')")
            try db.execute("INSERT INTO money_loop_index (loop_id, length) VALUES ('T-Marker', 2)")
        }
        func marked() throws -> [Bool] {
            try ["investor_activity_index WHERE investor", "money_loop_index WHERE loop_id"].map {
                try db.firstValue("SELECT count(*) FROM \($0) = 'T-Marker'") == .integer(1)
            }
        }
        try mark()
        let undone = try Undo.undo(run: run, in: db)
        #expect(undone.removed == 2)
        #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name IN ('T-Lone', 'T-Other')") == .integer(0))
        #expect(try marked() == [true, true], "the undo's close filled the indexes again")
        #expect(try MoneyWeb.isCurrent(db))
        #expect(try ReportIndexes.isCurrent("investor_activity_index", in: db))
        try db.execute("DELETE FROM investor_activity_index WHERE investor = 'T-Marker'")
        try db.execute("DELETE FROM money_loop_index WHERE loop_id = 'T-Marker'")
        try expectCurrent(db)

        // The same outside aikb, and a delete made in a run that an undo reverts: the
        // company goes back under its old id, and everything made of companies is filled.
        try db.execute("INSERT INTO companies (name, kind) VALUES ('T-Lone', 'startup'), ('T-Other', 'startup')")
        _ = try db.transaction { try MoneyWeb.refresh(db) }
        try mark()
        try db.execute("DELETE FROM companies WHERE name = 'T-Lone'")
        let outside = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(!outside.recomputed)
        #expect(outside.reportIndexes.isEmpty)
        #expect(try marked() == [true, true])
        let deleting = try db.transaction {
            try Runs.within(db, command: "sql --write") { run in
                try db.execute("DELETE FROM companies WHERE name = 'T-Other'")
                return run
            }
        }
        #expect(try marked() == [true, true])
        _ = try Undo.undo(run: deleting, in: db)
        #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name = 'T-Other'") == .integer(1))
        #expect(try marked() == [false, false], "an undo that puts a company back refills what companies make")
        try expectCurrent(db)

        // A company a deal still names, deleted with foreign keys off: the deal's
        // customer is gone from concentration, which is filled again.
        try db.execute("PRAGMA foreign_keys = OFF")
        defer { try? db.execute("PRAGMA foreign_keys = ON") }
        try db.execute(
            """
            INSERT INTO supply_deals (supplier_id, customer_id, kind, value_usd, status, source_id)
            SELECT (SELECT id FROM companies WHERE name = 'CoreWeave'), id, 'cloud_capacity', 5000000, 'signed', 'S00'
            FROM companies WHERE name = 'T-Other'
            """)
        _ = try db.transaction { try MoneyWeb.refresh(db) }
        let customer = "SELECT count(*) FROM concentration WHERE customer = 'T-Other'"
        #expect(try db.firstValue(customer) == .integer(1))
        try db.execute("DELETE FROM companies WHERE name = 'T-Other'")
        let named = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(named.reportIndexes.contains("concentration_index"))
        #expect(try db.firstValue(customer) == .integer(0))
        try expectCurrent(db)
    }

    /// A note or a description edited (by aikb or another client) recomputes nothing:
    /// no derived table reads those columns (`SourceSignature.unread`). The same update
    /// touching a column that is read does; so does a row a run (`sql --write`) puts
    /// under the highest id, through its created_run.
    @Test func editsOfUnreadColumnsRecomputeNothing() throws {
        let (db, _) = try seededDatabase()
        let fact = "nvidia-coreweave-2026-01-rubin-platforms"
        try db.execute(
            """
            UPDATE supply_deals SET notes = 'T-note', terms = 'T-terms' WHERE external_id = '\(fact)';
            UPDATE companies SET description = 'T-description', notes = 'T-note' WHERE name = 'NVIDIA';
            UPDATE round_investors SET notes = 'T-note' WHERE (round_id, investor_id) IN (SELECT round_id, investor_id FROM round_investors LIMIT 3);
            """)
        #expect(try db.firstValue("SELECT count(*) FROM history WHERE new_values LIKE '%T-note%'") == .integer(5))
        #expect(try MoneyWeb.isCurrent(db))
        #expect(try ReportIndexes.isCurrent("circular_financing_flows_index", in: db))
        let notes = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(!notes.recomputed)
        #expect(notes.reportIndexes.isEmpty)
        // The history rows found not to matter are not read again: each index starts its
        // next look from the newest.
        let looked = "SELECT history_id FROM report_indexes UNION ALL SELECT history_id FROM money_loop_index_state"
        let newest = try db.firstValue("SELECT max(id) FROM history") ?? .null
        #expect(try db.allRows(looked) == Array(repeating: [newest], count: 4))
        // Through aikb: the run's close refreshes. Temporary triggers count what it empties to fill again.
        try db.execute(
            """
            CREATE TEMP TABLE refills (name TEXT);
            CREATE TEMP TRIGGER loops_refilled AFTER DELETE ON main.money_loop_index BEGIN INSERT INTO refills VALUES ('loops'); END;
            CREATE TEMP TRIGGER flows_refilled AFTER DELETE ON main.circular_financing_flows_index BEGIN INSERT INTO refills VALUES ('flows'); END;
            CREATE TEMP TRIGGER activity_refilled AFTER DELETE ON main.investor_activity_index BEGIN INSERT INTO refills VALUES ('activity'); END;
            """)
        try db.transaction {
            try Runs.within(db, command: "sql --write") { _ in
                try db.execute("UPDATE funding_rounds SET round_label = 'T-label' WHERE id IN (SELECT id FROM funding_rounds LIMIT 2)")
            }
        }
        #expect(try db.firstValue("SELECT count(*) FROM history WHERE new_values LIKE '%T-label%'") == .integer(2))
        #expect(try db.firstValue("SELECT count(*) FROM refills") == .integer(0))
        try db.transaction {
            try Runs.within(db, command: "sql --write") { _ in
                try db.execute("UPDATE funding_rounds SET announced_on = '2019-01-01' WHERE id = (SELECT min(id) FROM funding_rounds)")
            }
        }
        #expect(try Set(db.strings("SELECT name FROM refills")) == ["loops", "flows", "activity"])
        try db.execute("DROP TABLE refills; DROP TRIGGER loops_refilled; DROP TRIGGER flows_refilled; DROP TRIGGER activity_refilled")
        try expectCurrent(db)

        try db.execute("UPDATE supply_deals SET notes = 'T-other', status = 'cancelled' WHERE external_id = '\(fact)'")
        #expect(try !ReportIndexes.isCurrent("circular_financing_flows_index", in: db))
        let status = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(status.recomputed)
        #expect(status.reportIndexes == ["circular_financing_flows_index", "concentration_index"])

        // Deleted outside aikb, put back under its id by a run: its created_run shows it.
        let count = "SELECT count(*) FROM circular_financing_flows WHERE fact = '\(fact)'"
        let columns = try db.columns(of: "supply_deals").filter { !$0.isGenerated && $0.name != "created_run" }.map { SQL.identifier($0.name) }
        let saved = try db.allRows("SELECT \(columns.joined(separator: ", ")) FROM supply_deals WHERE external_id = '\(fact)'")
        try db.execute("DELETE FROM supply_deals WHERE external_id = '\(fact)'")
        _ = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(try db.firstValue(count) == .integer(0))
        var values: [String: Value] = [:]
        for (position, value) in (saved.first ?? []).enumerated() { values["v\(position)"] = value }
        try db.transaction {
            try Runs.within(db, command: "sql --write") { _ in
                try db.execute(
                    "INSERT INTO supply_deals (\(columns.joined(separator: ", "))) VALUES (\(columns.indices.map { ":v\($0)" }.joined(separator: ", ")))",
                    binding: values)
            }
        }
        #expect(try db.firstValue(count) == .integer(1))
        try expectCurrent(db)
    }

    /// No statement a forced refresh prepares (the loops' and every index's) reads a
    /// column of `SourceSignature.unread`, seen by SQLite's authorizer on a fresh
    /// connection (nothing prepared before).
    @Test func noDerivedTableReadsTheColumnsEditsMayChangeFreely() throws {
        let (_, path) = try seededDatabase()
        let db = try Database(path: path)
        // Listing the tables works out every view's columns, each read once per
        // connection: done before, so that only the refresh's own statements are seen.
        _ = try db.firstValue("SELECT count(*) FROM pragma_table_list")
        // Every company with a flow has its profile kept, so that the kept sections are read.
        try db.execute("UPDATE profile_index_state SET least_flows = 1")
        var read = Set<String>()
        db.setAuthorizer { request in
            if request.action == .read, let table = request.argument1, let column = request.argument2 { read.insert("\(table).\(column)") }
            return .allow
        }
        let forced = try db.transaction { try MoneyWeb.refresh(db, force: true) }
        db.setAuthorizer(nil)
        #expect(forced.recomputed && forced.reportIndexes.count == 3 && (forced.keptProfiles ?? 0) > 100)
        #expect(read.isSuperset(of: ["supply_deals.status", "round_investors.investor_id", "companies.name", "claims.subject_id"]), "\(read.sorted())")
        let unread = Set(SourceSignature.unread.flatMap { table, columns in columns.map { "\(table).\($0)" } })
        #expect(read.isDisjoint(with: unread), "\(read.intersection(unread).sorted())")
        // Every table read is tracked by history, a vocabulary in the signature, or derived.
        let tables = Set(try db.strings("SELECT name FROM sqlite_schema WHERE type = 'table'"))
        let tracked = Set(try db.strings("SELECT name FROM history_tables"))
        let derived: Set<String> = ["company_groups", "report_indexes", "history", "runs", "history_tables"]
        let untracked = Set(read.map { String($0.prefix { $0 != "." }) }).intersection(tables).subtracting(tracked).subtracting(derived)
            .filter { !$0.hasSuffix("_index") && !$0.hasPrefix("money_loop_index") && !$0.hasPrefix("profile_index") }
        #expect(!untracked.isEmpty && untracked.isSubset(of: Set(SourceSignature.vocabularies)), "\(untracked.sorted())")
    }

    /// Changes no history row records, made with foreign keys off or to a vocabulary,
    /// still reach every derived table at the next refresh: a fact naming a company that
    /// comes later, a unit whose parent comes later, who pays in a kind of deal.
    @Test func changesOutsideHistoryStillRecompute() throws {
        let (db, _) = try seededDatabase()
        let loops = "SELECT * FROM money_loops ORDER BY loop_id"
        func expectLoopsCurrent(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let kept = try db.allRows(loops)
            _ = try db.transaction { try MoneyWeb.refresh(db, force: true) }
            #expect(try db.allRows(loops) == kept, sourceLocation: sourceLocation)
        }
        try db.execute("PRAGMA foreign_keys = OFF")
        let late = try db.firstValue("SELECT max(id) + 1000 FROM companies") ?? .null
        try db.execute(
            """
            INSERT INTO supply_deals (supplier_id, customer_id, kind, value_usd, status, source_id)
            VALUES ((SELECT id FROM companies WHERE name = 'CoreWeave'), :late, 'cloud_capacity', 5000000, 'signed', 'S00')
            """, binding: ["late": late])
        _ = try db.transaction { try MoneyWeb.refresh(db) }
        try db.execute("INSERT INTO companies (id, name, kind) VALUES (:late, 'T-Late', 'startup')", binding: ["late": late])
        let refresh = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(refresh.reportIndexes.contains("concentration_index"))
        #expect(try db.firstValue("SELECT count(*) FROM concentration WHERE customer = 'T-Late'") == .integer(1))
        try expectCurrent(db)

        let parent = try db.firstValue("SELECT max(id) + 1000 FROM companies") ?? .null
        try db.execute("UPDATE companies SET parent_id = :parent WHERE name = 'Lambda'", binding: ["parent": parent])
        _ = try db.transaction { try MoneyWeb.refresh(db) }
        try db.execute("INSERT INTO companies (id, name, kind) VALUES (:parent, 'T-Parent', 'investment_firm')", binding: ["parent": parent])
        #expect(try db.transaction { try MoneyWeb.refresh(db) }.recomputed)
        try expectCurrent(db)
        try expectLoopsCurrent()

        try db.execute("UPDATE money_flow_kinds SET category = 'financing' WHERE id = 'cloud_capacity'")
        try db.execute("UPDATE deal_kinds SET payer = 'supplier' WHERE id IN ('cloud_capacity', 'purchase', 'lease')")
        let vocabulary = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(vocabulary.recomputed)
        #expect(vocabulary.reportIndexes == ["circular_financing_flows_index", "investor_activity_index", "concentration_index"])
        try expectCurrent(db)
        try expectLoopsCurrent()
    }

    /// Each index's list of the tables it is made of is what SQLite's authorizer sees its
    /// view read, among the tables whose changes history records (a view that comes to
    /// read another table without the list saying so would go stale silently).
    @Test func eachIndexWatchesTheTablesItsViewReads() throws {
        let (db, _) = try seededDatabase()
        let tracked = Set(try db.strings("SELECT name FROM history_tables"))
        for row in try db.allRows("SELECT computed_from, reads FROM report_indexes") {
            guard case .text(let view) = row[0], case .text(let reads) = row[1] else { continue }
            var read = Set<String>()
            db.setAuthorizer { request in
                if request.action == .read, let table = request.argument1 { read.insert(table) }
                return .allow
            }
            _ = try db.prepare("SELECT * FROM \(SQL.identifier(view))")
            db.setAuthorizer(nil)
            #expect(read.contains("companies"), "\(view): \(read.sorted())")
            #expect(Set(reads.split(separator: " ").map(String.init)) == read.intersection(tracked), "\(view): reads \(read.sorted())")
        }
    }

    /// An import is a run: its close fills the indexes before the commit.
    @Test func anImportRefreshesTheIndexes() throws {
        let (db, _) = try seededDatabase()
        let pair = "SELECT deals FROM concentration WHERE provider = 'Lambda' AND customer = 'Mistral AI'"
        #expect(try db.firstValue(pair) == nil)
        let sources = "source_id,title\nT1,Test source\n"
        let deals = "deal_id,supplier,customer,kind,value_usd,status,source_id\nt-lambda-mistral,Lambda,Mistral AI,cloud_capacity,7000000,signed,T1\n"
        let result = try Importer(db: db, options: ImportOptions()).run([
            .bytes(name: "sources.csv", Array(sources.utf8)), .bytes(name: "deals.csv", Array(deals.utf8)),
        ])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(try db.firstValue(pair) == .integer(1))
        try expectCurrent(db)
    }

    /// A knowledge base made before 0013 keeps every report's rows: the migration
    /// fills the indexes (its run's refresh) from the views it renamed.
    @Test func aKnowledgeBaseBefore0013GivesTheSameRows() throws {
        let (db, _) = try database(migratedTo: 12)
        let inputs: [Importer.Input] = [
            .bytes(name: "sources.csv", Array(MoneyWebTests.sources.utf8)), .bytes(name: "companies.csv", Array(MoneyWebTests.companies.utf8)),
            .bytes(name: "rounds.csv", Array(MoneyWebTests.rounds.utf8)), .bytes(name: "investors.csv", Array(MoneyWebTests.investors.utf8)),
            .bytes(name: "deals.csv", Array(MoneyWebTests.deals.utf8)),
        ]
        #expect(try Importer(db: db, options: ImportOptions()).run(inputs).problemCount == 0)
        let reports = ["circular_financing_flows", "circular_financing", "investor_activity", "concentration", "neoclouds"]
        var before: [String: [[Value]]] = [:]
        for report in reports { before[report] = try db.allRows("SELECT * FROM \(report)") }
        #expect(before["concentration"]?.isEmpty == false && before["investor_activity"]?.isEmpty == false)

        let applied = try Migrator.embedded().migrate(db)
        #expect(applied.first?.name == "0013_report_indexes.sql")
        for report in reports {
            var now = try db.allRows("SELECT * FROM \(report)")
            var then = before[report] ?? []
            if report == "circular_financing_flows" {
                now.sort { "\($0)" < "\($1)" }
                then.sort { "\($0)" < "\($1)" }
            }
            #expect(now == then, "\(report)")
        }
        #expect(try db.firstValue("SELECT count(*) FROM circular_financing_flows_index") == .integer(Int64(before["circular_financing_flows"]?.count ?? -1)))
        #expect(try db.firstValue("PRAGMA integrity_check") == .text("ok"))
    }

    /// A report view replaced by hand (its text not as aikb wrote it) is not renamed: the
    /// migration fails on the missing computed view, names it, and leaves the knowledge
    /// base as it was. (One written as aikb writes it but with other columns fails
    /// the same way, on the count of columns.)
    @Test func aReportReplacedByHandStopsTheMigrationWhole() throws {
        let (db, embedded) = try database(migratedTo: 12)
        try db.execute("DROP VIEW investor_activity; create view investor_activity as select 'mine' as investor")
        let schemaBefore = try db.allRows("SELECT type, name, sql FROM sqlite_schema ORDER BY name")
        let error = #expect(throws: KnowledgeBaseError.self) { try Migrator(migrations: embedded).migrate(db) }
        #expect(error?.message == "Migrations/0013_report_indexes.sql: migration failed, rolled back: cannot fill the report index "
            + "investor_activity_index from investor_activity_computed: no such table: investor_activity_computed (SQLITE_ERROR)",
            "\(error?.message ?? "")")
        #expect(try db.firstValue("SELECT max(version) FROM schema_migrations") == .integer(12))
        #expect(try db.allRows("SELECT type, name, sql FROM sqlite_schema ORDER BY name") == schemaBefore)
        #expect(try db.allRows("SELECT * FROM investor_activity") == [[.text("mine")]])
        #expect(try db.firstValue("SELECT count(*) FROM circular_financing_flows") == .integer(0))
    }

    /// Migration 0015: signatures recorded in the form before it (here, a reading of
    /// the old form: companies by highest rowid, no created_run) would make every
    /// reader say the indexes are behind; after it they are current, and hold what
    /// their views compute.
    @Test func signaturesOfTheOldFormAreRecordedAgainBy0015() throws {
        let (db, embedded) = try database(migratedTo: 14)
        _ = try Seeds.load(into: db)
        let old = try db.firstValue("SELECT 'companies=' || max(id) || ',supply_deals=' || (SELECT max(id) FROM supply_deals) || '|' FROM companies")
        for table in ["report_indexes", "money_loop_index_state"] {
            try db.execute("UPDATE \(table) SET signature = :old", binding: ["old": old ?? .null])
        }
        #expect(try !MoneyWeb.isCurrent(db))
        #expect(try !ReportIndexes.isCurrent("concentration_index", in: db))
        #expect(try Migrator(migrations: embedded).migrate(db).map(\.name).first == "0015_derived_signatures.sql")
        #expect(try MoneyWeb.isCurrent(db))
        for index in ["circular_financing_flows_index", "investor_activity_index", "concentration_index"] {
            #expect(try ReportIndexes.isCurrent(index, in: db), "\(index)")
        }
        try expectCurrent(db)
    }

    /// Signatures stopped holding the newest undo run (0018): one recorded with it is
    /// filled again by the migration, so no reader says an index is behind.
    @Test func signaturesWithTheUndoRunAreRecordedAgainBy0018() throws {
        let (db, embedded) = try database(migratedTo: 17)
        _ = try Seeds.load(into: db)
        for table in ["report_indexes", "money_loop_index_state"] {
            try db.execute("UPDATE \(table) SET signature = 'runs=1,' || signature")
        }
        #expect(try !MoneyWeb.isCurrent(db))
        #expect(try !ReportIndexes.isCurrent("concentration_index", in: db))
        #expect(try Migrator(migrations: embedded.filter { $0.version <= 18 }).migrate(db).map(\.name) == ["0018_undo_seen_by_its_rows.sql"])
        #expect(try MoneyWeb.isCurrent(db))
        for index in ["circular_financing_flows_index", "investor_activity_index", "concentration_index"] {
            #expect(try ReportIndexes.isCurrent(index, in: db), "\(index)")
        }
        #expect(try db.firstValue("SELECT count(*) FROM report_indexes WHERE signature LIKE 'runs=%'") == .integer(0))
        try expectCurrent(db)
    }

    /// Migration 0014 rewrote how neoclouds finds NVIDIA's investees: the seeds give the
    /// same rows in the same order as the view before it.
    @Test func neocloudsGivesTheSameRowsAsBefore0014() throws {
        let (db, embedded) = try database(migratedTo: 13)
        _ = try Seeds.load(into: db)
        let before = try db.allRows("SELECT * FROM neoclouds")
        #expect(before.count > 5)
        #expect(try Migrator(migrations: embedded.filter { $0.version <= 14 }).migrate(db).map(\.name) == ["0014_neoclouds_investees_once.sql"])
        #expect(try db.allRows("SELECT * FROM neoclouds") == before)
        #expect(try db.firstValue("SELECT sql LIKE '%investees AS MATERIALIZED%' FROM sqlite_schema WHERE name = 'neoclouds'") == .integer(1))
    }

    /// An undo puts deleted rows back under their old ids, which moves no highest id and
    /// leaves no history row: the indexes see the undo run itself. A row another client
    /// inserts under the highest id leaves no trace at all: `refresh(force:)` (`aikb
    /// report refresh --force`) fills everything again.
    @Test func anUndoAndAForcedRefreshBringTheIndexesLevel() throws {
        let (db, _) = try seededDatabase()
        let fact = "nvidia-coreweave-2026-01-rubin-platforms"
        let count = "SELECT count(*) FROM circular_financing_flows WHERE fact = '\(fact)'"
        #expect(try db.firstValue(count) == .integer(1))
        let columns = try db.columns(of: "supply_deals").filter { !$0.isGenerated }.map { SQL.identifier($0.name) }
        let saved = try db.allRows("SELECT \(columns.joined(separator: ", ")) FROM supply_deals WHERE external_id = '\(fact)'")
        let run = try db.transaction {
            try Runs.within(db, command: "sql --write") { run in
                try db.execute("DELETE FROM supply_deals WHERE external_id = '\(fact)'")
                return run
            }
        }
        #expect(try db.firstValue(count) == .integer(0))
        // Only what deals make is filled again: investor_activity keeps a row no
        // computation gives.
        try db.execute("INSERT INTO investor_activity_index (investor) VALUES ('T-Marker')")
        _ = try Undo.undo(run: run, in: db)
        #expect(try db.firstValue(count) == .integer(1))
        #expect(try db.firstValue("SELECT count(*) FROM investor_activity_index WHERE investor = 'T-Marker'") == .integer(1))
        try db.execute("DELETE FROM investor_activity_index WHERE investor = 'T-Marker'")
        try expectCurrent(db)

        // Outside aikb, the same delete and a re-insert under the same id.
        try db.execute("DELETE FROM supply_deals WHERE external_id = '\(fact)'")
        #expect(try db.transaction { try MoneyWeb.refresh(db) }.reportIndexes.contains("circular_financing_flows_index"))
        let placeholders = columns.indices.map { ":v\($0)" }.joined(separator: ", ")
        var values: [String: Value] = [:]
        for (position, value) in (saved.first ?? []).enumerated() { values["v\(position)"] = value }
        try db.execute("INSERT INTO supply_deals (\(columns.joined(separator: ", "))) VALUES (\(placeholders))", binding: values)
        #expect(try db.firstValue(count) == .integer(0))  // unseen: no id moved, no history
        #expect(try db.transaction { try MoneyWeb.refresh(db) }.reportIndexes.isEmpty)
        let forced = try db.transaction { try MoneyWeb.refresh(db, force: true) }
        #expect(forced.recomputed)
        #expect(forced.reportIndexes == ["circular_financing_flows_index", "investor_activity_index", "concentration_index"])
        #expect(try db.firstValue(count) == .integer(1))
        try expectCurrent(db)
    }

    /// The reports' columns are declared as their computed views' are, so a value
    /// compares the same way through either (text against an INTEGER column, NOCASE names).
    @Test func theIndexedReportsCompareValuesAsTheirViewsDo() throws {
        let (db, _) = try seededDatabase()
        for (report, computed) in try indexedReports(db) {
            let declared = "SELECT name, type FROM pragma_table_info(:view)"
            #expect(try db.allRows(declared, binding: ["view": .text(report)]) == db.allRows(declared, binding: ["view": .text(computed)]),
                    "\(report)")
        }
        let amount = try #require(try db.firstValue("SELECT amount_usd FROM circular_financing_flows_computed WHERE amount_usd > 0 LIMIT 1"))
        guard case .integer(let usd) = amount else { Issue.record("\(amount)"); return }
        let asText = "SELECT count(*) FROM %@ WHERE amount_usd = '\(usd)'"
        let viaIndex = try db.firstValue(asText.replacingOccurrences(of: "%@", with: "circular_financing_flows"))
        #expect(viaIndex == (try db.firstValue(asText.replacingOccurrences(of: "%@", with: "circular_financing_flows_computed"))))
        #expect(viaIndex != .integer(0))
    }
}
