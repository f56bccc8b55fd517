import SQLite
import Testing

@Suite struct SchemaIntrospectionTests {
    func database() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute(
            """
            CREATE TABLE plain (id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE keyed (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
            CREATE VIRTUAL TABLE words USING fts5(text);
            CREATE VIEW named AS SELECT name FROM plain;
            CREATE INDEX plain_by_name ON plain(name);
            """)
        return db
    }

    @Test func tablesByKind() throws {
        let db = try database()
        #expect(try db.tableNames(.rowid) == ["plain"])
        #expect(try db.tableNames(.withoutRowid) == ["keyed"])
        // FTS5 keeps its data in tables of its own (words_data, words_idx, ...).
        let shadow = try db.tableNames(.shadow)
        #expect(shadow.contains("words_data") && shadow.contains("words_idx"))
        #expect(shadow.allSatisfy { $0.hasPrefix("words_") })
        // The cheap question, as the reports' freshness checks ask it.
        #expect(db.hasRowid("plain"))
        #expect(!db.hasRowid("keyed"))
        #expect(!db.hasRowid("named"))  // a view
        #expect(!db.hasRowid("missing"))
    }

    @Test func schemaObjectsLeaveOutShadowTables() throws {
        let db = try database()
        #expect(try db.schemaObjects().map(\.name) == ["keyed", "plain", "words", "named"])
        #expect(try db.schemaObjects([.index]).map(\.name) == ["plain_by_name"])
    }

    @Test func boundedCountsStopOnePastTheCap() throws {
        let db = try database()
        try db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO plain (name) SELECT 'n' || i FROM n")
        #expect(try db.count(of: "SELECT 1 FROM plain", upTo: 10) == 11)
        #expect(try db.count(of: "SELECT 1 FROM plain", upTo: 100) == 50)
        #expect(try db.count(of: "SELECT 1 FROM plain WHERE name = :name", upTo: 10, binding: ["name": .text("n7")]) == 1)
        // At the edges: exactly the cap is counted, one more is "cap + 1", none is 0.
        #expect(try db.count(of: "SELECT 1 FROM plain", upTo: 50) == 50)
        #expect(try db.count(of: "SELECT 1 FROM plain", upTo: 49) == 50)
        #expect(try db.count(of: "SELECT 1 FROM plain", upTo: 0) == 1)
        #expect(try db.count(of: "SELECT 1 FROM plain WHERE name = 'none'", upTo: 0) == 0)
        // The statement is reused with new bindings (trigram counts): both halves see them.
        let counter = try db.prepareCount(of: "SELECT 1 FROM plain WHERE name > :after", upTo: 5)
        #expect(try counter.firstRow(binding: ["after": .text("n4")]) { $0.int64(at: 0) } == 6)
        #expect(try counter.firstRow(binding: ["after": .text("n8")]) { $0.int64(at: 0) } == 1)
    }

    @Test func pageReadsCountPagesFromTheFile() throws {
        let path = temporaryDirectory() + "/pages.sqlite"
        do {
            let db = try Database(path: path)
            try db.execute(
                """
                CREATE TABLE t (v);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
                INSERT INTO t SELECT zeroblob(200) FROM n;
                """)
        }
        let db = try Database(path: path)
        let (_, first) = try db.countingPageReads { try db.firstValue("SELECT count(*) FROM t") }
        let (_, again) = try db.countingPageReads { try db.firstValue("SELECT count(*) FROM t") }
        #expect(first > 150)  // 4,000 rows of 200 bytes: about 200 pages of 4 KiB
        #expect(again < 5)  // in the page cache now
    }
}
