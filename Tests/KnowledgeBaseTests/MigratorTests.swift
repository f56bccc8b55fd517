import KnowledgeBase
import SQLite
import Testing
import Support

@Suite struct MigratorTests {
    func migrations(_ files: [(String, String)]) throws -> Migrator {
        try Migrator(migrations: files.map { try Migration(name: $0.0, sql: $0.1) })
    }

    let one = ("0001_a.sql", "CREATE TABLE a (x INTEGER);")
    let two = ("0002_b.sql", "CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2);")
    let three = ("0003_c.sql", "ALTER TABLE a ADD COLUMN z TEXT;")

    func versions(_ db: Database) throws -> [[Value]] {
        try db.allRows("SELECT version, name FROM schema_migrations ORDER BY version")
    }

    @Test func appliesInOrderAndRecordsEach() throws {
        let db = try Database(path: ":memory:")
        let applied = try migrations([three, one, two]).migrate(db)
        #expect(applied.map(\.name) == ["0001_a.sql", "0002_b.sql", "0003_c.sql"])
        #expect(try versions(db) == [[1, "0001_a.sql"], [2, "0002_b.sql"], [3, "0003_c.sql"]])
        #expect(try db.firstValue("SELECT count(*) FROM a") == .integer(1))
        #expect(try migrations([one, two, three]).migrate(db).isEmpty)
        let checksum = try db.firstValue("SELECT checksum FROM schema_migrations WHERE version = 1")
        #expect(checksum == .text(SHA256.hex(one.1)))
    }

    @Test func statusListsAppliedAndPending() throws {
        let db = try Database(path: ":memory:")
        try migrations([one]).migrate(db)
        let status = try migrations([one, two]).status(of: db)
        #expect(status.map(\.migration.name) == ["0001_a.sql", "0002_b.sql"])
        if case .applied = status[0].state {} else { Issue.record("0001 should be applied") }
        #expect(status[1].state == .pending)
    }

    @Test func aChangedAppliedMigrationIsRefused() throws {
        let db = try Database(path: ":memory:")
        try migrations([one]).migrate(db)
        let edited = ("0001_a.sql", "CREATE TABLE a (x INTEGER, extra TEXT);")
        let error = #expect(throws: KnowledgeBaseError.self) { try migrations([edited, two]).migrate(db) }
        #expect(error?.message.contains("Migrations/0001_a.sql: changed after it was applied") == true)
        #expect(try versions(db).count == 1)
        #expect(try db.firstValue("SELECT count(*) FROM sqlite_schema WHERE name = 'b'") == .integer(0))
    }

    @Test func aFailingMigrationLeavesThePreviousVersion() throws {
        let db = try Database(path: ":memory:")
        try migrations([one]).migrate(db)
        let broken = ("0002_b.sql", "CREATE TABLE b (y INTEGER);\nINSERT INTO nowhere VALUES (1);")
        let error = #expect(throws: KnowledgeBaseError.self) { try migrations([one, broken]).migrate(db) }
        // Line 2 is the failing statement; SQLite 3.40 names no token for this error.
        #expect(error?.message.hasPrefix("Migrations/0002_b.sql:2:") == true)
        #expect(error?.message.hasSuffix(": migration failed, rolled back: no such table: nowhere (SQLITE_ERROR)") == true)
        #expect(try versions(db) == [[1, "0001_a.sql"]])
        #expect(try db.firstValue("SELECT count(*) FROM sqlite_schema WHERE name = 'b'") == .integer(0))
    }

    @Test func aMissingOrOutOfOrderFileIsRefused() throws {
        #expect(throws: KnowledgeBaseError.self) { try migrations([one, three]) }  // 0002 missing
        let db = try Database(path: ":memory:")
        try migrations([one, two]).migrate(db)
        let error = #expect(throws: KnowledgeBaseError.self) { try migrations([one]).migrate(db) }
        #expect(error?.message.contains("newer than this aikb knows") == true)
        // A history with a hole: 0002 recorded as applied without 0001's record.
        let holey = try Database(path: ":memory:")
        try migrations([one, two]).migrate(holey)
        try holey.execute("DELETE FROM schema_migrations WHERE version = 1")
        let outOfOrder = #expect(throws: KnowledgeBaseError.self) { try migrations([one, two]).migrate(holey) }
        #expect(outOfOrder?.message.contains("Migrations/0001_a.sql: pending, but the newer 0002_b.sql is already applied") == true)
    }

    @Test func aNewerDatabaseIsNotTouched() throws {
        let db = try Database(path: ":memory:")
        try migrations([one, two, three]).migrate(db)
        let before = try db.allRows("SELECT * FROM schema_migrations")
        let error = #expect(throws: KnowledgeBaseError.self) { try migrations([one, two]).migrate(db) }
        #expect(error?.category == .schemaMismatch)
        #expect(try db.allRows("SELECT * FROM schema_migrations") == before)
    }

    @Test func badFileNamesAreRefused() {
        #expect(throws: KnowledgeBaseError.self) { try Migration(name: "1_a.sql", sql: "") }
        #expect(throws: KnowledgeBaseError.self) { try Migration(name: "0001-a.sql", sql: "") }
    }

    @Test func embeddedMigrationsApplyToAFreshDatabase() throws {
        let db = try Database(path: ":memory:")
        let migrator = try Migrator.embedded()
        #expect(!migrator.migrations.isEmpty)
        try migrator.migrate(db)
        #expect(try migrator.isUpToDate(db))
        for table in ["sources", "companies", "company_aliases", "sectors", "funding_rounds", "round_investors",
                      "supply_deals", "relationships", "claims", "import_log"] {
            #expect(try db.firstValue("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = :name", binding: ["name": .text(table)]) == .integer(1), "\(table)")
        }
    }

    /// The checksums computed at build time are the checksums of the embedded text:
    /// databases migrated before they were precomputed still match.
    @Test func embeddedChecksumsAreTheTextsChecksums() throws {
        for migration in try Migrator.embedded().migrations {
            #expect(migration.checksum == SHA256.hex(migration.sql), "\(migration.name)")
        }
    }
}
