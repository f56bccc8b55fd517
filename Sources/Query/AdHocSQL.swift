import KnowledgeBase
import SQLite
import Support

/// Something wrong with ad-hoc SQL, with where it is: `ORIGIN:LINE:COLUMN: message`
/// followed by the offending line of SQL and a caret under the position.
public struct SQLProblem: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The SQL is wrong: a syntax error, an unknown table or column, a missing parameter.
        case invalid
        /// The SQL is valid but not allowed here (a write without --write, ATTACH, ...).
        case refused
        /// The statement ran past its time limit.
        case timeLimit
        /// SQLite failed while running it (a constraint, a busy database, ...).
        case failed(SQLiteError)
    }

    public let kind: Kind
    public let origin: String
    public let line: Int?
    public let column: Int?
    public let message: String
    /// The SQL line the position is on, and the caret's column in it.
    public let context: (line: String, caret: Int)?

    public var description: String {
        var text = origin
        if let line, let column { text += ":\(line):\(column)" }
        text += ": " + message
        if let context {
            text += "\n  " + context.line + "\n  " + String(repeating: " ", count: max(0, context.caret - 1)) + "^"
        }
        return text
    }

    /// The first line only, for one-line reports.
    public var summary: String { description.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? description }
}

/// Runs users' SQL without letting it hurt the knowledge base.
///
/// Read-only by construction, in three layers: the connection is opened read-only
/// (the caller's job), an authorizer refuses at compile time every write, ATTACH
/// and DETACH (and so VACUUM INTO), PRAGMA assignments and extension loading, and
/// every statement is checked with `sqlite3_stmt_readonly` before it runs. All
/// statements of a read-only script are compiled and checked before the first one
/// runs, so `SELECT 1; DROP TABLE companies` runs nothing.
///
/// With `allowWrites` the statements run one by one in a single transaction that
/// commits only if every one succeeds; ATTACH, extension loading and PRAGMA
/// assignments stay refused.
public final class SQLSession {
    public let db: Database
    public let allowWrites: Bool
    /// Seconds each statement may run; 0 for no limit.
    public var timeLimit: Double = 5
    /// Values for named parameters (`:name`, `@name`, `$name`), by name without prefix.
    public var parameters: [String: String] = [:]
    /// The run the last `--write` session committed, for the command to report.
    public private(set) var lastRun: Int64?

    /// What `runs.detail` keeps of a script: its first line that is not blank.
    static func firstLine(of script: String) -> String {
        script.split(separator: "\n").map { $0.trimmingSpaces() }.first { !$0.isEmpty }.map(String.init) ?? ""
    }

    /// How a refusal ends: the rule of the command the SQL came from.
    public var readOnlyRule = "aikb sql is read-only unless you add --write"

    /// Why the authorizer said no (the first reason: SQLite stops asking after it).
    private var refusal: String?
    /// A --write statement inserts rows itself (not through a trigger).
    private var inserts = false
    private var lineOffset = 0

    public init(db: Database, allowWrites: Bool) {
        self.db = db
        self.allowWrites = allowWrites
    }

    /// PRAGMAs that only read, with or without an argument such as a table name.
    static let readingPragmas: Set<String> = [
        "application_id", "auto_vacuum", "busy_timeout", "cache_size", "collation_list", "compile_options",
        "data_version", "database_list", "encoding", "foreign_key_check", "foreign_key_list", "foreign_keys",
        "freelist_count", "function_list", "index_info", "index_list", "index_xinfo", "integrity_check",
        "journal_mode", "module_list", "page_count", "page_size", "pragma_list", "quick_check", "schema_version",
        "table_info", "table_list", "table_xinfo", "trusted_schema", "user_version",
    ]
    /// Of those, the ones whose argument is not a new value.
    static let pragmasWithArguments: Set<String> = [
        "foreign_key_check", "foreign_key_list", "index_info", "index_list", "index_xinfo", "integrity_check",
        "quick_check", "table_info", "table_list", "table_xinfo",
    ]

    private func decide(_ request: AuthorizerRequest) -> AuthorizerDecision {
        func refuse(_ reason: String) -> AuthorizerDecision {
            if refusal == nil { refusal = reason }
            return .deny
        }
        switch request.action {
        case .select?, .read?, .recursive?:
            return .allow
        case .function?:
            if request.argument2?.lowercased() == "load_extension" {
                return refuse("loading extensions is not allowed")
            }
            return .allow
        case .pragma?:
            let name = request.argument1?.lowercased() ?? ""
            if Self.readingPragmas.contains(name) && (request.argument2 == nil || Self.pragmasWithArguments.contains(name)) {
                return .allow
            }
            if request.argument2 != nil {
                return refuse("PRAGMA assignments are not allowed (PRAGMA \(name) = \(request.argument2!))")
            }
            return refuse("PRAGMA \(name) is not allowed (only PRAGMAs that read are)")
        case .attach?, .detach?:
            return refuse(
                "\(request.action == .attach ? "ATTACH (and VACUUM INTO)" : "DETACH") is not allowed: aikb sql reaches only this knowledge base")
        case .transaction?:
            if allowWrites {
                return refuse("--write runs all statements in one transaction of its own: leave out BEGIN, COMMIT and ROLLBACK")
            }
            return .allow
        case .savepoint?:
            return .allow
        default:
            if allowWrites {
                if request.action == .createVirtualTable || request.action == .dropVirtualTable {
                    return refuse("virtual tables are not allowed")
                }
                if request.action == .insert && request.trigger == nil && request.database == "main" { inserts = true }
                return .allow
            }
            // SQLite asks about the schema table's rows first and stops at the first "no".
            if ["sqlite_master", "sqlite_temp_master", "sqlite_schema"].contains(request.argument1 ?? "") {
                return refuse("this statement changes the schema (CREATE, DROP or ALTER); " + readOnlyRule)
            }
            return refuse("this statement writes (\(Self.describe(request))); " + readOnlyRule)
        }
    }

    static func describe(_ request: AuthorizerRequest) -> String {
        let what: String =
            switch request.action {
            case .insert?: "INSERT INTO"
            case .update?: "UPDATE"
            case .delete?: "DELETE FROM"
            case .createTable?, .createTempTable?: "CREATE TABLE"
            case .createIndex?, .createTempIndex?: "CREATE INDEX"
            case .createView?, .createTempView?: "CREATE VIEW"
            case .createTrigger?, .createTempTrigger?: "CREATE TRIGGER"
            case .dropTable?, .dropTempTable?: "DROP TABLE"
            case .dropIndex?, .dropTempIndex?: "DROP INDEX"
            case .dropView?, .dropTempView?: "DROP VIEW"
            case .dropTrigger?, .dropTempTrigger?: "DROP TRIGGER"
            case .alterTable?: "ALTER TABLE"
            case .analyze?: "ANALYZE"
            case .reindex?: "REINDEX"
            case let action?: String(describing: action)
            case nil: "action \(request.code)"
            }
        if let name = request.argument1, request.action != .analyze || name != "" { return "\(what) \(name)" }
        return what
    }

    /// Runs a script. `onResult` gets each statement that returns rows, ready to
    /// step (stream) through; `onChanges` the number of rows each write changed.
    /// `firstLine` is the line of `origin` the script starts on (for a shell reading a file).
    public func run(
        _ script: String, origin: String, firstLine: Int = 1, onResult: (Statement) throws -> Void,
        onChanges: (Int) -> Void = { _ in }
    ) throws {
        lineOffset = firstLine - 1
        if allowWrites {
            try runWriting(script, origin: origin, onResult: onResult, onChanges: onChanges)
        } else {
            try runReading(script, origin: origin, onResult: onResult)
        }
    }

    private func runReading(_ script: String, origin: String, onResult: (Statement) throws -> Void) throws {
        var statements: [Statement] = []
        try withAuthorizer {
            try compile(script, origin: origin) { statement in
                guard statement.isReadOnly else {
                    throw problem(
                        .refused, "this statement writes; " + readOnlyRule,
                        offset: statement.offsetInScript, in: script, origin: origin)
                }
                statements.append(statement)
            }
        }
        for statement in statements {
            try execute(statement, script: script, origin: origin, onResult: onResult, onChanges: { _ in })
        }
    }

    private func runWriting(
        _ script: String, origin: String, onResult: (Statement) throws -> Void, onChanges: (Int) -> Void
    ) throws {
        try db.inTransaction(.immediate) {
            // Every change is recorded with this session's run, like an import's.
            let run = try Runs.open(db, command: "sql --write", detail: Self.firstLine(of: script))
            inserts = false
            try withAuthorizer {
                try compile(script, origin: origin) { statement in
                    try execute(statement, script: script, origin: origin, onResult: onResult, onChanges: onChanges)
                }
            }
            // Updates and deletes show in history and new rows in created_run, but an
            // INSERT may also put back a row as it was, and REPLACE deletes unrecorded.
            if inserts || script.uppercased().contains("REPLACE") { try MoneyWeb.recomputeAtClose(db) }
            try Runs.close(db, run)
            lastRun = run
            return .commit
        }
    }

    private func withAuthorizer(_ body: () throws -> Void) throws {
        db.setAuthorizer { [unowned self] in self.decide($0) }
        defer { db.setAuthorizer(nil) }
        try body()
    }

    /// Compiles the script's statements one by one, turning failures into problems with positions.
    private func compile(_ script: String, origin: String, _ body: (Statement) throws -> Void) throws {
        refusal = nil
        do {
            try db.forEachStatement(in: script) { statement in
                try bindParameters(statement, script: script, origin: origin)
                try body(statement)
            }
        } catch let error as SQLiteError {
            // The authorizer said no: SQLITE_AUTH, or for functions SQLite's own
            // "not authorized to use function" error.
            if let reason = refusal {
                throw problem(.refused, reason, offset: error.offset, in: script, origin: origin)
            }
            db.setAuthorizer(nil)  // the schema lookups for suggestions must not be refused
            throw problem(.invalid, error.message + (try suggestion(for: error.message, in: script)), offset: error.offset, in: script, origin: origin)
        }
    }

    private func bindParameters(_ statement: Statement, script: String, origin: String) throws {
        guard statement.parameterCount > 0 else { return }
        for index in 1...statement.parameterCount {
            guard let name = statement.parameterName(at: index), name.count > 1, !name.hasPrefix("?") else {
                throw problem(
                    .invalid, "positional parameters (?) cannot be given values; name them (:name) and use --param name=VALUE",
                    offset: statement.offsetInScript, in: script, origin: origin)
            }
            let key = String(name.dropFirst())
            guard let text = parameters[key] else {
                throw problem(
                    .invalid, "no value for parameter \(name) (give --param \(key)=VALUE)",
                    offset: statement.offsetInScript, in: script, origin: origin)
            }
            try statement.bind(Self.value(of: text), to: statement.parameter(at: index))
        }
    }

    /// A parameter's value: an integer or a real when it is written as one exactly
    /// ("42", "1.5"), otherwise text ("007" stays text).
    static func value(of text: String) -> Value {
        if let integer = Int64(text), String(integer) == text { return .integer(integer) }
        if let real = Double(text), real.isFinite, !text.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }),
            text.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true
        {
            return .real(real)
        }
        return .text(text)
    }

    private func execute(
        _ statement: Statement, script: String, origin: String, onResult: (Statement) throws -> Void,
        onChanges: (Int) -> Void
    ) throws {
        do {
            try db.withTimeLimit(seconds: timeLimit) {
                if statement.columnCount > 0 {
                    try onResult(statement)
                } else {
                    try statement.execute()
                    if !statement.isReadOnly { onChanges(db.changes) }
                }
            }
        } catch let error as SQLiteError {
            let kind: SQLProblem.Kind = error.isTimeLimit ? .timeLimit : .failed(error)
            throw problem(kind, error.message, offset: statement.offsetInScript, in: script, origin: origin)
        }
    }

    /// "; did you mean ...?" for unknown tables and columns. A column is looked for
    /// among the columns of the tables and views the script names (those of the
    /// qualifier's table for `c.sector`), and only among all columns when it names
    /// none; the name itself is never suggested back.
    private func suggestion(for message: String, in script: String) throws -> String {
        if message.hasPrefix("no such table: ") {
            var name = String(message.dropFirst("no such table: ".count))
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
            return Suggestions.hint(for: name, among: try db.tableNames(includingViews: true).filter { $0.lowercased() != name.lowercased() })
        }
        guard message.hasPrefix("no such column: ") else { return "" }
        let qualified = String(message.dropFirst("no such column: ".count))
        var name = qualified
        var qualifier: String?
        if let dot = qualified.lastIndex(of: ".") {
            name = String(qualified[qualified.index(after: dot)...])
            qualifier = String(qualified[..<dot]).lowercased()
        }
        let mentioned = SQLNames(script).objects(among: try db.tableNames(includingViews: true))
        var objects = mentioned.map(\.name)
        if let qualifier,
            let object = mentioned.first(where: { $0.name.lowercased() == qualifier || $0.aliases.contains { $0.lowercased() == qualifier } })
        {
            objects = [object.name]
        }
        if objects.isEmpty { objects = try db.tableNames(includingViews: true) }
        var candidates: [String] = []
        for object in objects {
            for column in try db.columns(of: object) where column.name.lowercased() != name.lowercased() && !candidates.contains(column.name) {
                candidates.append(column.name)
            }
        }
        return Suggestions.hint(for: name, among: candidates)
    }

    private func problem(_ kind: SQLProblem.Kind, _ message: String, offset: Int?, in script: String, origin: String) -> SQLProblem {
        guard let offset else {
            return SQLProblem(kind: kind, origin: origin, line: nil, column: nil, message: message, context: nil)
        }
        let (line, column) = TextPosition.lineAndColumn(ofByteOffset: offset, in: script)
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
        var text = line - 1 < lines.count ? String(lines[line - 1]).replacingTabs() : ""
        if text.hasSuffix("\r") { text.removeLast() }
        return SQLProblem(
            kind: kind, origin: origin, line: line + lineOffset, column: column, message: message, context: (text, column))
    }
}
