@testable import KnowledgeBase
import SQLite
import Testing

@Suite struct DeferredTriggersTests {
    /// A bulk import defers the created_run triggers of its tables; at its end the
    /// rows it inserted without a run get the run in a rowid table, rows older than the
    /// history keep none, and the triggers are back as they were.
    @Test func createdRunIsCaughtUpForTheRunsRowsOnly() throws {
        let db = try migratedDatabase()
        let trigger = "SELECT sql FROM sqlite_schema WHERE name = 'companies_created_run'"
        let before = try db.firstValue(trigger)
        // Outside any run: the trigger finds no open run, the row keeps no run.
        try db.execute("INSERT INTO companies (name) VALUES ('Older Than History')")
        try db.inTransaction(.immediate) {
            let run = try Runs.open(db, command: "test")
            let deferred = try DeferredTriggers(of: ["companies", "company_aliases"], in: db)
            #expect(try db.firstValue(trigger) == nil)
            // A table without rowid's too: its rows are the importers', which name their run.
            #expect(try db.firstValue("SELECT count(*) FROM sqlite_schema WHERE name = 'company_aliases_created_run'") == .integer(0))
            try db.execute("INSERT INTO companies (name) VALUES ('Stamped Later')")
            try db.execute("INSERT INTO companies (name, created_run) VALUES ('Named Its Run', \(run))")
            #expect(try db.firstValue("SELECT created_run FROM companies WHERE name = 'Stamped Later'") == .null)
            try deferred.restore(run: run, in: db)
            #expect(try db.allRows("SELECT name, created_run FROM companies WHERE name IN ('Older Than History', 'Stamped Later', 'Named Its Run') ORDER BY id")
                == [[.text("Older Than History"), .null], [.text("Stamped Later"), .integer(run)], [.text("Named Its Run"), .integer(run)]])
            try Runs.close(db, run)
            return .commit
        }
        #expect(try db.firstValue(trigger) == before)
        #expect(try db.firstValue("SELECT count(*) FROM sqlite_schema WHERE name = 'company_aliases_created_run'") == .integer(1))
    }

    /// Every import, bulk or not, defers the created_run triggers of the tables it
    /// writes, so each row an importer writes to a table without rowid must name its run
    /// itself (a rowid table's are caught up). After the seeds (Epoch's files among them)
    /// and a Crunchbase export, imported the normal way, no row of any tracked table is
    /// without a run, each import's run has rows, and the triggers are all back.
    @Test func everyRowANormalImportWritesHasItsRun() throws {
        let db = try migratedDatabase()
        let triggers = "SELECT group_concat(name || sql, ';') FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)"
        let before = try db.firstValue(triggers)
        _ = try Seeds.load(into: db)
        var options = ImportOptions()
        options.createMissing = true
        let crunchbase = try importFiles(db, ["organizations", "funding_rounds", "investments"].map { corpus + "/crunchbase/\($0).csv" }, options: options)
        #expect(crunchbase.problemCount == 0, "\(crunchbase.problems)")
        #expect(try db.firstValue(triggers) == before)
        let tables = try db.strings("SELECT name FROM history_tables ORDER BY name")
        #expect(tables.count >= 19)
        for table in tables {
            #expect(try db.firstValue("SELECT count(*) FROM \(SQL.identifier(table)) WHERE created_run IS NULL") == .integer(0), "\(table)")
        }
        let run = try #require(crunchbase.run)
        for table in ["companies", "company_external_ids", "funding_rounds", "round_investors"] {
            #expect(try db.firstValue("SELECT count(*) > 0 FROM \(table) WHERE created_run = \(run)") == .integer(1), "\(table)")
        }
    }

    /// Crunchbase's three files write two tables without rowid (company_external_ids,
    /// round_investors), whose created_run triggers a bulk import defers with no catch-up:
    /// every row must still name its run, as the normal import's triggers would see to.
    @Test func aBulkCrunchbaseImportEndsAsTheNormalOne() throws {
        let files = ["organizations", "funding_rounds", "investments"].map { corpus + "/crunchbase/\($0).csv" }
        var options = ImportOptions()
        options.createMissing = true
        let normal = try fixtureDatabase()
        #expect(try importFiles(normal, files, options: options).problemCount == 0)
        options.bulkThreshold = 0
        let bulk = try fixtureDatabase()
        #expect(try importFiles(bulk, files, options: options).problemCount == 0)
        #expect(try fingerprint(bulk, excluding: logTables) == fingerprint(normal, excluding: logTables))
        for table in ["company_external_ids", "round_investors"] {
            #expect(try bulk.firstValue("SELECT count(*) FROM \(table) WHERE created_run IS NULL") == .integer(0), "\(table)")
            #expect(try bulk.firstValue("SELECT count(*) FROM \(table) WHERE created_run = (SELECT max(id) FROM runs)") != .integer(0), "\(table)")
        }
    }
}
