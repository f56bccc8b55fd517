@testable import KnowledgeBase
import SQLite
import Testing

@Suite struct DeferredTriggersTests {
    /// A bulk import defers the created_run triggers of rowid tables; at its end the
    /// rows it inserted without a run get the run, rows older than the history keep
    /// none, and the triggers are back as they were.
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
            // The table without rowid keeps its trigger.
            #expect(try db.firstValue("SELECT count(*) FROM sqlite_schema WHERE name = 'company_aliases_created_run'") == .integer(1))
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
    }
}
