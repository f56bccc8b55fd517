@testable import KnowledgeBase
import Query
import SQLite
import Testing

/// The profile index (migration 0019): the investments, flows and sources of the
/// companies with most flows, kept by aikb and read by their profile while current.
@Suite struct ProfileIndexTests {
    /// A seeded knowledge base whose every company with a flow has its profile kept.
    func keptEverywhere() throws -> (Database, CompanyNames) {
        let db = try seededDatabase()
        try db.execute("UPDATE profile_index_state SET least_flows = 1")
        let refresh = try db.transaction { try MoneyWeb.refresh(db, force: true) }
        #expect((refresh.keptProfiles ?? 0) > 100)
        return (db, try CompanyNames(db: db))
    }

    /// The rows of `section` of the company's profile, and the tables its statement reads.
    func section(_ name: String, of company: CompanyNames.Company, limit: Int? = nil, in db: Database) throws
        -> (rows: [[Value]], reads: Set<String>)
    {
        let statement = try CompanyProfile.sections(of: company, only: name, limit: limit, in: db)[0].statement
        // What the statement reads, seen by preparing its SQL again (the profile's own
        // look at whether the index is current reads the knowledge tables too).
        var read = Set<String>()
        db.setAuthorizer { request in
            if request.action == .read, let table = request.argument1 { read.insert(table) }
            return .allow
        }
        defer { db.setAuthorizer(nil) }
        _ = try db.prepare(statement.sql)
        db.setAuthorizer(nil)
        return (try rows(statement), read)
    }

    /// Every kept section of every company gives the rows its statement computes, whole
    /// and cut short, read from the index alone.
    @Test func keptSectionsHoldWhatTheirStatementsCompute() throws {
        let live = try seededDatabase()
        let liveNames = try CompanyNames(db: live)
        #expect(try live.firstValue("SELECT count(*) FROM profile_index") == .integer(0))  // the seeds have no hub
        let (db, names) = try keptEverywhere()
        let kept = try db.strings("SELECT c.name FROM profile_index p JOIN companies c ON c.id = p.company_id ORDER BY c.id")
        #expect(kept.contains("NVIDIA") && kept.contains("NVentures") && kept.contains("Microsoft Azure"))
        for name in kept {
            let company = try names.resolve(name).company
            #expect(try ProfileIndex.keptSections(for: company.id, in: db), "\(name)")
            let computed = try liveNames.resolve("#\(company.id)").company
            for section in ProfileIndex.sections {
                for limit in [nil, 3] as [Int?] {
                    let (rows, reads) = try self.section(section, of: company, limit: limit, in: db)
                    #expect(rows == (try self.section(section, of: computed, limit: limit, in: live).rows), "\(name): \(section)")
                    #expect(reads == [ProfileIndex.table(of: section)], "\(name): \(section) read \(reads.sorted())")
                }
            }
        }
        // A company below the threshold computes its sections.
        let lambda = try names.resolve("Lambda").company
        try db.execute("UPDATE profile_index_state SET least_flows = 1000000")
        _ = try db.transaction { try MoneyWeb.refresh(db, force: true) }
        #expect(try !ProfileIndex.keptSections(for: lambda.id, in: db))
        #expect(try section("flows", of: lambda, in: db).reads.contains("supply_deals"))
    }

    /// An import is a run: its close fills the kept profiles again before the commit.
    @Test func anImportKeepsTheProfileCurrent() throws {
        let (db, names) = try keptEverywhere()
        let nvidia = try names.resolve("NVIDIA").company
        let deals = """
            deal_id,supplier,customer,kind,value_usd,status,source_id
            t-nvidia-lambda,NVIDIA,Lambda,purchase,123000000,signed,S00
            """
        let result = try Importer(db: db, options: ImportOptions()).run([.bytes(name: "deals.csv", Array(deals.utf8))])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(try ProfileIndex.keptSections(for: nvidia.id, in: db))
        let flows = try section("flows", of: nvidia, in: db)
        #expect(flows.reads == ["profile_index_flows"])
        let lambda = flows.rows.first { $0[0] == .text("in") && $0[1] == .text("Lambda") }
        #expect(lambda?[2] == .text("purchase"), "\(String(describing: lambda))")
    }

    /// A change made outside aikb is not in the index until the next refresh: the
    /// profile computes the sections meanwhile, and shows it.
    @Test func aChangeOutsideAikbIsComputedUntilTheRefresh() throws {
        let (db, names) = try keptEverywhere()
        let nvidia = try names.resolve("NVIDIA").company
        try db.execute(
            """
            INSERT INTO supply_deals (supplier_id, customer_id, kind, value_usd, status, source_id)
            VALUES (:id, (SELECT id FROM companies WHERE name = 'Mistral AI'), 'purchase', 77000000, 'signed', 'S00')
            """, binding: ["id": .integer(nvidia.id)])
        #expect(try !ProfileIndex.keptSections(for: nvidia.id, in: db))
        let computed = try section("flows", of: nvidia, in: db)
        #expect(computed.reads.contains("supply_deals"))
        let mistral = computed.rows.first { $0[0] == .text("in") && $0[1] == .text("Mistral AI") }
        #expect(mistral?[2] == .text("purchase"), "\(String(describing: mistral))")
        #expect(try db.transaction { try MoneyWeb.refresh(db) }.keptProfiles != nil)
        let kept = try section("flows", of: nvidia, in: db)
        #expect(kept.reads == ["profile_index_flows"] && kept.rows == computed.rows)
    }

    /// A unit added under a kept company, or deleted, changes no signature (nothing names
    /// it) but its profile's sources: the index is filled again, and read only when its
    /// units are the ones it was filled with.
    @Test func aNewUnitOfAKeptCompanyIsCited() throws {
        let (db, names) = try keptEverywhere()
        let nvidia = try names.resolve("NVIDIA").company
        try db.transaction {
            try Runs.within(db, command: "sql --write") { _ in
                try db.execute("INSERT INTO sources (id, title, kind) VALUES ('T-S', 'A unit''s source', 'filing')")
            }
        }
        #expect(try ProfileIndex.keptSections(for: nvidia.id, in: db))
        // Added outside a run: computed.
        try db.execute(
            """
            INSERT INTO companies (name, kind, parent_id, source_id)
            VALUES ('T-Unit', 'big_tech', (SELECT id FROM companies WHERE name = 'NVIDIA'), 'T-S')
            """)
        #expect(try !ProfileIndex.keptSections(for: nvidia.id, in: db))
        let computed = try section("sources", of: nvidia, in: db)
        #expect(computed.rows.contains { $0[0] == .text("T-S") })
        // The next close keeps it.
        #expect(try db.transaction { try MoneyWeb.refresh(db) }.keptProfiles != nil)
        let kept = try section("sources", of: nvidia, in: db)
        #expect(kept.reads == ["profile_index_sources"] && kept.rows == computed.rows)
        // Deleted in a run: its close fills the index again without it.
        try db.transaction {
            try Runs.within(db, command: "sql --write") { _ in try db.execute("DELETE FROM companies WHERE name = 'T-Unit'") }
        }
        let after = try section("sources", of: nvidia, in: db)
        #expect(after.reads == ["profile_index_sources"])
        #expect(!after.rows.contains { $0[0] == .text("T-S") })
    }

    /// The list of tables the index watches is what SQLite's authorizer sees the kept
    /// sections' statements read, among the tables history tracks (a section that comes to
    /// read another table without the list saying so would go stale silently).
    @Test func theIndexWatchesTheTablesItsSectionsRead() throws {
        let db = try seededDatabase()
        let tracked = Set(try db.strings("SELECT name FROM history_tables"))
        var read = Set<String>()
        db.setAuthorizer { request in
            if request.action == .read, let table = request.argument1 { read.insert(table) }
            return .allow
        }
        for name in ProfileIndex.sections { _ = try db.prepare(ProfileSection.named(name)?.sql() ?? "") }
        db.setAuthorizer(nil)
        #expect(read.intersection(tracked) == Set(ProfileIndex.reads), "\(read.sorted())")
    }

    /// Every kept section holds what its statement computes now, and the companies kept
    /// are those the full choice picks, with its counts.
    func expectLevel(_ db: Database, after write: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let chosen = try db.allRows(ProfileIndex.chosen, binding: ["least": .integer(1)])
        #expect(try db.allRows("SELECT company_id, flows FROM profile_index ORDER BY company_id") == chosen,
                "\(write): kept companies", sourceLocation: sourceLocation)
        for row in chosen {
            guard case .integer(let id) = row[0] else { continue }
            #expect(try ProfileIndex.keptSections(for: id, in: db), "\(write): #\(id) not current", sourceLocation: sourceLocation)
            for name in ProfileIndex.sections {
                let computed = try db.allRows(ProfileSection.named(name)?.sql() ?? "", binding: ["id": .integer(id)])
                let kept = try db.allRows(ProfileIndex.keptSQL(of: name, limit: nil, in: db), binding: ["id": .integer(id)])
                let same = kept == computed  // not printed whole when they differ
                #expect(same, "\(write): #\(id) \(name): \(kept.count) rows kept, \(computed.count) computed",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// Each kind of write a knowledge base gets, one after the other, through a run: after
    /// each, every kept profile reads as computed, and the companies kept are those the
    /// full choice picks (inserts, updates and deletes of each fact, both sides of a
    /// moved deal, a round's status reaching its investors, a company crossing the
    /// threshold and falling back, a unit added, a rename, a source retitled).
    @Test func everyKindOfWriteLeavesEveryKeptProfileAsComputed() throws {
        let (db, _) = try keptEverywhere()
        let writes = [
            ("a new deal", """
                INSERT INTO supply_deals (supplier_id, customer_id, kind, value_usd, status, source_id)
                VALUES ((SELECT id FROM companies WHERE name = 'NVIDIA'), (SELECT id FROM companies WHERE name = 'Lambda'),
                        'purchase', 5000000, 'signed', 'S00')
                """),
            ("a deal's customer changed", """
                UPDATE supply_deals SET customer_id = (SELECT id FROM companies WHERE name = 'Mistral AI')
                WHERE id = (SELECT max(id) FROM supply_deals)
                """),
            ("a deal's value", "UPDATE supply_deals SET value_usd = 6000000 WHERE id = (SELECT max(id) FROM supply_deals)"),
            ("a deal deleted", "DELETE FROM supply_deals WHERE id = (SELECT max(id) FROM supply_deals)"),
            ("a relationship deleted", "DELETE FROM relationships WHERE id = (SELECT min(id) FROM relationships)"),
            ("a participation added", """
                INSERT INTO round_investors (round_id, investor_id, source_id)
                SELECT r.id, (SELECT id FROM companies WHERE name = 'Oracle'), r.source_id FROM funding_rounds r
                WHERE r.company_id = (SELECT id FROM companies WHERE name = 'OpenAI')
                  AND NOT EXISTS (SELECT 1 FROM round_investors ri WHERE ri.round_id = r.id
                                  AND ri.investor_id = (SELECT id FROM companies WHERE name = 'Oracle'))
                ORDER BY r.id LIMIT 1
                """),
            ("a participation's amount", """
                UPDATE round_investors SET amount_usd = 1234567
                WHERE investor_id = (SELECT id FROM companies WHERE name = 'Oracle')
                """),
            ("a participation deleted", """
                DELETE FROM round_investors WHERE (round_id, investor_id) =
                    (SELECT round_id, investor_id FROM round_investors ORDER BY round_id, investor_id LIMIT 1)
                """),
            ("a round's status", """
                UPDATE funding_rounds SET status = 'announced'
                WHERE id = (SELECT round_id FROM round_investors GROUP BY round_id ORDER BY count(*) DESC, round_id LIMIT 1)
                """),
            ("a round deleted with its participations", """
                DELETE FROM funding_rounds
                WHERE id = (SELECT round_id FROM round_investors GROUP BY round_id ORDER BY count(*) DESC, round_id LIMIT 1 OFFSET 1)
                """),
            ("a claim added", """
                INSERT INTO claims (id, subject_id, counterparty_id, metric, value_text, statement, status, source_id)
                VALUES ('T-C1', (SELECT id FROM companies WHERE name = 'CoreWeave'),
                        (SELECT id FROM companies WHERE name = 'Microsoft'), 'revenue_share', '60%', 'A share.', 'stated', 'S00')
                """),
            ("a claim's counterparty", """
                UPDATE claims SET counterparty_id = (SELECT id FROM companies WHERE name = 'OpenAI') WHERE id = 'T-C1'
                """),
            ("a company with no flow gets one", """
                INSERT INTO companies (name, kind, source_id) VALUES ('T-Newcomer', 'startup', 'S00');
                INSERT INTO supply_deals (supplier_id, customer_id, kind, value_usd, status, source_id)
                VALUES ((SELECT id FROM companies WHERE name = 'T-Newcomer'), (SELECT id FROM companies WHERE name = 'OpenAI'),
                        'purchase', 1000000, 'signed', 'S00')
                """),
            ("and loses it", "DELETE FROM supply_deals WHERE supplier_id = (SELECT id FROM companies WHERE name = 'T-Newcomer')"),
            ("a unit under a kept company, with a deal", """
                INSERT INTO companies (name, kind, parent_id, source_id)
                VALUES ('T-Unit', 'big_tech', (SELECT id FROM companies WHERE name = 'Microsoft'), 'S00');
                INSERT INTO supply_deals (supplier_id, customer_id, kind, value_usd, status, source_id)
                VALUES ((SELECT id FROM companies WHERE name = 'T-Unit'), (SELECT id FROM companies WHERE name = 'Lambda'),
                        'purchase', 2000000, 'signed', 'S00')
                """),
            ("a company renamed", "UPDATE companies SET name = 'Lambda Labs' WHERE name = 'Lambda'"),
            ("a source retitled", "UPDATE sources SET title = 'Retitled' WHERE id = 'S00'"),
            ("notes alone", "UPDATE supply_deals SET notes = 'noted' WHERE id = (SELECT min(id) FROM supply_deals)"),
        ]
        for (name, sql) in writes {
            try db.transaction {
                try Runs.within(db, command: "sql --write") { _ in
                    try db.execute(sql)
                    #expect(db.changes > 0, "\(name) changed nothing")
                }
            }
            try expectLevel(db, after: name)
        }
    }

    /// A write refills the kept profiles it reaches and leaves the others as they were:
    /// a deal between CoreWeave and OpenAI refills theirs and their parents', not
    /// NVIDIA's; a rename may show anywhere, and refills every one. (Marks put into
    /// every kept row by hand show which rows were written again.)
    @Test func aWriteRefillsOnlyTheProfilesItReaches() throws {
        let (db, names) = try keptEverywhere()
        let parties = [try names.resolve("CoreWeave").company.id, try names.resolve("OpenAI").company.id]
        func markEveryRow() throws {
            try db.execute("UPDATE profile_index_flows SET counterparty = counterparty || ' (marked)'")
        }
        func unmarked() throws -> Set<Int64> {
            Set(try db.allRows("SELECT DISTINCT company_id FROM profile_index_flows WHERE counterparty NOT LIKE '% (marked)'")
                .compactMap { if case .integer(let id) = $0[0] { id } else { nil } })
        }
        let reached = Set(try db.allRows("SELECT company_id, members FROM profile_index").compactMap { row -> Int64? in
            guard case .integer(let id) = row[0], case .text(let members) = row[1] else { return nil }
            return members.split(separator: ",").contains { parties.contains(Int64($0) ?? 0) } ? id : nil
        })
        #expect(reached.count >= 2 && reached.count < 20, "\(reached)")
        try markEveryRow()
        try db.transaction {
            try Runs.within(db, command: "import") { _ in
                try db.execute(
                    """
                    INSERT INTO supply_deals (supplier_id, customer_id, kind, value_usd, status, source_id)
                    VALUES (:supplier, :customer, 'cloud_capacity', 7000000, 'signed', 'S00')
                    """, binding: ["supplier": .integer(parties[0]), "customer": .integer(parties[1])])
            }
        }
        #expect(try unmarked() == reached)
        try markEveryRow()
        try db.transaction {
            try Runs.within(db, command: "sql --write") { _ in
                try db.execute("UPDATE companies SET name = 'Lambda Labs' WHERE name = 'Lambda'")
            }
        }
        #expect(try unmarked() == Set(try db.allRows("SELECT DISTINCT company_id FROM profile_index_flows")
            .compactMap { if case .integer(let id) = $0[0] { id } else { nil } }))
    }
}
