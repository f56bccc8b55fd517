import CSQLite

/// A prepared statement: compile once, then bind and run as often as needed.
///
/// Statements reset themselves: `execute`, `forEachRow` and `firstRow` run the
/// statement from its start to its end and leave it reset (also when they throw),
/// so a reused statement never resumes half-way and never holds a read snapshot
/// between uses. Bindings stay until bound again.
///
/// Parameters are bound by name: `parameter("uuid")` looks a name up once and
/// returns a handle that binds by index in the loop, as cheaply as C. Binding
/// copies text and blobs (SQLITE_TRANSIENT) unless the caller lends them for one
/// call (`withText(_:boundTo:_:)`) or promises their lifetime (`bindNoCopy`).
/// Like its connection, a statement is used by one thread at a time.
public final class Statement {
    /// The raw statement, for C calls the wrapper does not cover.
    public let handle: OpaquePointer
    /// The SQL this statement was compiled from.
    public let sql: String
    /// Where this statement starts in the script it came from (0 for a lone statement).
    public let offsetInScript: Int
    // Internal rather than private so that the @inlinable hot paths below (bind,
    // execute, forEachRow) can be inlined into callers in other modules: without that,
    // every call of a row loop is an opaque cross-module call.
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

    /// The number of parameters (`?`, `?NNN`, `:name`, `@name`, `$name`).
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The name of parameter `index` (1-based) with its prefix (`:id`), nil for `?`.
    public func parameterName(at index: Int) -> String? {
        sqlite3_bind_parameter_name(handle, Int32(truncatingIfNeeded: index)).map { String(cString: $0) }
    }

    // MARK: Parameters

    /// A parameter of this statement, found by name once: binding through it is by index.
    public struct Parameter: Sendable, Hashable {
        public let name: String
        @usableFromInline let index: Int32
    }

    /// The parameter called `name`, with its prefix (`:id`) or without (`id`, looked
    /// up as `:id`, `@id` and `$id`); an error naming the statement when there is none.
    public func parameter(_ name: String) throws -> Parameter {
        guard let parameter = optionalParameter(name) else {
            throw SQLiteError(code: .SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        return parameter
    }

    /// The parameter called `name`, or nil when the statement has none of that name.
    public func optionalParameter(_ name: String) -> Parameter? {
        let candidates = name.first.map { ":@$?".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(handle, candidate)
            if index > 0 { return Parameter(name: candidate, index: index) }
        }
        return nil
    }

    /// The parameter at a 1-based position, for statements whose parameters have no
    /// names (users' SQL with `?`).
    public func parameter(at position: Int) -> Parameter {
        Parameter(name: parameterName(at: position) ?? "?\(position)", index: Int32(truncatingIfNeeded: position))
    }

    // MARK: Binding

    @inlinable
    public func bind(_ value: Int64, to parameter: Parameter) throws {
        try check(sqlite3_bind_int64(handle, parameter.index, value))
    }

    @inlinable
    public func bind(_ value: Int, to parameter: Parameter) throws {
        try check(sqlite3_bind_int64(handle, parameter.index, Int64(value)))
    }

    @inlinable
    public func bind(_ value: Double, to parameter: Parameter) throws {
        try check(sqlite3_bind_double(handle, parameter.index, value))
    }

    @inlinable
    public func bind(_ value: Bool, to parameter: Parameter) throws {
        try check(sqlite3_bind_int64(handle, parameter.index, value ? 1 : 0))
    }

    /// Binds text, copied by SQLite. Embedded NUL characters are kept.
    @inlinable
    public func bind(_ value: String, to parameter: Parameter) throws {
        var value = value
        try value.withUTF8 { utf8 in try bindText(utf8, at: parameter.index, destructor: csqlite_transient()) }
    }

    /// Binds a blob, copied by SQLite. An empty array is an empty blob, not NULL.
    public func bind(bytes: [UInt8], to parameter: Parameter) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            try bindBlob(UnsafeRawBufferPointer(buffer), at: parameter.index, destructor: csqlite_transient())
        }
    }

    @inlinable
    public func bindNull(to parameter: Parameter) throws {
        try check(sqlite3_bind_null(handle, parameter.index))
    }

    /// Binds an optional value: nil is NULL.
    public func bind(_ value: Int64?, to parameter: Parameter) throws {
        if let value { try bind(value, to: parameter) } else { try bindNull(to: parameter) }
    }

    public func bind(_ value: Double?, to parameter: Parameter) throws {
        if let value { try bind(value, to: parameter) } else { try bindNull(to: parameter) }
    }

    public func bind(_ value: String?, to parameter: Parameter) throws {
        if let value { try bind(value, to: parameter) } else { try bindNull(to: parameter) }
    }

    /// Binds a value of any storage class.
    public func bind(_ value: Value, to parameter: Parameter) throws {
        switch value {
        case .null: try bindNull(to: parameter)
        case .integer(let integer): try bind(integer, to: parameter)
        case .real(let real): try bind(real, to: parameter)
        case .text(let text): try bind(text, to: parameter)
        case .blob(let bytes): try bind(bytes: bytes, to: parameter)
        }
    }

    /// Binds values by parameter name (without prefix: `["id": 42]`). A name the
    /// statement does not have is an error, and so is a parameter left without a value:
    /// neither is ever a silent NULL.
    public func bind(_ values: [String: Value]) throws {
        var bound = 0
        for (name, value) in values {
            try bind(value, to: try parameter(name))
            bound += 1
        }
        if bound < parameterCount {
            let given = Set(values.keys.map { ":" + $0 } + values.keys.map { "@" + $0 } + values.keys.map { "$" + $0 })
            let missing = (1...parameterCount).compactMap(parameterName(at:)).filter { !given.contains($0) }
            throw SQLiteError(
                code: .SQLITE_RANGE,
                message: "no value for parameter\(missing.count == 1 ? "" : "s") \(missing.isEmpty ? "?" : missing.joined(separator: ", "))",
                sql: sql)
        }
    }

    /// Binds text for the duration of `body` without copying it (SQLITE_STATIC):
    /// SQLite reads the caller's bytes in place. Afterwards the statement is reset
    /// and the parameter set to NULL, so no later run can see a dangling pointer.
    @inlinable
    public func withText<R>(_ text: String, boundTo parameter: Parameter, _ body: () throws -> R) throws -> R {
        var text = text
        return try text.withUTF8 { utf8 in
            try bindText(utf8, at: parameter.index, destructor: nil)
            defer {
                // Unbind the borrowed bytes. `execute` in the body has usually reset the
                // statement already (a second reset costs about a row's worth of work);
                // binding is refused (MISUSE) on one that is not reset, so reset then.
                if sqlite3_bind_null(handle, parameter.index) != SQLITE_OK {
                    sqlite3_reset(handle)
                    sqlite3_bind_null(handle, parameter.index)
                }
            }
            return try body()
        }
    }

    /// Binds UTF-8 bytes without copying them (SQLITE_STATIC).
    ///
    /// The caller promises the bytes stay valid and unchanged until this parameter
    /// is bound again or the statement is finalized: a reset does not release them.
    /// This is the path for a loader that binds fields straight from its read buffer.
    @inlinable
    public func bindNoCopy(utf8 text: UnsafeBufferPointer<UInt8>, to parameter: Parameter) throws {
        try bindText(text, at: parameter.index, destructor: nil)
    }

    @usableFromInline static let emptyText: StaticString = ""

    @inlinable
    func bindText(
        _ utf8: UnsafeBufferPointer<UInt8>, at index: Int32, destructor: sqlite3_destructor_type?
    ) throws {
        // A nil base address would bind NULL: "" must stay distinct from NULL.
        let base = utf8.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(Self.emptyText.utf8Start)
        try check(
            sqlite3_bind_text64(
                handle, index, base.assumingMemoryBound(to: CChar.self), UInt64(utf8.count), destructor,
                UInt8(SQLITE_UTF8)))
    }

    private func bindBlob(
        _ bytes: UnsafeRawBufferPointer, at index: Int32, destructor: sqlite3_destructor_type?
    ) throws {
        if let base = bytes.baseAddress {
            try check(sqlite3_bind_blob64(handle, index, base, UInt64(bytes.count), destructor))
        } else {
            try check(sqlite3_bind_zeroblob(handle, index, 0))
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

    // MARK: Running (each from the start to the end, leaving the statement reset)

    /// Runs the statement to completion with what is bound, ignoring rows: for
    /// INSERT, UPDATE, DELETE and DDL.
    @inlinable
    public func execute() throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            if code != SQLITE_ROW { throw error(code) }
        }
    }

    /// Binds `values` by name, then runs the statement to completion.
    public func execute(binding values: [String: Value]) throws {
        try bind(values)
        try execute()
    }

    /// Steps through every row, handing each to `body`; the row is valid only inside
    /// `body`. Allocates nothing per row: what `body` reads is all that is copied.
    @inlinable
    public func forEachRow(_ body: (Row) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        let row = Row(handle: handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_ROW {
                try body(row)
            } else if code == SQLITE_DONE {
                return
            } else {
                throw error(code)
            }
        }
    }

    /// Binds `values` by name, then steps through every row.
    public func forEachRow(binding values: [String: Value], _ body: (Row) throws -> Void) throws {
        try bind(values)
        try forEachRow(body)
    }

    /// What `body` makes of the first row, or nil when there is none.
    @inlinable
    public func firstRow<R>(_ body: (Row) throws -> R) throws -> R? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return try body(Row(handle: handle)) }
        if code == SQLITE_DONE { return nil }
        throw error(code)
    }

    /// Binds `values` by name, then reads the first row.
    public func firstRow<R>(binding values: [String: Value], _ body: (Row) throws -> R) throws -> R? {
        try bind(values)
        return try firstRow(body)
    }
}
