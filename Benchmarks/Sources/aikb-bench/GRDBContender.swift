import GRDB
import GRDBSQLite  // GRDB's own module for the C API: shows which libsqlite3 GRDB calls

/// Contender 3: GRDB 7.10.0, configured as close to the wrapper as it allows.
///
/// Same: file in the same directory, WAL (`journalMode = .wal`), foreign_keys = ON
/// (GRDB's default), synchronous set back to the common value after GRDB sets NORMAL
/// for WAL, a 5 s busy timeout, SQLITE_OPEN_EXRESCODE (GRDB adds it on SQLite >= 3.37).
/// Open flags are the same: GRDB's SerializedDatabase asks for SQLITE_OPEN_NOMUTEX too.
/// Different, not configurable: GRDB installs an authorizer (consulted when statements
/// are prepared), disables double-quoted string literals, registers its functions and
/// collations, observes every statement execution for its transaction observers, and
/// runs all database accesses on a serial dispatch queue.
enum GRDBContender {
    static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = \(Schema.synchronous)")
            try db.execute(sql: Schema.create)
        }
        return queue
    }

    static func facts(_ queue: DatabaseQueue) throws -> ConnectionFacts {
        let libversion: @convention(c) () -> UnsafePointer<CChar>? = sqlite3_libversion
        return try queue.inDatabase { db in
            ConnectionFacts(
                libversion: String(cString: sqlite3_libversion()),
                libraryPath: libraryPath(of: unsafeBitCast(libversion, to: UnsafeRawPointer.self)),
                journalMode: try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?",
                synchronous: try Int64.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
                foreignKeys: try Int64.fetchOne(db, sql: "PRAGMA foreign_keys") ?? -1,
                hasMutex: sqlite3_db_mutex(db.sqliteConnection) != nil)
        }
    }

    /// A cached (persistent) statement, `setUncheckedArguments` then `execute()`:
    /// no validation, bindings made with SQLITE_TRANSIENT.
    static func insertUnchecked(_ queue: DatabaseQueue, _ workload: Workload) throws -> InsertTiming {
        let names = workload.names, amounts = workload.amounts, years = workload.years
        return try timedInsert { rowsDone in
            try queue.inTransaction(.immediate) { db in
                let statement = try db.cachedStatement(sql: Schema.insert)
                for i in 0..<workload.count {
                    statement.setUncheckedArguments([Int64(i + 1), names[i], amounts[i], years[i]])
                    try statement.execute()
                }
                rowsDone()
                return .commit
            }
        }
    }

    /// A cached statement, `execute(arguments:)`: validated arguments, temporary
    /// SQLITE_STATIC bindings for the step.
    static func insertArguments(_ queue: DatabaseQueue, _ workload: Workload) throws -> InsertTiming {
        let names = workload.names, amounts = workload.amounts, years = workload.years
        return try timedInsert { rowsDone in
            try queue.inTransaction(.immediate) { db in
                let statement = try db.cachedStatement(sql: Schema.insert)
                for i in 0..<workload.count {
                    try statement.execute(arguments: [Int64(i + 1), names[i], amounts[i], years[i]])
                }
                rowsDone()
                return .commit
            }
        }
    }

    /// `Row.fetchCursor` with index subscripts (the StatementColumnConvertible fast
    /// path); the name as a `String`.
    static func readCursor(_ queue: DatabaseQueue, _ workload: Workload) throws -> Double {
        var sums = Sums()
        let seconds = try timed {
            try queue.inDatabase { db in
                let rows = try Row.fetchCursor(db.makeStatement(sql: Schema.select))
                while let row = try rows.next() {
                    let name: String = row[1]
                    sums.add(id: row[0], nameBytes: name.utf8.count, amount: row[2], year: row[3])
                }
            }
        }
        verify(sums, workload, "GRDB read")
        return seconds
    }

    /// The same cursor, the name's bytes read in place with `withUnsafeData(atIndex:)`.
    static func readCursorData(_ queue: DatabaseQueue, _ workload: Workload) throws -> Double {
        var sums = Sums()
        let seconds = try timed {
            try queue.inDatabase { db in
                let rows = try Row.fetchCursor(db.makeStatement(sql: Schema.select))
                while let row = try rows.next() {
                    let nameBytes = try row.withUnsafeData(atIndex: 1) { $0?.count ?? 0 }
                    sums.add(id: row[0], nameBytes: nameBytes, amount: row[2], year: row[3])
                }
            }
        }
        verify(sums, workload, "GRDB read (Data)")
        return seconds
    }
}
