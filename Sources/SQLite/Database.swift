import CSQLite
import Support
#if canImport(Glibc)
import Glibc
#endif

/// A connection to one SQLite database: a file, or `:memory:`.
///
/// Threading: a connection and its statements must be used by one thread at a
/// time. It is opened with `SQLITE_OPEN_NOMUTEX` (SQLite's multi-thread mode),
/// so SQLite does not lock for us, and the type is deliberately not `Sendable`.
/// Move a connection to another thread as a whole (`sending`), never share it.
public final class Database {
    /// How to open the file.
    public enum OpenMode: Sendable {
        /// Read only; writes fail with SQLITE_READONLY. The file must exist.
        case readOnly
        /// Read and write; the file must exist.
        case readWrite
        /// Read and write; the file is created when missing.
        case readWriteCreate
    }

    /// The path as given (`:memory:` for an in-memory database).
    public let path: String
    /// The raw connection, for C calls the wrapper does not cover.
    public let handle: OpaquePointer
    /// Set while `withTimeLimit` runs, read by the progress handler.
    private var timeLimit: TimeLimit?
    /// Keeps the authorizer closure alive while SQLite holds a pointer to it.
    var authorizerBox: AuthorizerBox?

    /// SQLite's process-wide settings, made once before the first connection (sqlite3_config
    /// refuses them later). Memory statistics off: with them on, every allocation takes a
    /// global mutex and updates counters nobody here reads. Reading aikb's schema (about
    /// 160 KB of SQL, which every command pays for) is mostly allocations: off, opening the
    /// seeds and reading it takes 29M instructions instead of 36M (callgrind). It also
    /// turns off sqlite3_memory_used, sqlite3_status64 and the heap limits, which aikb does
    /// not use (per-connection sqlite3_db_status still works).
    /// A refusal (something else in the process started SQLite first) only leaves them on.
    private static let configureLibrary: Void = {
        _ = csqlite_config_int(SQLITE_CONFIG_MEMSTATUS, 0)
    }()

    /// Opens a connection. File databases get WAL journaling (when writable),
    /// `foreign_keys = ON` and a busy timeout, so a second writer waits instead
    /// of failing at once.
    /// `wal: false` leaves the file's journal mode as it is: turning WAL on writes the
    /// file's header, which a caller may first want to make sure is its file to write.
    public init(
        path: String, mode: OpenMode = .readWriteCreate, busyTimeout milliseconds: Int32 = 5_000, wal: Bool = true
    ) throws {
        Database.configureLibrary
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var connection: OpaquePointer?
        let rc = sqlite3_open_v2(path, &connection, flags, nil)
        guard rc == SQLITE_OK, let connection else {
            let error = SQLiteError.last(from: connection, code: rc)
            sqlite3_close_v2(connection)  // sqlite3_open_v2 hands out a handle even when it fails
            throw error.with(message: "\(error.message): \(path)")
        }
        self.path = path
        self.handle = connection
        sqlite3_busy_timeout(connection, milliseconds)
        // Files get shared, and SQLite's advice for a file that may be untrusted is
        // defensive mode (no writable_schema, no direct writes to shadow tables, ...)
        // and an untrusted schema: views, triggers, CHECKs and defaults may only call
        // functions and virtual tables marked innocuous, whoever made the file.
        guard csqlite_db_config_flag(connection, SQLITE_DBCONFIG_DEFENSIVE, 1) == SQLITE_OK else {
            throw SQLiteError.last(from: connection, code: SQLITE_ERROR).with(message: "cannot turn on defensive mode: \(path)")
        }
        try execute("PRAGMA trusted_schema = OFF")
        try InnocuousJSON.register(on: self)
        try UnicodeLower.register(on: self)
        try execute("PRAGMA foreign_keys = ON")
        // Reading the schema makes a file that is not a database fail here (SQLITE_NOTADB),
        // not at the first query.
        try execute("SELECT count(*) FROM sqlite_schema")
        if mode != .readOnly && sqlite3_db_readonly(connection, "main") == 1 {
            throw SQLiteError(code: .SQLITE_READONLY, message: "the database file is read-only: \(path)")
        }
        if wal && mode != .readOnly && !isInMemory {
            try useWAL()
        }
    }

    /// Frees what the connection's page cache holds that it can give up (pages not in
    /// use), for a job that needs the memory for something else next.
    public func releaseMemory() {
        sqlite3_db_release_memory(handle)
    }

    /// Turns on WAL journaling: readers keep working while one writer writes.
    public func useWAL() throws {
        try execute("PRAGMA journal_mode = WAL")
    }

    deinit {
        // close_v2 defers the close until every statement is finalized, so a
        // statement outliving its connection stays safe.
        sqlite3_close_v2(handle)
    }

    /// True for `:memory:` and temporary databases.
    public var isInMemory: Bool {
        guard let file = sqlite3_db_filename(handle, "main") else { return true }
        return file.pointee == 0
    }

    /// True when writes to the main database are refused.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    // MARK: Statements

    /// Compiles one statement. Text after the first statement other than
    /// white space and comments is an error: use `forEachStatement(in:)` for scripts.
    /// `persistent` hints SQLite that the statement will be reused many times.
    public func prepare(_ sql: String, persistent: Bool = false) throws -> Statement {
        var statement: Statement?
        try forEachStatement(in: sql, persistent: persistent) { prepared in
            guard statement == nil else {
                throw SQLiteError(
                    code: .SQLITE_MISUSE, message: "expected one statement, found more", sql: sql,
                    offset: prepared.offsetInScript)
            }
            statement = prepared
        }
        guard let statement else {
            throw SQLiteError(code: .SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql)
        }
        return statement
    }

    /// Compiles the statements of a script one at a time, each just before
    /// `body` sees it, so a statement may use what an earlier one created.
    /// Errors carry the whole script and the byte offset into it.
    public func forEachStatement(
        in script: String, persistent: Bool = false, _ body: (Statement) throws -> Void
    ) throws {
        var script = script
        try script.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let end = utf8.count
            var offset = 0
            while offset < end {
                var raw: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let start = UnsafeRawPointer(base + offset).assumingMemoryBound(to: CChar.self)
                let rc = sqlite3_prepare_v3(
                    handle, start, Int32(end - offset),
                    persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0, &raw, &tail)
                guard rc == SQLITE_OK else {
                    sqlite3_finalize(raw)
                    let error = SQLiteError.last(
                        from: handle, code: rc, sql: String(decoding: utf8, as: UTF8.self), offsetBase: offset)
                    // Without a token to blame, point at the start of the failing statement.
                    throw error.with(sql: error.sql, offset: error.offset ?? offset + leadingWhitespace(utf8, from: offset))
                }
                let next = tail.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? end
                defer { offset = max(next, offset + 1) }
                guard let raw else { continue }  // only white space or a comment was left
                let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[offset..<next]), as: UTF8.self)
                try body(Statement(handle: raw, connection: handle, sql: text, offsetInScript: offset))
            }
        }
    }

    private func leadingWhitespace(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < utf8.count, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[index]) { index += 1 }
        return index - start
    }

    /// Runs every statement of a script to completion (migrations, pragmas, DDL).
    public func execute(_ script: String) throws {
        try forEachStatement(in: script) { statement in
            do {
                try statement.execute()
            } catch let error as SQLiteError {
                // Name the whole script and where the failing statement starts in it.
                throw error.with(
                    sql: script, offset: error.offset.map { $0 + statement.offsetInScript } ?? statement.offsetInScript)
            }
        }
    }

    /// Runs one statement with values bound by name (`:id` ← `["id": 42]`) to completion.
    public func execute(_ sql: String, binding values: [String: Value]) throws {
        try prepare(sql).execute(binding: values)
    }

    /// The first column of the first row, or nil when there is no row.
    public func firstValue(_ sql: String, binding values: [String: Value] = [:]) throws -> Value? {
        try prepare(sql).firstRow(binding: values) { $0.value(at: 0) }
    }

    /// A statement counting the rows of `query` up to `cap + 1`: enough to tell "more
    /// than cap" from the first rows, where count(*) of a large table reads every page
    /// of it (2,570 reads for a million companies).
    /// Asked as "is there a row past the cap?" first: skipping rows with OFFSET costs a
    /// third of counting them through a subquery with LIMIT (20,001 companies: 2.0M
    /// instructions against 5.5M); only a query with at most `cap` rows is then counted.
    public func prepareCount(of query: String, upTo cap: Int64) throws -> Statement {
        try prepare(
            "SELECT CASE WHEN EXISTS (\(query) LIMIT 1 OFFSET \(cap)) THEN \(cap + 1) ELSE (SELECT count(*) FROM (\(query))) END")
    }

    /// The rows of `query` counted up to `cap + 1` (see `prepareCount`).
    public func count(of query: String, upTo cap: Int64, binding values: [String: Value] = [:]) throws -> Int64 {
        try prepareCount(of: query, upTo: cap).firstRow(binding: values) { $0.int64(at: 0) } ?? 0
    }

    /// Every row of a query, as values. For small results; stream with
    /// `Statement.forEachRow` otherwise.
    public func allRows(_ sql: String, binding values: [String: Value] = [:]) throws -> [[Value]] {
        var rows: [[Value]] = []
        try prepare(sql).forEachRow(binding: values) { rows.append($0.values) }
        return rows
    }

    /// The first column of every row as text (NULLs left out): names, ids, words.
    public func strings(_ sql: String, binding values: [String: Value] = [:]) throws -> [String] {
        var strings: [String] = []
        try prepare(sql).forEachRow(binding: values) { row in
            if let text = row.optionalString(at: 0) { strings.append(text) }
        }
        return strings
    }

    // MARK: Changes

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }
    /// The rowid of the most recent successful INSERT into a rowid table. Setting it
    /// (`sqlite3_set_last_insert_rowid`) lets a caller tell whether an UPSERT inserted
    /// (the rowid changes) or updated (it does not).
    public var lastInsertRowID: Int64 {
        get { sqlite3_last_insert_rowid(handle) }
        set { sqlite3_set_last_insert_rowid(handle, newValue) }
    }

    // MARK: Stopping work

    /// Makes the running statement fail with SQLITE_INTERRUPT at its next
    /// opportunity. The one call SQLite allows from another thread or a signal handler
    /// (while the connection is open).
    public func interrupt() { sqlite3_interrupt(handle) }

    /// `interrupt()` for a signal handler, which cannot capture the connection:
    /// pass its `handle`, kept in a global while the connection is open.
    public static func interrupt(_ handle: OpaquePointer) { sqlite3_interrupt(handle) }

    /// Runs `body`, interrupting any statement that is still running when `seconds`
    /// have passed since the call. The error then says so, instead of a bare
    /// "interrupted". A limit of zero or less means none.
    public func withTimeLimit<R>(seconds: Double, _ body: () throws -> R) throws -> R {
        guard seconds > 0 else { return try body() }
        let previous = timeLimit
        // A nested limit cannot outlast the one around it.
        let limit = TimeLimit(seconds: seconds, notAfter: previous?.deadline)
        installProgressHandler(limit)
        defer { installProgressHandler(previous) }
        do {
            return try withExtendedLifetime(limit) { try body() }
        } catch let error as SQLiteError where error.isInterruption && limit.fired {
            throw SQLiteError(
                code: error.code,
                message: "interrupted: the statement ran past the time limit of \(limit.describedSeconds)",
                sql: error.sql, offset: error.offset, isTimeLimit: true)
        }
    }

    /// Runs `body` and returns, with its result, how many thousand virtual-machine
    /// instructions SQLite executed meanwhile. Unlike time, the count is the same on
    /// every run and machine, so a test can tell work that grows with the rows from
    /// work that grows with their square. Not inside `withTimeLimit` (both use
    /// SQLite's one progress handler).
    public func countingInstructions<R>(_ body: () throws -> R) rethrows -> (result: R, thousands: Int) {
        precondition(timeLimit == nil, "countingInstructions inside withTimeLimit")
        let counter = InstructionCounter()
        sqlite3_progress_handler(handle, 1_000, { context in
            Unmanaged<InstructionCounter>.fromOpaque(context!).takeUnretainedValue().thousands += 1
            return 0
        }, Unmanaged.passUnretained(counter).toOpaque())
        defer { sqlite3_progress_handler(handle, 0, nil, nil) }
        let result = try withExtendedLifetime(counter) { try body() }
        return (result, counter.thousands)
    }

    /// Runs `body` and returns, with its result, how many pages SQLite read from the file
    /// meanwhile (page-cache misses, `SQLITE_DBSTATUS_CACHE_MISS`). Like the instruction
    /// count it does not depend on the machine, and it sees what that count cannot: a
    /// count(*) is one instruction however many pages of a table it reads.
    public func countingPageReads<R>(_ body: () throws -> R) rethrows -> (result: R, pages: Int) {
        func misses() -> Int32 {
            var current: Int32 = 0
            var highwater: Int32 = 0
            sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_MISS, &current, &highwater, 0)
            return current
        }
        let before = misses()
        let result = try body()
        return (result, Int(misses() - before))
    }

    /// Runs `body` and returns, with its result, how many times each statement (by its
    /// SQL text) was started meanwhile (`sqlite3_trace_v2`, `SQLITE_TRACE_STMT`; the
    /// triggers a statement fires are part of it, not counted apart). A test can tell the
    /// statements run per row from those run once, and look at what they compile to.
    public func countingStatements<R>(_ body: () throws -> R) rethrows -> (result: R, executions: [String: Int]) {
        let counter = StatementCounter()
        sqlite3_trace_v2(handle, UInt32(SQLITE_TRACE_STMT), { _, context, _, text in
            guard let text else { return 0 }
            // The statement's SQL; a trigger's program and the statements in it come as
            // comments ("-- TRIGGER name", "-- INSERT ..."), part of the statement that fired them.
            let sql = String(cString: text.assumingMemoryBound(to: CChar.self))
            guard !sql.hasPrefix("--") else { return 0 }
            Unmanaged<StatementCounter>.fromOpaque(context!).takeUnretainedValue().executions[sql, default: 0] += 1
            return 0
        }, Unmanaged.passUnretained(counter).toOpaque())
        defer { sqlite3_trace_v2(handle, 0, nil, nil) }
        let result = try withExtendedLifetime(counter) { try body() }
        return (result, counter.executions)
    }

    private func installProgressHandler(_ limit: TimeLimit?) {
        timeLimit = limit
        if let limit {
            // Every 1,000 virtual-machine instructions: a clock read costs ~20 ns, so
            // the check is invisible next to the work and stops a query within microseconds.
            sqlite3_progress_handler(handle, 1_000, { context in
                Unmanaged<TimeLimit>.fromOpaque(context!).takeUnretainedValue().hasExpired() ? 1 : 0
            }, Unmanaged.passUnretained(limit).toOpaque())
        } else {
            sqlite3_progress_handler(handle, 0, nil, nil)
        }
    }
}

/// What `countingInstructions` counts, from SQLite's progress handler.
private final class InstructionCounter {
    var thousands = 0
}

private final class StatementCounter {
    var executions: [String: Int] = [:]
}

/// A deadline on the monotonic clock, polled by SQLite's progress handler.
private final class TimeLimit {
    let seconds: Double
    let deadline: UInt64
    private(set) var fired = false

    init(seconds: Double, notAfter outer: UInt64?) {
        self.seconds = seconds
        let own = MonotonicClock.nanoseconds() + UInt64(min(seconds, 1e9) * 1e9)
        self.deadline = min(own, outer ?? .max)
    }

    func hasExpired() -> Bool {
        if MonotonicClock.nanoseconds() >= deadline { fired = true }
        return fired
    }

    var describedSeconds: String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
