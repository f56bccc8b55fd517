import SQLite
import Testing

@Suite struct ErrorTests {
    @Test func syntaxErrorCarriesCodeMessageSQLAndOffset() throws {
        let db = try Database(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try db.prepare("SELEC name FROM companies") }
        #expect(error?.code == 1)
        #expect(error?.codeName == "SQLITE_ERROR")
        #expect(error?.message == "near \"SELEC\": syntax error")
        #expect(error?.sql == "SELEC name FROM companies")
        #expect(error?.offset == 0)
        #expect(
            error?.description
                == "SQL error (SQLITE_ERROR): near \"SELEC\": syntax error, at offset 0 of: SELEC name FROM companies")
    }

    @Test func offsetPointsIntoTheWholeScript() throws {
        let db = try Database(path: ":memory:")
        let script = "CREATE TABLE a (x);\nSELECT nope FROM a;"
        let error = #expect(throws: SQLiteError.self) { try db.execute(script) }
        #expect(error?.message == "no such column: nope")
        #expect(error?.sql == script)
        #expect(error?.offset == script.utf8.count - "nope FROM a;".utf8.count)
    }

    @Test func constraintErrorsCarryTheExtendedCode() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)")
        try db.execute("INSERT INTO t (name) VALUES ('a')")
        let unique = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t (name) VALUES ('a')") }
        #expect(unique?.code == 19)
        #expect(unique?.extendedCodeName == "SQLITE_CONSTRAINT_UNIQUE")
        #expect(unique?.message == "UNIQUE constraint failed: t.name")
        let notNull = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t (name) VALUES (NULL)") }
        #expect(notNull?.extendedCodeName == "SQLITE_CONSTRAINT_NOTNULL")
    }

    @Test func foreignKeysAreEnforced() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id))")
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO c VALUES (42)") }
        #expect(error?.extendedCodeName == "SQLITE_CONSTRAINT_FOREIGNKEY")
    }

    @Test func prepareRefusesASecondStatement() throws {
        let db = try Database(path: ":memory:")
        #expect(throws: SQLiteError.self) { try db.prepare("SELECT 1; SELECT 2") }
        #expect(throws: SQLiteError.self) { try db.prepare("  -- only a comment") }
        #expect(try db.prepare("SELECT 1; -- trailing comment\n").columnCount == 1)
    }

    @Test func codeNames() {
        #expect(SQLiteError.name(of: 5) == "SQLITE_BUSY")
        #expect(SQLiteError.name(of: 2067) == "SQLITE_CONSTRAINT_UNIQUE")
        #expect(SQLiteError.name(of: 26) == "SQLITE_NOTADB")
    }
}
