import CSQLite  // only for the facts (libversion, mutex); the loops use the wrapper alone
import SQLite

/// Contender 2: the `SQLite` wrapper of the root package, through its public API.
enum Wrapper {
    static func open(_ path: String) throws -> Database {
        let db = try Database(path: path)  // WAL, foreign_keys = ON, NOMUTEX | EXRESCODE
        try db.execute("PRAGMA synchronous = \(Schema.synchronous)")
        try db.execute(Schema.create)
        return db
    }

    static func facts(_ db: Database) throws -> ConnectionFacts {
        let libversion: @convention(c) () -> UnsafePointer<CChar>? = sqlite3_libversion
        return ConnectionFacts(
            libversion: String(cString: sqlite3_libversion()),
            libraryPath: libraryPath(of: unsafeBitCast(libversion, to: UnsafeRawPointer.self)),
            journalMode: try db.prepare("PRAGMA journal_mode").firstRow { $0.string(at: 0) } ?? "?",
            synchronous: try db.prepare("PRAGMA synchronous").firstRow { $0.int64(at: 0) } ?? -1,
            foreignKeys: try db.prepare("PRAGMA foreign_keys").firstRow { $0.int64(at: 0) } ?? -1,
            hasMutex: sqlite3_db_mutex(db.handle) != nil)
    }

    /// `bind(_:to:)` for every column, by parameter handles found once by name: the
    /// name is copied by SQLite (SQLITE_TRANSIENT); `execute()` steps and resets.
    static func insertTransient(_ db: Database, _ workload: Workload) throws -> InsertTiming {
        let names = workload.names, amounts = workload.amounts, years = workload.years
        return try timedInsert { rowsDone in
            try db.transaction {
                let statement = try db.prepare(Schema.insertNamed, persistent: true)
                let id = try statement.parameter("id"), name = try statement.parameter("name")
                let amount = try statement.parameter("amount"), year = try statement.parameter("year")
                for i in 0..<workload.count {
                    try statement.bind(Int64(i + 1), to: id)
                    try statement.bind(names[i], to: name)
                    try statement.bind(amounts[i], to: amount)
                    try statement.bind(years[i], to: year)
                    try statement.execute()
                }
                rowsDone()
            }
        }
    }

    /// `withText(_:boundTo:_:)`: the name is lent (SQLITE_STATIC) for the step, and
    /// the statement reset afterwards by the wrapper.
    static func insertStatic(_ db: Database, _ workload: Workload) throws -> InsertTiming {
        let names = workload.names, amounts = workload.amounts, years = workload.years
        return try timedInsert { rowsDone in
            try db.transaction {
                let statement = try db.prepare(Schema.insertNamed, persistent: true)
                let id = try statement.parameter("id"), name = try statement.parameter("name")
                let amount = try statement.parameter("amount"), year = try statement.parameter("year")
                for i in 0..<workload.count {
                    try statement.bind(Int64(i + 1), to: id)
                    try statement.bind(amounts[i], to: amount)
                    try statement.bind(years[i], to: year)
                    try statement.withText(names[i], boundTo: name) { try statement.execute() }
                }
                rowsDone()
            }
        }
    }

    /// `forEachRow`, reading the name's bytes in place with `withUTF8(at:)`.
    static func read(_ db: Database, _ workload: Workload) throws -> Double {
        var sums = Sums()
        let seconds = try timed {
            let statement = try db.prepare(Schema.select)
            try statement.forEachRow { row in
                sums.add(
                    id: row.int64(at: 0), nameBytes: row.withUTF8(at: 1) { $0.count },
                    amount: row.double(at: 2), year: row.int64(at: 3))
            }
        }
        verify(sums, workload, "wrapper read")
        return seconds
    }

    /// The same, but the name decoded into a Swift `String` with `string(at:)`.
    static func readString(_ db: Database, _ workload: Workload) throws -> Double {
        var sums = Sums()
        let seconds = try timed {
            let statement = try db.prepare(Schema.select)
            try statement.forEachRow { row in
                sums.add(
                    id: row.int64(at: 0), nameBytes: row.string(at: 1).utf8.count,
                    amount: row.double(at: 2), year: row.int64(at: 3))
            }
        }
        verify(sums, workload, "wrapper read (String)")
        return seconds
    }
}

