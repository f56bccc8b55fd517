import SQLite
import Testing

@Suite struct ErrorTests {
    @Test func syntaxErrorCarriesCodeMessageSQLAndOffset() throws {
        let db = try Database(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try db.prepare("SELEC name FROM companies") }
        #expect(error?.code == .SQLITE_ERROR)
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
        #expect(unique?.code == .SQLITE_CONSTRAINT_UNIQUE)
        #expect(unique?.code.primary == .SQLITE_CONSTRAINT)
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
        #expect(ResultCode.SQLITE_BUSY.name == "SQLITE_BUSY")
        #expect(ResultCode(rawValue: 2067).name == "SQLITE_CONSTRAINT_UNIQUE")
        #expect(ResultCode.SQLITE_NOTADB.rawValue == 26)
        #expect(ResultCode(rawValue: 99 << 8 | 10).name == "SQLITE_IOERR_99")  // unknown extended code
    }

    /// A primary code as a pattern matches its extended codes; an extended code only itself.
    @Test func primaryCodesMatchTheirExtendedCodes() {
        func family(_ code: ResultCode) -> String {
            switch code {
            case .SQLITE_CONSTRAINT_UNIQUE: "unique"
            case .SQLITE_CONSTRAINT: "constraint"
            case .SQLITE_BUSY, .SQLITE_LOCKED: "busy"
            default: "other"
            }
        }
        #expect(family(.SQLITE_CONSTRAINT_UNIQUE) == "unique")
        #expect(family(.SQLITE_CONSTRAINT_NOTNULL) == "constraint")
        #expect(family(.SQLITE_CONSTRAINT) == "constraint")
        #expect(family(ResultCode(rawValue: 5 | 1 << 8)) == "busy")  // SQLITE_BUSY_RECOVERY
        #expect(family(.SQLITE_ERROR) == "other")
        #expect(!(ResultCode.SQLITE_CONSTRAINT_UNIQUE ~= .SQLITE_CONSTRAINT))
    }
}
