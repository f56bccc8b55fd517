import Foundation
import Testing

/// Commands that only read never create, migrate or write an existing file, and a
/// file that is not an aikb knowledge base, or is crafted or damaged, is refused with
/// one clear line: no crash, no write.
@Suite struct ReadOnlyCLITests {
    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// Every command that only reads, with the arguments it needs.
    static let readers: [[String]] = [
        ["sql", "SELECT count(*) FROM companies"], ["report", "list"], ["report", "show", "circular_financing"],
        ["report", "run", "circular_financing"], ["schema"], ["facets", "companies", "kind"], ["graph"],
        ["changes"], ["history", "companies", "NVIDIA"], ["shell"],
    ]

    @Test(arguments: readers) func anEmptyFileIsRefusedAndStaysEmpty(_ command: [String]) throws {
        let path = temporaryDirectory() + "/notes.txt"
        write("", to: path)
        let result = try run(aikbBinary, ["--db", path] + command, input: "SELECT 1;\n")
        #expect(result.status == 66, "\(command): \(result.stderr)")
        #expect(result.stderr.hasPrefix("aikb: \(path): is an empty file, not an aikb knowledge base (aikb init --db \(path) makes it one)"))
        #expect(bytes(path).isEmpty, "\(command) wrote to the file")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func initIsTheOneCommandThatMakesAnEmptyFileAKnowledgeBase() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        write("", to: path)
        #expect(try aikb("import", "/dev/null", db: path).status == 66)  // a writer does not either
        #expect(bytes(path).isEmpty)
        let initialized = try aikb("init", db: path)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(try aikb("sql", "SELECT count(*) > 100 FROM companies", "--format", "csv", db: path).stdout == "count(*) > 100\n1\n")
    }

    @Test func anotherSQLiteDatabaseIsRefusedUntouched() throws {
        let path = temporaryDirectory() + "/other.sqlite"
        _ = try sqlite3(path, "CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine')")
        let before = bytes(path)
        for command in Self.readers + [["import", "/dev/null"]] {
            let result = try run(aikbBinary, ["--db", path] + command, input: "")
            #expect(result.status == 78, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("was not created by aikb"), "\(command): \(result.stderr)")
        }
        #expect(bytes(path) == before)
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let path = temporaryDirectory() + "/notes.txt"
        write("just some notes, long enough to be more than a header of a database file, surely\n", to: path)
        let before = bytes(path)
        let result = try aikb("sql", "SELECT 1", db: path)
        #expect(result.status == 66)
        #expect(result.stderr == "aikb: \(path): not an SQLite database (the file's header is wrong)\n")
        #expect(bytes(path) == before)
    }

    /// A knowledge base made by an older aikb is read by nothing until it is migrated,
    /// and reading leaves it as it was.
    @Test func anOlderKnowledgeBaseIsNotMigratedByAReader() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        // As an older aikb left it: the newest migration not recorded (its objects dropped).
        _ = try sqlite3(path, "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations); PRAGMA wal_checkpoint(TRUNCATE)")
        let before = bytes(path)
        let read = try aikb("report", "list", db: path)
        #expect(read.status == 78)
        #expect(read.stderr.contains("needs its migrations; run aikb migrate --db \(path) (commands that only read never change the file)"))
        #expect(bytes(path) == before)
        let status = try aikb("migrate", "--status", db: path)
        #expect(status.status == 0)
        #expect(status.stdout.contains("\tpending\t"))
        #expect(bytes(path) == before)
    }

    /// Opened as SQLite advises for files that may be untrusted: defensive mode and
    /// `trusted_schema = OFF` on every file, aikb's own included, so a view or trigger
    /// may call only functions marked innocuous (aikb's schema needs no other).
    @Test func craftedSchemasAreRefusedWithoutACrashOrAWrite() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        let pragma = try aikb("sql", "PRAGMA trusted_schema", "--format", "csv", db: path)
        #expect(pragma.stdout == "trusted_schema\n0\n", "\(pragma.stdout) \(pragma.stderr)")
        // A function with no side effect that SQLite 3.40 does not mark innocuous is
        // refused in a view too: the schema is not trusted, whoever wrote it.
        _ = try sqlite3(path, "CREATE VIEW quoted AS SELECT json_quote(name) AS q FROM companies; PRAGMA wal_checkpoint(TRUNCATE)")
        let quoted = try aikb("sql", "SELECT * FROM quoted", db: path)
        #expect(quoted.status == 65, "\(quoted.stderr)")
        #expect(quoted.stderr.contains("unsafe use of json_quote()"), "\(quoted.stderr)")
        #expect(try aikb("sql", "SELECT json_quote(name) FROM companies LIMIT 1", db: path).status == 0)  // direct use is fine
        // A view that calls a function no schema should call.
        _ = try sqlite3(path, "CREATE VIEW evil AS SELECT load_extension('/tmp/nothing.so') AS x; PRAGMA wal_checkpoint(TRUNCATE)")
        let view = try aikb("sql", "SELECT * FROM evil", db: path)
        #expect(view.status == 65, "\(view.stderr)")
        #expect(view.stderr.contains("unsafe use of load_extension()"), "\(view.stderr)")  // SQLite marks it direct-only
        // A trigger that would run such a function on the next import: the import is refused, nothing written.
        _ = try sqlite3(path, "CREATE TRIGGER evil_trigger AFTER INSERT ON sources BEGIN SELECT load_extension('/tmp/nothing.so'); END; PRAGMA wal_checkpoint(TRUNCATE)")
        let before = try sqlite3(path, "SELECT count(*) FROM sources").stdout
        let directory = temporaryDirectory()
        write("source_id,title\nZZ1,crafted\n", to: directory + "/s.csv")
        let imported = try aikb("import", directory + "/s.csv", db: path)
        #expect(imported.status != 0)
        #expect(imported.stderr.contains("unsafe use of load_extension()"), "\(imported.stderr)")
        #expect(try sqlite3(path, "SELECT count(*) FROM sources").stdout == before)
        // Defensive mode: even --write cannot make the schema writable.
        let writable = try aikb("sql", "--write", "PRAGMA writable_schema = ON", db: path)
        #expect(writable.status == 77)
        // A file that is SQLite but not aikb's is refused before its schema is read.
        let other = temporaryDirectory() + "/other.sqlite"
        _ = try sqlite3(other, "CREATE TABLE t (x); CREATE VIEW v AS SELECT json_quote(x) FROM t")
        let refused = try aikb("sql", "SELECT * FROM v", db: other)
        #expect(refused.status == 78)
    }

    @Test func aDamagedFileIsRefusedWithOneLine() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        _ = try sqlite3(path, "PRAGMA wal_checkpoint(TRUNCATE)")
        var data = bytes(path)
        // Overwrite the second page (the first table's root) with garbage.
        for offset in 4096..<8192 where offset < data.count { data[offset] = UInt8(truncatingIfNeeded: offset &* 31) }
        FileManager.default.createFile(atPath: path, contents: data)
        let result = try aikb("report", "run", "circular_financing", db: path)
        #expect([66, 70].contains(result.status) && result.status == 66, "\(result.status) \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("damaged") || result.stderr.contains("malformed"), "\(result.stderr)")
    }

    /// A damaged page the opening checks do not read (a leaf of supply_deals) fails the
    /// statement that reads it: the same one line naming the file, not SQLite's message
    /// about "<command line>:1:1".
    @Test func aDamagedPageReadLaterNamesTheFile() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        _ = try sqlite3(path, "PRAGMA wal_checkpoint(TRUNCATE)")
        let page = try sqlite3(path, "SELECT pageno FROM dbstat WHERE name = 'supply_deals' AND pagetype = 'leaf' LIMIT 1 OFFSET 3")
        guard let number = Int(page.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            Issue.record("no leaf page of supply_deals: \(page.stdout) \(page.stderr)"); return
        }
        var data = bytes(path)
        data[(number - 1) * 4096] = 0x0D
        for offset in 1...20 { data[(number - 1) * 4096 + offset] = 0xFF }
        FileManager.default.createFile(atPath: path, contents: data)
        let result = try aikb("sql", "SELECT sum(length(notes)) FROM supply_deals", db: path)
        #expect(result.status == 66)
        #expect(result.stderr == "aikb: \(path): the database file is damaged (database disk image is malformed); restore it from a copy\n")
    }

    @Test func aDatabaseFromANewerAikbIsNotTouched() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        _ = try sqlite3(path, "INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x', '2030-01-01T00:00:00Z'); PRAGMA wal_checkpoint(TRUNCATE)")
        let before = bytes(path)
        for command in [["report", "list"], ["import", "/dev/null"], ["migrate"]] {
            let result = try run(aikbBinary, ["--db", path] + command)
            #expect(result.status == 78, "\(command) \(result.stderr)")
            #expect(result.stderr.contains("newer than this aikb knows"), "\(result.stderr)")
        }
        #expect(bytes(path) == before)
    }
}
