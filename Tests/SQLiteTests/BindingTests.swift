import SQLite
import Testing

/// Values go in and come back out exactly, through every binding path.
@Suite struct BindingTests {
    let db: Database
    init() throws {
        db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (v ANY)")
    }

    func roundTrip(_ bind: (Statement) throws -> Void) throws -> Row? {
        let insert = try db.prepare("INSERT INTO t (v) VALUES (?)")
        try bind(insert)
        try insert.run()
        let select = try db.prepare("SELECT v, typeof(v) FROM t WHERE rowid = ?")
        try select.bind(db.lastInsertRowID, at: 1)
        guard try select.step() else { return nil }
        return select.row
    }

    @Test(arguments: [Int64.min, -1, 0, 1, Int64.max])
    func integersKeepEveryBit(_ value: Int64) throws {
        let insert = try db.prepare("INSERT INTO t (v) VALUES (?)")
        try insert.bind(value, at: 1)
        try insert.run()
        let back = try db.firstValue("SELECT v FROM t WHERE rowid = ?", [.integer(db.lastInsertRowID)])
        #expect(back == .integer(value))
    }

    @Test(arguments: [0.0, -0.5, 1.5e9, Double.pi, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude])
    func doublesKeepEveryBit(_ value: Double) throws {
        let insert = try db.prepare("INSERT INTO t (v) VALUES (?)")
        try insert.bind(value, at: 1)
        try insert.run()
        let select = try db.prepare("SELECT v FROM t")
        #expect(try select.step())
        #expect(select.row.double(at: 0).bitPattern == value.bitPattern)
    }

    @Test func emptyStringIsNotNull() throws {
        try db.execute("INSERT INTO t (v) VALUES (?), (?)", [.text(""), .null])
        let rows = try db.allRows("SELECT v, typeof(v), v IS NULL FROM t ORDER BY rowid")
        #expect(rows[0] == [.text(""), .text("text"), .integer(0)])
        #expect(rows[1] == [.null, .text("null"), .integer(1)])
        let select = try db.prepare("SELECT v FROM t ORDER BY rowid")
        #expect(try select.step())
        #expect(select.row.optionalString(at: 0) == "")
        #expect(try select.step())
        #expect(select.row.optionalString(at: 0) == nil)
    }

    @Test(arguments: ["a\u{0}b", "Zürich – 東京 🚀", "\u{0}", "tab\tand\r\nnewline", String(repeating: "x", count: 100_000)])
    func stringsKeepEveryByte(_ text: String) throws {
        for path in ["copy", "borrowed"] {
            try db.execute("DELETE FROM t")
            let insert = try db.prepare("INSERT INTO t (v) VALUES (?)")
            if path == "copy" {
                try insert.bind(text, at: 1)
                try insert.run()
            } else {
                try insert.withText(text, boundAt: 1) { try insert.run() }
            }
            let select = try db.prepare("SELECT v, length(CAST(v AS BLOB)) FROM t")
            #expect(try select.step())
            #expect(select.row.string(at: 0) == text, "path \(path)")
            #expect(select.row.int64(at: 1) == Int64(text.utf8.count), "path \(path)")
            #expect(select.row.withUTF8(at: 0) { Array($0) } == Array(text.utf8))
        }
    }

    @Test func borrowedTextIsReleasedAfterTheCall() throws {
        let insert = try db.prepare("INSERT INTO t (v) VALUES (?)")
        try insert.withText("lent", boundAt: 1) { try insert.run() }
        insert.reset()
        try insert.run()  // no rebinding: must insert NULL, not read freed memory
        let rows = try db.allRows("SELECT v FROM t ORDER BY rowid")
        #expect(rows == [[.text("lent")], [.null]])
    }

    @Test func blobsKeepEveryByteAndEmptyBlobIsNotNull() throws {
        let bytes: [UInt8] = [0, 1, 2, 255, 0, 128]
        try db.execute("INSERT INTO t (v) VALUES (?), (?)", [.blob(bytes), .blob([])])
        let rows = try db.allRows("SELECT v, typeof(v) FROM t ORDER BY rowid")
        #expect(rows[0] == [.blob(bytes), .text("blob")])
        #expect(rows[1] == [.blob([]), .text("blob")])
    }

    @Test func namedParametersWithAndWithoutPrefix() throws {
        let statement = try db.prepare("SELECT :a, @b, $c")
        try statement.bind(.integer(1), named: "a")
        try statement.bind(.text("two"), named: "@b")
        try statement.bind(.real(3.5), named: "c")
        #expect(try statement.step())
        #expect(statement.row.values == [.integer(1), .text("two"), .real(3.5)])
        #expect(throws: SQLiteError.self) { try statement.bind(.null, named: "nope") }
    }

    @Test func wrongArgumentCountIsAnError() throws {
        let statement = try db.prepare("SELECT ?, ?")
        let error = #expect(throws: SQLiteError.self) { try statement.bind([.integer(1)]) }
        #expect(error?.codeName == "SQLITE_RANGE")
    }

    @Test func reusedStatementAfterReset() throws {
        let insert = try db.prepare("INSERT INTO t (v) VALUES (?)", persistent: true)
        for i in 0..<100 {
            try insert.bind(Int64(i), at: 1)
            try insert.run()
            insert.reset()
        }
        #expect(try db.firstValue("SELECT count(*), sum(v) FROM t") == .integer(100))
        #expect(try db.firstValue("SELECT sum(v) FROM t") == .integer(4950))
        let select = try db.prepare("SELECT v FROM t WHERE v >= ? ORDER BY v")
        for start in [0, 50, 99] {
            select.reset()
            try select.bind(Int64(start), at: 1)
            var seen: [Int64] = []
            try select.forEachRow { seen.append($0.int64(at: 0)) }
            #expect(seen == Array(Int64(start)..<100))
        }
    }

    @Test func columnNamesAndCounts() throws {
        let statement = try db.prepare("SELECT 1 AS one, 'x' AS \"two words\", NULL")
        #expect(statement.columnCount == 3)
        #expect(statement.columnNames == ["one", "two words", "NULL"])
        #expect(statement.isReadOnly)
        #expect(try !db.prepare("INSERT INTO t VALUES (1)").isReadOnly)
    }
}
