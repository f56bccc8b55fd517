import CSV
import SQLite
import Support

/// `aikb import --table NAME FILE`: any CSV as a plain table of TEXT columns named
/// exactly after its header (as `sqlite-utils insert` does), read with the same
/// strict reader, so users can join their own spreadsheets against the knowledge base.
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
            reader = try CSVReader(path: path)
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
        try db.inTransaction(.immediate) {
            let run = try Runs.open(db, command: "import --table", detail: "\(table) \(reader.name)")
            if existing != nil && mode == .replace { try db.execute("DROP TABLE \(SQL.identifier(table))") }
            if existing == nil || mode == .replace {
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
            let insert = try db.prepare("INSERT INTO \(SQL.identifier(table)) (\(names)) VALUES (\(placeholders))", persistent: true)
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
                    }
                }
                try insert.execute()
                summary.inserted += 1
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
        return result
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
