import CSQLite

/// A prepared statement: compile once, then bind, step and reset as often as needed.
///
/// Every method is one or two C calls. Binding copies text and blobs
/// (SQLITE_TRANSIENT) unless the caller lends them for the duration of a call
/// (`withText(_:boundAt:_:)`) or promises their lifetime (`bindNoCopy`).
/// Like its connection, a statement is used by one thread at a time.
public final class Statement {
    /// The raw statement, for C calls the wrapper does not cover.
    public let handle: OpaquePointer
    /// The SQL this statement was compiled from.
    public let sql: String
    /// Where this statement starts in the script it came from (0 for a lone statement).
    public let offsetInScript: Int
    // Internal rather than private so that the @inlinable hot paths below (bind, step,
    // reset, forEachRow) can be inlined into callers in other modules: without that, every
    // call of a row loop is an opaque cross-module call.
    @usableFromInline let connection: OpaquePointer

    init(handle: OpaquePointer, connection: OpaquePointer, sql: String, offsetInScript: Int) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
        self.offsetInScript = offsetInScript
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: What the statement is

    /// True when the statement makes no direct change to a database file
    /// (`sqlite3_stmt_readonly`). SQLite counts transaction control (BEGIN, COMMIT,
    /// SAVEPOINT) and ATTACH/DETACH as read-only: guard those another way.
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// The number of result columns (0 for statements that return no rows).
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The result column names, as SQLite reports them (`AS` aliases win).
    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// The declared type of a result column that comes straight from a table column, else nil.
    public func declaredType(ofColumn index: Int) -> String? {
        sqlite3_column_decltype(handle, Int32(truncatingIfNeeded: index)).map { String(cString: $0) }
    }

    /// The number of parameters (`?`, `?NNN`, `:name`, `@name`, `$name`).
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The 1-based index of a named parameter. `name` may carry its prefix
    /// (`:id`) or not (`id`, looked up as `:id`, `@id` and `$id`).
    public func parameterIndex(_ name: String) -> Int? {
        let candidates = name.first.map { ":@$?".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(handle, candidate)
            if index > 0 { return Int(index) }
        }
        return nil
    }

    /// The name of parameter `index` (1-based) with its prefix (`:id`), nil for `?`.
    public func parameterName(at index: Int) -> String? {
        sqlite3_bind_parameter_name(handle, Int32(truncatingIfNeeded: index)).map { String(cString: $0) }
    }

    /// The SQL with the current bindings spliced in, for logs and error messages.
    public var expandedSQL: String? {
        guard let text = sqlite3_expanded_sql(handle) else { return nil }
        defer { sqlite3_free(text) }
        return String(cString: text)
    }

    // MARK: Binding (indexes are 1-based, like SQLite's)

    @inlinable
    public func bind(_ value: Int64, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(truncatingIfNeeded: index), value))
    }

    @inlinable
    public func bind(_ value: Int, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(truncatingIfNeeded: index), Int64(value)))
    }

    @inlinable
    public func bind(_ value: Double, at index: Int) throws {
        try check(sqlite3_bind_double(handle, Int32(truncatingIfNeeded: index), value))
    }

    @inlinable
    public func bind(_ value: Bool, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(truncatingIfNeeded: index), value ? 1 : 0))
    }

    /// Binds text, copied by SQLite. Embedded NUL characters are kept.
    @inlinable
    public func bind(_ value: String, at index: Int) throws {
        var value = value
        try value.withUTF8 { utf8 in try bindText(utf8, at: index, destructor: csqlite_transient()) }
    }

    /// Binds a blob, copied by SQLite. An empty array is an empty blob, not NULL.
    public func bind(bytes: [UInt8], at index: Int) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            try bindBlob(UnsafeRawBufferPointer(buffer), at: index, destructor: csqlite_transient())
        }
    }

    @inlinable
    public func bindNull(at index: Int) throws {
        try check(sqlite3_bind_null(handle, Int32(truncatingIfNeeded: index)))
    }

    /// Binds an optional value: nil is NULL.
    public func bind(_ value: Int64?, at index: Int) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    public func bind(_ value: Double?, at index: Int) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    public func bind(_ value: String?, at index: Int) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds a value of any storage class.
    public func bind(_ value: Value, at index: Int) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let integer): try bind(integer, at: index)
        case .real(let real): try bind(real, at: index)
        case .text(let text): try bind(text, at: index)
        case .blob(let bytes): try bind(bytes: bytes, at: index)
        }
    }

    /// Binds values to parameters 1, 2, ... A count that differs from
    /// `parameterCount` is an error, not a silent NULL.
    public func bind(_ values: [Value]) throws {
        guard values.count == parameterCount else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "the statement has \(parameterCount) parameter(s), \(values.count) value(s) were given",
                sql: sql)
        }
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    /// Binds a value to a named parameter (`name` with or without its prefix).
    public func bind(_ value: Value, named name: String) throws {
        guard let index = parameterIndex(name) else {
            throw SQLiteError(extendedCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        try bind(value, at: index)
    }

    /// Binds text for the duration of `body` without copying it (SQLITE_STATIC):
    /// SQLite reads the caller's bytes in place. Afterwards the statement is reset
    /// and the parameter set to NULL, so no later step can see a dangling pointer.
    @inlinable
    public func withText<R>(_ text: String, boundAt index: Int, _ body: () throws -> R) throws -> R {
        var text = text
        return try text.withUTF8 { utf8 in
            try bindText(utf8, at: index, destructor: nil)
            defer {
                sqlite3_reset(handle)  // binding is refused (MISUSE) on a statement not reset
                sqlite3_bind_null(handle, Int32(truncatingIfNeeded: index))
            }
            return try body()
        }
    }

    /// Binds UTF-8 bytes without copying them (SQLITE_STATIC).
    ///
    /// The caller promises the bytes stay valid and unchanged until this parameter
    /// is bound again or the statement is finalized: `reset()` does not release them.
    /// This is the path for a loader that binds fields straight from its read buffer.
    @inlinable
    public func bindNoCopy(utf8 text: UnsafeBufferPointer<UInt8>, at index: Int) throws {
        try bindText(text, at: index, destructor: nil)
    }

    @usableFromInline static let emptyText: StaticString = ""

    @inlinable
    func bindText(
        _ utf8: UnsafeBufferPointer<UInt8>, at index: Int, destructor: sqlite3_destructor_type?
    ) throws {
        // A nil base address would bind NULL: "" must stay distinct from NULL.
        let base = utf8.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(Self.emptyText.utf8Start)
        try check(
            sqlite3_bind_text64(
                handle, Int32(truncatingIfNeeded: index), base.assumingMemoryBound(to: CChar.self),
                UInt64(utf8.count), destructor, UInt8(SQLITE_UTF8)))
    }

    private func bindBlob(
        _ bytes: UnsafeRawBufferPointer, at index: Int, destructor: sqlite3_destructor_type?
    ) throws {
        if let base = bytes.baseAddress {
            try check(sqlite3_bind_blob64(handle, Int32(truncatingIfNeeded: index), base, UInt64(bytes.count), destructor))
        } else {
            try check(sqlite3_bind_zeroblob(handle, Int32(truncatingIfNeeded: index), 0))
        }
    }

    @inlinable @inline(__always)
    func check(_ code: Int32) throws {
        if code != SQLITE_OK { throw error(code) }
    }

    /// The error for a failed call, kept out of line: the inlined paths only test the code.
    @usableFromInline @inline(never)
    func error(_ code: Int32) -> SQLiteError {
        SQLiteError.last(from: connection, code: code, sql: sql)
    }

    // MARK: Running

    /// Advances to the next row: true when a row is ready (read it through `row`),
    /// false when the statement is done.
    @inlinable @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw error(code)
    }

    /// Steps until done, ignoring rows: for INSERT, UPDATE, DELETE and DDL.
    @inlinable
    public func run() throws {
        while try step() {}
    }

    /// Resets to run again. Bindings are kept (see `clearBindings`). The return
    /// code of `sqlite3_reset` only repeats the last step's error, already thrown.
    @inlinable
    public func reset() { sqlite3_reset(handle) }

    /// Sets every parameter back to NULL.
    @inlinable
    public func clearBindings() { sqlite3_clear_bindings(handle) }

    /// The current row; valid between a `step()` that returned true and the next
    /// `step()` or `reset()`.
    @inlinable
    public var row: Row { Row(handle: handle) }

    /// Steps through every remaining row, handing each to `body`. Allocates nothing
    /// per row: what `body` reads is all that is copied.
    @inlinable
    public func forEachRow(_ body: (Row) throws -> Void) throws {
        let row = Row(handle: handle)
        while try step() { try body(row) }
    }
}

/// A view of the statement's current row: typed reads straight from SQLite's
/// `sqlite3_column_*` calls. Column indexes are 0-based, like SQLite's.
public struct Row {
    @usableFromInline let handle: OpaquePointer

    @usableFromInline
    init(handle: OpaquePointer) { self.handle = handle }

    public var count: Int { Int(sqlite3_data_count(handle)) }

    /// The storage class of a column's value in this row.
    public enum StorageClass: Sendable { case integer, real, text, blob, null }

    @inlinable
    public func storageClass(at index: Int) -> StorageClass {
        switch sqlite3_column_type(handle, Int32(truncatingIfNeeded: index)) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    @inlinable
    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(truncatingIfNeeded: index)) == SQLITE_NULL
    }

    /// 0 for NULL; other storage classes converted the way SQLite does.
    @inlinable
    public func int64(at index: Int) -> Int64 {
        sqlite3_column_int64(handle, Int32(truncatingIfNeeded: index))
    }

    /// 0.0 for NULL.
    @inlinable
    public func double(at index: Int) -> Double {
        sqlite3_column_double(handle, Int32(truncatingIfNeeded: index))
    }

    /// "" for NULL; use `optionalString(at:)` to tell the two apart.
    /// Invalid UTF-8 is repaired with U+FFFD.
    @inlinable
    public func string(at index: Int) -> String {
        withUTF8(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    public func optionalString(at index: Int) -> String? {
        isNull(at: index) ? nil : string(at: index)
    }

    public func optionalInt64(at index: Int) -> Int64? {
        isNull(at: index) ? nil : int64(at: index)
    }

    public func optionalDouble(at index: Int) -> Double? {
        isNull(at: index) ? nil : double(at: index)
    }

    /// The column's text as UTF-8 bytes, read in place: no copy, no allocation.
    /// The buffer is valid only inside `body`.
    @inlinable
    public func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let column = Int32(truncatingIfNeeded: index)
        let text = sqlite3_column_text(handle, column)  // before _bytes, as SQLite's docs require
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : count))
    }

    /// The column as bytes (a blob, or text's UTF-8); empty for NULL.
    public func bytes(at index: Int) -> [UInt8] {
        let column = Int32(truncatingIfNeeded: index)
        let blob = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let blob, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: blob, count: count))
    }

    /// The column with its own storage class.
    public func value(at index: Int) -> Value {
        switch sqlite3_column_type(handle, Int32(truncatingIfNeeded: index)) {
        case SQLITE_INTEGER: .integer(int64(at: index))
        case SQLITE_FLOAT: .real(double(at: index))
        case SQLITE_TEXT: .text(string(at: index))
        case SQLITE_BLOB: .blob(bytes(at: index))
        default: .null
        }
    }

    /// Every column of the row, as values.
    public var values: [Value] {
        (0..<count).map { value(at: $0) }
    }
}
