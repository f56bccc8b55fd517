import CSQLite  // the root package's system-library module, reached through the SQLite product

/// Contender 1: the loops written directly against the C API, from Swift.
/// Opened exactly like `SQLite.Database(path:)` opens a file database.
enum RawC {
    static func open(_ path: String) -> OpaquePointer {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db else {
            fatalError("raw C: cannot open \(path)")
        }
        sqlite3_busy_timeout(db, 5_000)
        exec(db, "PRAGMA foreign_keys = ON")
        exec(db, "SELECT count(*) FROM sqlite_schema")
        exec(db, "PRAGMA journal_mode = WAL")
        exec(db, "PRAGMA synchronous = \(Schema.synchronous)")
        exec(db, Schema.create)
        return db
    }

    static func close(_ db: OpaquePointer) {
        guard sqlite3_close(db) == SQLITE_OK else { fatalError("raw C: close: \(message(db))") }
    }

    static func exec(_ db: OpaquePointer, _ sql: String) {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            fatalError("raw C: \(sql): \(message(db))")
        }
    }

    static func message(_ db: OpaquePointer?) -> String { String(cString: sqlite3_errmsg(db)) }

    static func facts(_ db: OpaquePointer) -> ConnectionFacts {
        func text(_ sql: String) -> String {
            var statement: OpaquePointer?
            sqlite3_prepare_v2(db, sql, -1, &statement, nil)
            defer { sqlite3_finalize(statement) }
            guard sqlite3_step(statement) == SQLITE_ROW else { return "?" }
            return String(cString: sqlite3_column_text(statement, 0))
        }
        let libversion: @convention(c) () -> UnsafePointer<CChar>? = sqlite3_libversion
        return ConnectionFacts(
            libversion: String(cString: sqlite3_libversion()),
            libraryPath: libraryPath(of: unsafeBitCast(libversion, to: UnsafeRawPointer.self)),
            journalMode: text("PRAGMA journal_mode"),
            synchronous: Int64(text("PRAGMA synchronous")) ?? -1,
            foreignKeys: Int64(text("PRAGMA foreign_keys")) ?? -1,
            hasMutex: sqlite3_db_mutex(db) != nil)
    }

    /// One transaction, one prepared statement, bind / step / reset per row. The name
    /// is lent with SQLITE_STATIC, so the step happens inside `withUTF8`.
    static func insertStatic(_ db: OpaquePointer, _ workload: Workload) -> InsertTiming {
        let names = workload.names, amounts = workload.amounts, years = workload.years
        return timedInsert { rowsDone in
            exec(db, "BEGIN IMMEDIATE")
            var statement: OpaquePointer?
            guard sqlite3_prepare_v3(db, Schema.insert, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
                == SQLITE_OK, let statement
            else { fatalError("raw C: prepare: \(message(db))") }
            for i in 0..<workload.count {
                guard sqlite3_bind_int64(statement, 1, Int64(i + 1)) == SQLITE_OK,
                    sqlite3_bind_double(statement, 3, amounts[i]) == SQLITE_OK,
                    sqlite3_bind_int64(statement, 4, years[i]) == SQLITE_OK
                else { fatalError("raw C: bind: \(message(db))") }
                var name = names[i]
                let rc = name.withUTF8 { utf8 -> Int32 in
                    guard sqlite3_bind_text(statement, 2, utf8.baseAddress, Int32(utf8.count), nil) == SQLITE_OK
                    else { fatalError("raw C: bind: \(message(db))") }
                    let rc = sqlite3_step(statement)
                    sqlite3_reset(statement)
                    return rc
                }
                guard rc == SQLITE_DONE else { fatalError("raw C: step: \(message(db))") }
            }
            sqlite3_finalize(statement)
            rowsDone()
            exec(db, "COMMIT")
        }
    }

    /// The same loop with SQLITE_TRANSIENT: SQLite copies the name, the step follows.
    static func insertTransient(_ db: OpaquePointer, _ workload: Workload) -> InsertTiming {
        let names = workload.names, amounts = workload.amounts, years = workload.years
        let transient = csqlite_transient()
        return timedInsert { rowsDone in
            exec(db, "BEGIN IMMEDIATE")
            var statement: OpaquePointer?
            guard sqlite3_prepare_v3(db, Schema.insert, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
                == SQLITE_OK, let statement
            else { fatalError("raw C: prepare: \(message(db))") }
            for i in 0..<workload.count {
                var name = names[i]
                guard sqlite3_bind_int64(statement, 1, Int64(i + 1)) == SQLITE_OK,
                    name.withUTF8({ sqlite3_bind_text(statement, 2, $0.baseAddress, Int32($0.count), transient) })
                        == SQLITE_OK,
                    sqlite3_bind_double(statement, 3, amounts[i]) == SQLITE_OK,
                    sqlite3_bind_int64(statement, 4, years[i]) == SQLITE_OK
                else { fatalError("raw C: bind: \(message(db))") }
                guard sqlite3_step(statement) == SQLITE_DONE else { fatalError("raw C: step: \(message(db))") }
                sqlite3_reset(statement)
            }
            sqlite3_finalize(statement)
            rowsDone()
            exec(db, "COMMIT")
        }
    }

    /// Step loop; column_int64 / column_text + column_bytes / column_double / column_int64.
    static func read(_ db: OpaquePointer, _ workload: Workload) -> Double {
        var sums = Sums()
        let seconds = timed {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, Schema.select, -1, &statement, nil) == SQLITE_OK, let statement else {
                fatalError("raw C: prepare: \(message(db))")
            }
            while true {
                let rc = sqlite3_step(statement)
                if rc == SQLITE_ROW {
                    let id = sqlite3_column_int64(statement, 0)
                    _ = sqlite3_column_text(statement, 1)  // before _bytes, as SQLite's docs require
                    let nameBytes = Int(sqlite3_column_bytes(statement, 1))
                    let amount = sqlite3_column_double(statement, 2)
                    let year = sqlite3_column_int64(statement, 3)
                    sums.add(id: id, nameBytes: nameBytes, amount: amount, year: year)
                } else if rc == SQLITE_DONE {
                    break
                } else {
                    fatalError("raw C: step: \(message(db))")
                }
            }
            sqlite3_finalize(statement)
        }
        verify(sums, workload, "raw C read")
        return seconds
    }
}
