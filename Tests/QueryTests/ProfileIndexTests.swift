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
}
