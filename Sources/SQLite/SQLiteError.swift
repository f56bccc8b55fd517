import CSQLite

/// The one error the wrapper throws: what SQLite said, and about which SQL.
///
/// Printed, it reads like
/// `SQL error (SQLITE_ERROR): near "SELEC": syntax error, at offset 0 of: SELEC name FROM companies`.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (`sqlite3_extended_errcode`), e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE.
    public let extendedCode: Int32
    /// SQLite's English message (`sqlite3_errmsg`), or the wrapper's own for misuse.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?
    /// Byte offset into `sql` of the token SQLite blames (`sqlite3_error_offset`), when it knows.
    public let offset: Int?

    public init(extendedCode: Int32, message: String, sql: String? = nil, offset: Int? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
        self.offset = offset
    }

    /// The primary result code (`SQLITE_CONSTRAINT` for `SQLITE_CONSTRAINT_UNIQUE`).
    public var code: Int32 { extendedCode & 0xFF }

    /// The symbolic name of the primary code, e.g. "SQLITE_BUSY".
    public var codeName: String { Self.name(of: code) }

    /// The symbolic name of the extended code, e.g. "SQLITE_CONSTRAINT_UNIQUE".
    public var extendedCodeName: String { Self.name(of: extendedCode) }

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
            return SQLiteError(extendedCode: code, message: String(cString: sqlite3_errstr(code)), sql: sql)
        }
        let extended = sqlite3_extended_errcode(db)
        // The connection's error may belong to an earlier call when the code disagrees
        // (sqlite3_reset returns the step's code but keeps the message): trust `code` then.
        let useConnection = (extended & 0xFF) == (code & 0xFF)
        let message = useConnection ? String(cString: sqlite3_errmsg(db)) : String(cString: sqlite3_errstr(code))
        let rawOffset = useConnection ? Int(sqlite3_error_offset(db)) : -1
        return SQLiteError(
            extendedCode: useConnection ? extended : code,
            message: message,
            sql: sql,
            offset: rawOffset >= 0 ? rawOffset + offsetBase : nil
        )
    }

    /// The symbolic name of a primary or extended result code.
    public static func name(of code: Int32) -> String {
        switch code {
        case 0: "SQLITE_OK"
        case 100: "SQLITE_ROW"
        case 101: "SQLITE_DONE"
        case 1: "SQLITE_ERROR"
        case 2: "SQLITE_INTERNAL"
        case 3: "SQLITE_PERM"
        case 4: "SQLITE_ABORT"
        case 5: "SQLITE_BUSY"
        case 6: "SQLITE_LOCKED"
        case 7: "SQLITE_NOMEM"
        case 8: "SQLITE_READONLY"
        case 9: "SQLITE_INTERRUPT"
        case 10: "SQLITE_IOERR"
        case 11: "SQLITE_CORRUPT"
        case 12: "SQLITE_NOTFOUND"
        case 13: "SQLITE_FULL"
        case 14: "SQLITE_CANTOPEN"
        case 15: "SQLITE_PROTOCOL"
        case 16: "SQLITE_EMPTY"
        case 17: "SQLITE_SCHEMA"
        case 18: "SQLITE_TOOBIG"
        case 19: "SQLITE_CONSTRAINT"
        case 20: "SQLITE_MISMATCH"
        case 21: "SQLITE_MISUSE"
        case 22: "SQLITE_NOLFS"
        case 23: "SQLITE_AUTH"
        case 24: "SQLITE_FORMAT"
        case 25: "SQLITE_RANGE"
        case 26: "SQLITE_NOTADB"
        case 27: "SQLITE_NOTICE"
        case 28: "SQLITE_WARNING"
        case 257: "SQLITE_ERROR_MISSING_COLLSEQ"
        case 513: "SQLITE_ERROR_RETRY"
        case 769: "SQLITE_ERROR_SNAPSHOT"
        case 266: "SQLITE_IOERR_READ"
        case 522: "SQLITE_IOERR_SHORT_READ"
        case 778: "SQLITE_IOERR_WRITE"
        case 1034: "SQLITE_IOERR_FSYNC"
        case 1290: "SQLITE_IOERR_DIR_FSYNC"
        case 1546: "SQLITE_IOERR_TRUNCATE"
        case 1802: "SQLITE_IOERR_FSTAT"
        case 2058: "SQLITE_IOERR_UNLOCK"
        case 2314: "SQLITE_IOERR_RDLOCK"
        case 2570: "SQLITE_IOERR_DELETE"
        case 2826: "SQLITE_IOERR_BLOCKED"
        case 3082: "SQLITE_IOERR_NOMEM"
        case 3338: "SQLITE_IOERR_ACCESS"
        case 3594: "SQLITE_IOERR_CHECKRESERVEDLOCK"
        case 3850: "SQLITE_IOERR_LOCK"
        case 4106: "SQLITE_IOERR_CLOSE"
        case 4362: "SQLITE_IOERR_DIR_CLOSE"
        case 4618: "SQLITE_IOERR_SHMOPEN"
        case 4874: "SQLITE_IOERR_SHMSIZE"
        case 5130: "SQLITE_IOERR_SHMLOCK"
        case 5386: "SQLITE_IOERR_SHMMAP"
        case 5642: "SQLITE_IOERR_SEEK"
        case 5898: "SQLITE_IOERR_DELETE_NOENT"
        case 6154: "SQLITE_IOERR_MMAP"
        case 6410: "SQLITE_IOERR_GETTEMPPATH"
        case 6666: "SQLITE_IOERR_CONVPATH"
        case 6922: "SQLITE_IOERR_VNODE"
        case 7178: "SQLITE_IOERR_AUTH"
        case 7434: "SQLITE_IOERR_BEGIN_ATOMIC"
        case 7690: "SQLITE_IOERR_COMMIT_ATOMIC"
        case 7946: "SQLITE_IOERR_ROLLBACK_ATOMIC"
        case 8202: "SQLITE_IOERR_DATA"
        case 8458: "SQLITE_IOERR_CORRUPTFS"
        case 270: "SQLITE_CANTOPEN_NOTEMPDIR"
        case 526: "SQLITE_CANTOPEN_ISDIR"
        case 782: "SQLITE_CANTOPEN_FULLPATH"
        case 1038: "SQLITE_CANTOPEN_CONVPATH"
        case 1294: "SQLITE_CANTOPEN_DIRTYWAL"
        case 1550: "SQLITE_CANTOPEN_SYMLINK"
        case 267: "SQLITE_CORRUPT_VTAB"
        case 523: "SQLITE_CORRUPT_SEQUENCE"
        case 779: "SQLITE_CORRUPT_INDEX"
        case 264: "SQLITE_READONLY_RECOVERY"
        case 520: "SQLITE_READONLY_CANTLOCK"
        case 776: "SQLITE_READONLY_ROLLBACK"
        case 1032: "SQLITE_READONLY_DBMOVED"
        case 1288: "SQLITE_READONLY_CANTINIT"
        case 1544: "SQLITE_READONLY_DIRECTORY"
        case 516: "SQLITE_ABORT_ROLLBACK"
        case 275: "SQLITE_CONSTRAINT_CHECK"
        case 531: "SQLITE_CONSTRAINT_COMMITHOOK"
        case 787: "SQLITE_CONSTRAINT_FOREIGNKEY"
        case 1043: "SQLITE_CONSTRAINT_FUNCTION"
        case 1299: "SQLITE_CONSTRAINT_NOTNULL"
        case 1555: "SQLITE_CONSTRAINT_PRIMARYKEY"
        case 1811: "SQLITE_CONSTRAINT_TRIGGER"
        case 2067: "SQLITE_CONSTRAINT_UNIQUE"
        case 2323: "SQLITE_CONSTRAINT_VTAB"
        case 283: "SQLITE_NOTICE_RECOVER_WAL"
        case 539: "SQLITE_NOTICE_RECOVER_ROLLBACK"
        case 284: "SQLITE_WARNING_AUTOINDEX"
        case 279: "SQLITE_AUTH_USER"
        default:
            // An extended code this table does not know: name its primary code.
            code > 0xFF ? name(of: code & 0xFF) + "_\(code >> 8)" : "SQLITE_\(code)"
        }
    }
}
