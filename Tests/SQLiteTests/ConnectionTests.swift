import CSQLite
import SQLite
import Testing

#if canImport(Glibc)
import Glibc
import TestScratch
#endif

func temporaryDirectory() -> String { Scratch.directory("sqlite-") }

@Suite struct ConnectionTests {
    @Test func fileDatabasesUseWALAndForeignKeys() throws {
        let path = temporaryDirectory() + "/a.sqlite"
        let db = try Database(path: path)
        #expect(try db.firstValue("PRAGMA journal_mode") == .text("wal"))
        #expect(try db.firstValue("PRAGMA foreign_keys") == .integer(1))
        #expect(!db.isInMemory)
        #expect(try Database(path: ":memory:").isInMemory)
    }

    /// Memory statistics stay off (the library is configured before its first connection):
    /// with them on, sqlite3_memory_used would count the schema and rows held here.
    @Test func memoryStatisticsAreOff() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (v); INSERT INTO t SELECT zeroblob(100000)")
        #expect(try db.firstValue("SELECT length(v) FROM t") == .integer(100_000))
        #expect(sqlite3_memory_used() == 0)
    }

    @Test func readOnlyConnectionRefusesWrites() throws {
        let path = temporaryDirectory() + "/ro.sqlite"
        do {
            let db = try Database(path: path)
            try db.execute("CREATE TABLE t (v); INSERT INTO t VALUES (1)")
        }
        let reader = try Database(path: path, mode: .readOnly)
        #expect(reader.isReadOnly)
        #expect(try reader.firstValue("SELECT v FROM t") == .integer(1))
        let error = #expect(throws: SQLiteError.self) { try reader.execute("INSERT INTO t VALUES (2)") }
        #expect(error?.code == .SQLITE_READONLY)
        #expect(try reader.firstValue("SELECT count(*) FROM t") == .integer(1))
    }

    @Test func missingFileWithoutCreateFails() throws {
        let path = temporaryDirectory() + "/missing.sqlite"
        let error = #expect(throws: SQLiteError.self) { try Database(path: path, mode: .readWrite) }
        #expect(error?.codeName == "SQLITE_CANTOPEN")
        #expect(error?.message.contains(path) == true)
    }

    @Test func fileThatIsNotADatabaseFailsAtOpen() throws {
        let path = temporaryDirectory() + "/text.sqlite"
        let file = fopen(path, "w")!
        fputs(String(repeating: "this is not a database\n", count: 100), file)
        fclose(file)
        let error = #expect(throws: SQLiteError.self) { try Database(path: path) }
        #expect(error?.codeName == "SQLITE_NOTADB")
    }

    @Test func timeLimitInterruptsARunawayQuery() throws {
        let db = try Database(path: ":memory:")
        let runaway = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let error = #expect(throws: SQLiteError.self) {
            try db.withTimeLimit(seconds: 0.2) { _ = try db.firstValue(runaway) }
        }
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let elapsed = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        #expect(error?.codeName == "SQLITE_INTERRUPT")
        #expect(error?.isTimeLimit == true)  // a flag set where the limit fires, not read from the message
        #expect(error?.message.contains("time limit of 0.2 s") == true)
        #expect(elapsed < 2)
        // The connection works normally afterwards, with no limit left behind.
        #expect(try db.firstValue("SELECT 42") == .integer(42))
        let finite = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT count(*) FROM n"
        #expect(try db.withTimeLimit(seconds: 30) { try db.firstValue(finite) } == .integer(300_000))
    }

    @Test func interruptStopsTheNextStatement() throws {
        let db = try Database(path: ":memory:")
        let statement = try db.prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n")
        var rows = 0
        let error = #expect(throws: SQLiteError.self) {
            try statement.forEachRow { _ in
                rows += 1
                if rows == 1 { db.interrupt() }
            }
        }
        #expect(rows >= 1)
        #expect(error?.codeName == "SQLITE_INTERRUPT")
        #expect(error?.isInterruption == true)
        #expect(error?.isTimeLimit == false)
    }

    @Test func aSecondWriterWaitsForTheBusyTimeoutThenFails() throws {
        let path = temporaryDirectory() + "/busy.sqlite"
        let first = try Database(path: path)
        try first.execute("CREATE TABLE t (v)")
        let second = try Database(path: path, busyTimeout: 50)
        try first.transaction {
            try first.execute("INSERT INTO t VALUES (1)")
            let error = #expect(throws: SQLiteError.self) { try second.transaction {} }
            #expect(error?.codeName == "SQLITE_BUSY")
        }
    }
}
