import CSV
import SQLite
import Support

/// `aikb import --table NAME FILE`: any CSV as a plain table with columns named
/// exactly after its header, read with the same strict reader, so users can join
/// their own spreadsheets against the knowledge base. Column types are detected as
/// `sqlite-utils insert --detect-types` does: INTEGER when every value is a whole
/// number, REAL when every value is a number, else TEXT (blank cells do not count;
/// a column of none stays TEXT, and so do numbers with leading zeros such as ZIP
/// codes, which would lose them). Without detection every column is TEXT.
public struct TableImport {
    public enum Mode: Sendable {
        /// The table must not exist yet.
        case create
        /// Add rows to an existing table whose columns include the file's.
        case append
        /// Drop the existing table and load the file in its place.
        case replace
    }

    public let db: Database
    public let table: String
    public let mode: Mode
    public var dryRun = false
    public var maxProblems = 1000
    /// Column types from the values (`--no-detect-types` turns it off).
    public var detectTypes = true
    /// Delimiter (nil: sniffed) and encoding.
    public var csv = CSVOptions.sniffing

    public init(db: Database, table: String, mode: Mode) {
        self.db = db
        self.table = table
        self.mode = mode
    }

    public func run(path: String) throws -> ImportResult {
        let sink = ProblemSink(limit: maxProblems)
        var summary = FileSummary(file: path, kind: "table \(table)", format: "csv")
        func finish(_ committed: Bool) -> ImportResult {
            ImportResult(files: [summary], problems: sink.sorted, problemCount: sink.count, committed: committed)
        }
        try checkName(sink: sink, path: path)
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, options: csv)
        } catch let error as CSVFileError {
            sink.add(ImportProblem(file: path, line: nil, column: nil, message: error.reason))
            return finish(false)
        }
        summary.file = reader.name
        let hasher = BackgroundHasher()
        reader.observeRawBytes { hasher.update($0) }
        let started = MonotonicClock.milliseconds()
        guard let columns = try CSVChecks.header(
            of: reader, sink: sink, sameName: { $0.lowercased() }, note: "; SQLite names ignore case")
        else { return finish(false) }
        let existing = try db.schemaObject(named: table)
        if existing != nil && mode == .create {
            sink.add(
                ImportProblem(
                    file: reader.name, line: nil, column: nil,
                    message: "table \"\(table)\" exists already; add --append to add rows or --replace to replace it"))
        }
        if let existing, mode == .append {
            let known = Set(try db.columns(of: existing.name).map { $0.name.lowercased() })
            let unknown = columns.filter { !known.contains($0.lowercased()) }
            if !unknown.isEmpty {
                sink.add(
                    ImportProblem(
                        file: reader.name, line: 1, column: nil,
                        message: "columns not in table \"\(table)\": \(unknown.joined(separator: ", "))"))
            }
        }
        guard sink.count == 0 else { return finish(false) }
        var committed = false
        var runID: Int64?
        var notices: [ImportNotice] = []
        let creates = existing == nil || mode == .replace
        // Detected types need every value first: rows go to a scratch table of TEXT
        // columns, then into the table with its types.
        let staging = creates && detectTypes ? "aikb_import_staging" : nil
        let target = staging.map { "temp." + SQL.identifier($0) } ?? SQL.identifier(table)
        var types = [ColumnType](repeating: .none, count: columns.count)
        try db.inTransaction(.immediate) {
            let run = try Runs.open(db, command: "import --table", detail: "\(table) \(reader.name)")
            if existing != nil && mode == .replace { try db.execute("DROP TABLE \(SQL.identifier(table))") }
            if let staging {
                let definitions = columns.map { SQL.identifier($0) + " TEXT" }.joined(separator: ", ")
                try db.execute("DROP TABLE IF EXISTS temp.\(SQL.identifier(staging))")
                try db.execute("CREATE TEMP TABLE \(SQL.identifier(staging)) (\(definitions))")
            } else if creates {
                let definitions = columns.map { SQL.identifier($0) + " TEXT" }.joined(separator: ", ")
                try db.execute("CREATE TABLE \(SQL.identifier(table)) (\(definitions))")
            }
            try db.execute(
                """
                INSERT INTO imported_tables (name, file) VALUES (:name, :file)
                ON CONFLICT (name) DO UPDATE SET file = excluded.file, updated_at = excluded.updated_at
                """, binding: ["name": .text(table), "file": .text(reader.name)])
            let names = columns.map(SQL.identifier).joined(separator: ", ")
            let placeholders = (1...columns.count).map { ":c\($0)" }.joined(separator: ", ")
            let insert = try db.prepare("INSERT INTO \(target) (\(names)) VALUES (\(placeholders))", persistent: true)
            let fields = try (1...columns.count).map { try insert.parameter("c\($0)") }
            while try reader.nextRecord() {
                summary.read += 1
                guard CSVChecks.recordIsWhole(reader, width: columns.count, sink: sink) else {
                    summary.rejected += 1
                    continue
                }
                for (index, parameter) in fields.enumerated() {
                    let field = reader.field(index)
                    // Unquoted empty is NULL, quoted "" the empty string: as aikb writes CSV.
                    if field.isEmpty && !reader.isQuoted(index) {
                        try insert.bindNull(to: parameter)
                    } else {
                        try insert.bindNoCopy(utf8: field, to: parameter)
                        if staging != nil { types[index].widen(with: field) }
                    }
                }
                try insert.execute()
                summary.inserted += 1
            }
            if let staging, sink.count == 0 {
                let definitions = zip(columns, types).map { SQL.identifier($0) + " " + $1.declared }.joined(separator: ", ")
                try db.execute("CREATE TABLE \(SQL.identifier(table)) (\(definitions))")
                let values = zip(columns, types).map { column, type in
                    let name = SQL.identifier(column)
                    switch type.declared {
                    case "INTEGER": return "CAST(nullif(trim(\(name)), '') AS INTEGER)"
                    case "REAL": return "CAST(nullif(trim(\(name)), '') AS REAL)"
                    default: return name
                    }
                }
                try db.execute(
                    "INSERT INTO \(SQL.identifier(table)) (\(names)) SELECT \(values.joined(separator: ", ")) FROM temp.\(SQL.identifier(staging))")
                try db.execute("DROP TABLE temp.\(SQL.identifier(staging))")
                for declared in ["INTEGER", "REAL"] {
                    let typed = zip(columns, types).filter { $1.declared == declared }.map(\.0)
                    if !typed.isEmpty {
                        notices.append(ImportNotice(file: reader.name, message: "\(declared) columns: \(typed.joined(separator: ", "))"))
                    }
                }
            }
            guard sink.count == 0 && !dryRun else { return .rollback }
            // Logged like every import run: file, hash, counts.
            try db.execute(
                """
                INSERT INTO import_log (run_id, file, content_sha256, kind, format, rows_read, inserted, updated,
                                        unchanged, duration_ms)
                VALUES (:run, :file, :sha256, :kind, 'csv', :read, :inserted, 0, 0, :ms)
                """,
                binding: [
                    "run": .integer(run), "file": .text(reader.name), "sha256": .text(hasher.finalize()),
                    "kind": .text(summary.kind), "read": .integer(Int64(summary.read)),
                    "inserted": .integer(Int64(summary.inserted)),
                    "ms": .integer(Int64(MonotonicClock.milliseconds() - started)),
                ])
            try Runs.close(db, run)
            runID = run
            committed = true
            return .commit
        }
        var result = finish(committed)
        result.run = runID
        result.notices = notices
        return result
    }

    /// What a column's values so far allow it to be, as sqlite-utils decides.
    enum ColumnType {
        /// No value yet.
        case none
        case integer
        case real
        case text

        var declared: String {
            switch self {
            case .integer: "INTEGER"
            case .real: "REAL"
            case .none, .text: "TEXT"
            }
        }

        /// Takes one more (non-NULL) value into account.
        mutating func widen(with field: UnsafeBufferPointer<UInt8>) {
            if self == .text { return }
            var start = 0
            var end = field.count
            while start < end && (field[start] == 0x20 || field[start] == 0x09) { start += 1 }
            while end > start && (field[end - 1] == 0x20 || field[end - 1] == 0x09) { end -= 1 }
            if start == end { return }  // a blank cell says nothing
            let bytes = UnsafeBufferPointer(rebasing: field[start..<end])
            if self != .real && Self.isInteger(bytes) {
                self = .integer
            } else if ValueParsing.decimal(Substring(String(decoding: bytes, as: UTF8.self))) != nil
                && !Self.hasLeadingZero(bytes)
            {
                self = .real
            } else {
                self = .text
            }
        }

        /// An optional sign and at most 18 digits, without a leading zero (`007` is text).
        static func isInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
            let digits = bytes.count - index
            guard digits >= 1 && digits <= 18 else { return false }
            if digits > 1 && bytes[index] == UInt8(ascii: "0") { return false }
            for byte in bytes[index...] where byte < 0x30 || byte > 0x39 { return false }
            return true
        }

        /// `007`, `-012.5`: digits after a leading zero before any point.
        static func hasLeadingZero(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
            return bytes.count > index + 1 && bytes[index] == UInt8(ascii: "0")
                && bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39
        }
    }

    /// Refuses names SQLite reserves and the knowledge base's own tables and views:
    /// only tables an earlier `--table` import made may be appended to or replaced.
    private func checkName(sink: ProblemSink, path: String) throws {
        if table.isEmpty || table.lowercased().hasPrefix("sqlite_") {
            sink.add(ImportProblem(file: path, line: nil, column: nil, message: "\"\(table)\" cannot be a table name"))
            return
        }
        guard try db.objectExists(table) else { return }
        let imported = try db.firstValue(
            "SELECT 1 FROM imported_tables WHERE name = :name", binding: ["name": .text(table)]) != nil
        if !imported {
            sink.add(
                ImportProblem(
                    file: path, line: nil, column: nil,
                    message: "\"\(table)\" is part of the knowledge base; choose another table name"))
        }
    }
}
