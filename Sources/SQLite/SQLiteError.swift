import CSQLite

/// The one error the wrapper throws: what SQLite said, and about which SQL.
///
/// Printed, it reads like
/// `SQL error (SQLITE_ERROR): near "SELEC": syntax error, at offset 0 of: SELEC name FROM companies`.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (`sqlite3_extended_errcode`), e.g. `SQLITE_CONSTRAINT_UNIQUE`.
    /// Match it against a primary code to catch the whole family: `case .SQLITE_CONSTRAINT`.
    public let code: ResultCode
    /// SQLite's English message (`sqlite3_errmsg`), or the wrapper's own for misuse.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?
    /// Byte offset into `sql` of the token SQLite blames (`sqlite3_error_offset`), when it knows.
    public let offset: Int?
    /// True when the statement was interrupted because its time limit ran out
    /// (`Database.withTimeLimit`), as opposed to an interrupt from elsewhere (Ctrl-C).
    public let isTimeLimit: Bool

    public init(code: ResultCode, message: String, sql: String? = nil, offset: Int? = nil, isTimeLimit: Bool = false) {
        self.code = code
        self.message = message
        self.sql = sql
        self.offset = offset
        self.isTimeLimit = isTimeLimit
    }

    /// The same error about other SQL or at another offset (a statement's error
    /// placed in the script it came from).
    public func with(sql: String?, offset: Int?) -> SQLiteError {
        SQLiteError(code: code, message: message, sql: sql, offset: offset, isTimeLimit: isTimeLimit)
    }

    /// The same error with another message.
    public func with(message: String) -> SQLiteError {
        SQLiteError(code: code, message: message, sql: sql, offset: offset, isTimeLimit: isTimeLimit)
    }

    /// The symbolic name of the primary code, e.g. "SQLITE_BUSY".
    public var codeName: String { code.primary.name }

    /// The symbolic name of the extended code, e.g. "SQLITE_CONSTRAINT_UNIQUE".
    public var extendedCodeName: String { code.name }

    /// True for SQLITE_INTERRUPT, whether from a time limit or from Ctrl-C.
    public var isInterruption: Bool { code ~= .SQLITE_INTERRUPT }

    public var description: String {
        var text = "SQL error (\(extendedCodeName)): \(message)"
        if let sql {
            if let offset { text += ", at offset \(offset)" }
            text += " of: \(sql)"
        }
        return text
    }

    /// Reads the connection's last error; `sql` and `offset` are for the statement at hand.
    static func last(
        from db: OpaquePointer?, code: Int32, sql: String? = nil, offsetBase: Int = 0
    ) -> SQLiteError {
        guard let db else {
            return SQLiteError(code: ResultCode(rawValue: code), message: String(cString: sqlite3_errstr(code)), sql: sql)
        }
        let extended = sqlite3_extended_errcode(db)
        // The connection's error may belong to an earlier call when the code disagrees
        // (sqlite3_reset returns the step's code but keeps the message): trust `code` then.
        let useConnection = (extended & 0xFF) == (code & 0xFF)
        let message = useConnection ? String(cString: sqlite3_errmsg(db)) : String(cString: sqlite3_errstr(code))
        let rawOffset = useConnection ? Int(sqlite3_error_offset(db)) : -1
        return SQLiteError(
            code: ResultCode(rawValue: useConnection ? extended : code),
            message: message,
            sql: sql,
            offset: rawOffset >= 0 ? rawOffset + offsetBase : nil
        )
    }
}
