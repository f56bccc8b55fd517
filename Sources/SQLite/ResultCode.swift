/// An SQLite result code, primary (`SQLITE_CONSTRAINT`) or extended
/// (`SQLITE_CONSTRAINT_UNIQUE`), by name: code that reads `case .SQLITE_BUSY` says what
/// it means, where `case 5` needs a comment.
///
/// As a pattern, a primary code matches its extended codes too (after GRDB), so
/// `case .SQLITE_CONSTRAINT:` catches every kind of constraint failure, while
/// `case .SQLITE_CONSTRAINT_UNIQUE:` catches only that one.
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code: `SQLITE_CONSTRAINT` for `SQLITE_CONSTRAINT_UNIQUE`.
    public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    public var isPrimary: Bool { rawValue & ~0xFF == 0 }

    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern.isPrimary ? pattern.rawValue == code.primary.rawValue : pattern.rawValue == code.rawValue
    }

    public static let SQLITE_OK = ResultCode(rawValue: 0)
    public static let SQLITE_ROW = ResultCode(rawValue: 100)
    public static let SQLITE_DONE = ResultCode(rawValue: 101)
    public static let SQLITE_ERROR = ResultCode(rawValue: 1)
    public static let SQLITE_INTERNAL = ResultCode(rawValue: 2)
    public static let SQLITE_PERM = ResultCode(rawValue: 3)
    public static let SQLITE_ABORT = ResultCode(rawValue: 4)
    public static let SQLITE_BUSY = ResultCode(rawValue: 5)
    public static let SQLITE_LOCKED = ResultCode(rawValue: 6)
    public static let SQLITE_NOMEM = ResultCode(rawValue: 7)
    public static let SQLITE_READONLY = ResultCode(rawValue: 8)
    public static let SQLITE_INTERRUPT = ResultCode(rawValue: 9)
    public static let SQLITE_IOERR = ResultCode(rawValue: 10)
    public static let SQLITE_CORRUPT = ResultCode(rawValue: 11)
    public static let SQLITE_NOTFOUND = ResultCode(rawValue: 12)
    public static let SQLITE_FULL = ResultCode(rawValue: 13)
    public static let SQLITE_CANTOPEN = ResultCode(rawValue: 14)
    public static let SQLITE_PROTOCOL = ResultCode(rawValue: 15)
    public static let SQLITE_EMPTY = ResultCode(rawValue: 16)
    public static let SQLITE_SCHEMA = ResultCode(rawValue: 17)
    public static let SQLITE_TOOBIG = ResultCode(rawValue: 18)
    public static let SQLITE_CONSTRAINT = ResultCode(rawValue: 19)
    public static let SQLITE_MISMATCH = ResultCode(rawValue: 20)
    public static let SQLITE_MISUSE = ResultCode(rawValue: 21)
    public static let SQLITE_NOLFS = ResultCode(rawValue: 22)
    public static let SQLITE_AUTH = ResultCode(rawValue: 23)
    public static let SQLITE_FORMAT = ResultCode(rawValue: 24)
    public static let SQLITE_RANGE = ResultCode(rawValue: 25)
    public static let SQLITE_NOTADB = ResultCode(rawValue: 26)
    public static let SQLITE_NOTICE = ResultCode(rawValue: 27)
    public static let SQLITE_WARNING = ResultCode(rawValue: 28)
    public static let SQLITE_ERROR_MISSING_COLLSEQ = ResultCode(rawValue: 257)
    public static let SQLITE_ERROR_RETRY = ResultCode(rawValue: 513)
    public static let SQLITE_ERROR_SNAPSHOT = ResultCode(rawValue: 769)
    public static let SQLITE_IOERR_READ = ResultCode(rawValue: 266)
    public static let SQLITE_IOERR_SHORT_READ = ResultCode(rawValue: 522)
    public static let SQLITE_IOERR_WRITE = ResultCode(rawValue: 778)
    public static let SQLITE_IOERR_FSYNC = ResultCode(rawValue: 1034)
    public static let SQLITE_IOERR_DIR_FSYNC = ResultCode(rawValue: 1290)
    public static let SQLITE_IOERR_TRUNCATE = ResultCode(rawValue: 1546)
    public static let SQLITE_IOERR_FSTAT = ResultCode(rawValue: 1802)
    public static let SQLITE_IOERR_UNLOCK = ResultCode(rawValue: 2058)
    public static let SQLITE_IOERR_RDLOCK = ResultCode(rawValue: 2314)
    public static let SQLITE_IOERR_DELETE = ResultCode(rawValue: 2570)
    public static let SQLITE_IOERR_BLOCKED = ResultCode(rawValue: 2826)
    public static let SQLITE_IOERR_NOMEM = ResultCode(rawValue: 3082)
    public static let SQLITE_IOERR_ACCESS = ResultCode(rawValue: 3338)
    public static let SQLITE_IOERR_CHECKRESERVEDLOCK = ResultCode(rawValue: 3594)
    public static let SQLITE_IOERR_LOCK = ResultCode(rawValue: 3850)
    public static let SQLITE_IOERR_CLOSE = ResultCode(rawValue: 4106)
    public static let SQLITE_IOERR_DIR_CLOSE = ResultCode(rawValue: 4362)
    public static let SQLITE_IOERR_SHMOPEN = ResultCode(rawValue: 4618)
    public static let SQLITE_IOERR_SHMSIZE = ResultCode(rawValue: 4874)
    public static let SQLITE_IOERR_SHMLOCK = ResultCode(rawValue: 5130)
    public static let SQLITE_IOERR_SHMMAP = ResultCode(rawValue: 5386)
    public static let SQLITE_IOERR_SEEK = ResultCode(rawValue: 5642)
    public static let SQLITE_IOERR_DELETE_NOENT = ResultCode(rawValue: 5898)
    public static let SQLITE_IOERR_MMAP = ResultCode(rawValue: 6154)
    public static let SQLITE_IOERR_GETTEMPPATH = ResultCode(rawValue: 6410)
    public static let SQLITE_IOERR_CONVPATH = ResultCode(rawValue: 6666)
    public static let SQLITE_IOERR_VNODE = ResultCode(rawValue: 6922)
    public static let SQLITE_IOERR_AUTH = ResultCode(rawValue: 7178)
    public static let SQLITE_IOERR_BEGIN_ATOMIC = ResultCode(rawValue: 7434)
    public static let SQLITE_IOERR_COMMIT_ATOMIC = ResultCode(rawValue: 7690)
    public static let SQLITE_IOERR_ROLLBACK_ATOMIC = ResultCode(rawValue: 7946)
    public static let SQLITE_IOERR_DATA = ResultCode(rawValue: 8202)
    public static let SQLITE_IOERR_CORRUPTFS = ResultCode(rawValue: 8458)
    public static let SQLITE_CANTOPEN_NOTEMPDIR = ResultCode(rawValue: 270)
    public static let SQLITE_CANTOPEN_ISDIR = ResultCode(rawValue: 526)
    public static let SQLITE_CANTOPEN_FULLPATH = ResultCode(rawValue: 782)
    public static let SQLITE_CANTOPEN_CONVPATH = ResultCode(rawValue: 1038)
    public static let SQLITE_CANTOPEN_DIRTYWAL = ResultCode(rawValue: 1294)
    public static let SQLITE_CANTOPEN_SYMLINK = ResultCode(rawValue: 1550)
    public static let SQLITE_CORRUPT_VTAB = ResultCode(rawValue: 267)
    public static let SQLITE_CORRUPT_SEQUENCE = ResultCode(rawValue: 523)
    public static let SQLITE_CORRUPT_INDEX = ResultCode(rawValue: 779)
    public static let SQLITE_READONLY_RECOVERY = ResultCode(rawValue: 264)
    public static let SQLITE_READONLY_CANTLOCK = ResultCode(rawValue: 520)
    public static let SQLITE_READONLY_ROLLBACK = ResultCode(rawValue: 776)
    public static let SQLITE_READONLY_DBMOVED = ResultCode(rawValue: 1032)
    public static let SQLITE_READONLY_CANTINIT = ResultCode(rawValue: 1288)
    public static let SQLITE_READONLY_DIRECTORY = ResultCode(rawValue: 1544)
    public static let SQLITE_ABORT_ROLLBACK = ResultCode(rawValue: 516)
    public static let SQLITE_CONSTRAINT_CHECK = ResultCode(rawValue: 275)
    public static let SQLITE_CONSTRAINT_COMMITHOOK = ResultCode(rawValue: 531)
    public static let SQLITE_CONSTRAINT_FOREIGNKEY = ResultCode(rawValue: 787)
    public static let SQLITE_CONSTRAINT_FUNCTION = ResultCode(rawValue: 1043)
    public static let SQLITE_CONSTRAINT_NOTNULL = ResultCode(rawValue: 1299)
    public static let SQLITE_CONSTRAINT_PRIMARYKEY = ResultCode(rawValue: 1555)
    public static let SQLITE_CONSTRAINT_TRIGGER = ResultCode(rawValue: 1811)
    public static let SQLITE_CONSTRAINT_UNIQUE = ResultCode(rawValue: 2067)
    public static let SQLITE_CONSTRAINT_VTAB = ResultCode(rawValue: 2323)
    public static let SQLITE_NOTICE_RECOVER_WAL = ResultCode(rawValue: 283)
    public static let SQLITE_NOTICE_RECOVER_ROLLBACK = ResultCode(rawValue: 539)
    public static let SQLITE_WARNING_AUTOINDEX = ResultCode(rawValue: 284)
    public static let SQLITE_AUTH_USER = ResultCode(rawValue: 279)

    /// The symbolic name, e.g. "SQLITE_BUSY"; an extended code this table does not
    /// know is named after its primary code ("SQLITE_IOERR_99").
    public var name: String {
        switch rawValue {
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
            rawValue > 0xFF ? primary.name + "_\(rawValue >> 8)" : "SQLITE_\(rawValue)"
        }
    }

    public var description: String { name }
}
