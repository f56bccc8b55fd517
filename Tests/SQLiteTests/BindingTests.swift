import SQLite
import Testing

/// Values go in and come back out exactly, through every binding path.
@Suite struct BindingTests {
    let db: Database
    init() throws {
        db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (v ANY)")
    }

    /// Inserts one value through `bind` and reads it back with `read` (rows exist
    /// only inside the closure that reads them).
    func roundTrip<R>(_ bind: (Statement, Statement.Parameter) throws -> Void, read: (Row) throws -> R) throws -> R? {
        let insert = try db.prepare("INSERT INTO t (v) VALUES (:v)")
        try bind(insert, try insert.parameter("v"))
        return try db.prepare("SELECT v, typeof(v) FROM t WHERE rowid = :id")
            .firstRow(binding: ["id": .integer(db.lastInsertRowID)], read)
    }

    @Test(arguments: [Int64.min, -1, 0, 1, Int64.max])
    func integersKeepEveryBit(_ value: Int64) throws {
        let back = try roundTrip({ try $0.bind(value, to: $1); try $0.execute() }, read: { $0.value(at: 0) })
        #expect(back == .integer(value))
    }

    @Test(arguments: [0.0, -0.5, 1.5e9, Double.pi, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude])
    func doublesKeepEveryBit(_ value: Double) throws {
        let back = try roundTrip({ try $0.bind(value, to: $1); try $0.execute() }, read: { $0.double(at: 0) })
        #expect(back?.bitPattern == value.bitPattern)
    }

    @Test func emptyStringIsNotNull() throws {
        try db.execute("INSERT INTO t (v) VALUES (:empty), (:null)", binding: ["empty": .text(""), "null": .null])
        let rows = try db.allRows("SELECT v, typeof(v), v IS NULL FROM t ORDER BY rowid")
        #expect(rows[0] == [.text(""), .text("text"), .integer(0)])
        #expect(rows[1] == [.null, .text("null"), .integer(1)])
        var strings: [String?] = []
        try db.prepare("SELECT v FROM t ORDER BY rowid").forEachRow { strings.append($0.optionalString(at: 0)) }
        #expect(strings == ["", nil])
    }

    @Test(arguments: ["a\u{0}b", "Zürich – 東京 🚀", "\u{0}", "tab\tand\r\nnewline", String(repeating: "x", count: 100_000)])
    func stringsKeepEveryByte(_ text: String) throws {
        for path in ["copy", "borrowed"] {
            try db.execute("DELETE FROM t")
            let insert = try db.prepare("INSERT INTO t (v) VALUES (:v)")
            let v = try insert.parameter("v")
            if path == "copy" {
                try insert.bind(text, to: v)
                try insert.execute()
            } else {
                try insert.withText(text, boundTo: v) { try insert.execute() }
            }
            let back = try db.prepare("SELECT v, length(CAST(v AS BLOB)) FROM t").firstRow { row in
                (row.string(at: 0), row.int64(at: 1), row.withUTF8(at: 0) { Array($0) })
            }
            #expect(back?.0 == text, "path \(path)")
            #expect(back?.1 == Int64(text.utf8.count), "path \(path)")
            #expect(back?.2 == Array(text.utf8))
        }
    }

    @Test func borrowedTextIsReleasedAfterTheCall() throws {
        let insert = try db.prepare("INSERT INTO t (v) VALUES (:v)")
        try insert.withText("lent", boundTo: try insert.parameter("v")) { try insert.execute() }
        try insert.execute()  // no rebinding: must insert NULL, not read freed memory
        let rows = try db.allRows("SELECT v FROM t ORDER BY rowid")
        #expect(rows == [[.text("lent")], [.null]])
    }

    @Test func blobsKeepEveryByteAndEmptyBlobIsNotNull() throws {
        let bytes: [UInt8] = [0, 1, 2, 255, 0, 128]
        try db.execute("INSERT INTO t (v) VALUES (:a), (:b)", binding: ["a": .blob(bytes), "b": .blob([])])
        let rows = try db.allRows("SELECT v, typeof(v) FROM t ORDER BY rowid")
        #expect(rows[0] == [.blob(bytes), .text("blob")])
        #expect(rows[1] == [.blob([]), .text("blob")])
    }

    @Test func namedParametersWithAndWithoutPrefix() throws {
        let statement = try db.prepare("SELECT :a, @b, $c")
        try statement.bind(.integer(1), to: try statement.parameter("a"))
        try statement.bind(.text("two"), to: try statement.parameter("@b"))
        try statement.bind(.real(3.5), to: try statement.parameter("c"))
        #expect(try statement.firstRow { $0.values } == [.integer(1), .text("two"), .real(3.5)])
        let unknown = #expect(throws: SQLiteError.self) { try statement.parameter("nope") }
        #expect(unknown?.code == .SQLITE_RANGE)
        #expect(statement.optionalParameter("nope") == nil)
    }

    /// A value for a name the statement lacks, or a parameter left without one, is
    /// an error naming it: never a silent NULL.
    @Test func bindingByNameChecksEveryParameter() throws {
        let statement = try db.prepare("SELECT :a, :b")
        let missing = #expect(throws: SQLiteError.self) { try statement.bind(["a": .integer(1)]) }
        #expect(missing?.message == "no value for parameter :b")
        let extra = #expect(throws: SQLiteError.self) { try statement.bind(["a": 1, "b": 2, "c": 3]) }
        #expect(extra?.message == "no parameter named c")
    }

    /// execute, forEachRow and firstRow leave the statement reset, also after an error
    /// and after reading only the first row: the next run starts from the beginning.
    @Test func statementsResetThemselves() throws {
        let insert = try db.prepare("INSERT INTO t (v) VALUES (:v)", persistent: true)
        let v = try insert.parameter("v")
        for i in 0..<100 {
            try insert.bind(Int64(i), to: v)
            try insert.execute()
        }
        #expect(try db.firstValue("SELECT sum(v) FROM t") == .integer(4950))
        let select = try db.prepare("SELECT v FROM t WHERE v >= :start ORDER BY v")
        for start in [0, 50, 99] {
            var seen: [Int64] = []
            try select.forEachRow(binding: ["start": .integer(Int64(start))]) { seen.append($0.int64(at: 0)) }
            #expect(seen == Array(Int64(start)..<100))
        }
        // firstRow reads one row and resets: asking again gives the first row again.
        #expect(try select.firstRow(binding: ["start": 10]) { $0.int64(at: 0) } == 10)
        #expect(try select.firstRow { $0.int64(at: 0) } == 10)
        // A body that throws still leaves the statement reset (and the read snapshot released).
        struct Stop: Error {}
        #expect(throws: Stop.self) { try select.forEachRow { _ in throw Stop() } }
        try db.execute("CREATE TABLE after_throw (x)")  // would fail with SQLITE_LOCKED on a statement still running
        var count = 0
        try select.forEachRow { _ in count += 1 }
        #expect(count == 90)
    }

    @Test func columnNamesAndCounts() throws {
        let statement = try db.prepare("SELECT 1 AS one, 'x' AS \"two words\", NULL")
        #expect(statement.columnCount == 3)
        #expect(statement.columnNames == ["one", "two words", "NULL"])
        #expect(statement.isReadOnly)
        #expect(try !db.prepare("INSERT INTO t VALUES (1)").isReadOnly)
    }
}
