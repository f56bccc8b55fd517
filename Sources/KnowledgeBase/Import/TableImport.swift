import CSV
import SQLite

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
        guard try reader.nextRecord() else {
            sink.add(ImportProblem(file: reader.name, line: nil, column: nil, message: "the file is empty (expected a header row)"))
            return finish(false)
        }
        let columns = reader.strings
        for problem in reader.problems {
            sink.add(ImportProblem(file: reader.name, line: problem.line, column: problem.column, message: "header: " + problem.message))
        }
        var seen: [String: Int] = [:]
        for (index, name) in columns.enumerated() {
            let position = reader.position(ofField: index)
            if name.isEmpty {
                sink.add(ImportProblem(file: reader.name, line: position.line, column: position.column, message: "column \(index + 1) has no name"))
            } else if let first = seen[name.lowercased()] {
                sink.add(
                    ImportProblem(
                        file: reader.name, line: position.line, column: position.column,
                        message: "column \"\(name)\" appears twice (columns \(first + 1) and \(index + 1)); SQLite names ignore case"))
            } else {
                seen[name.lowercased()] = index
            }
        }
        let exists = try db.firstValue(
            "SELECT 1 FROM sqlite_schema WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE", [.text(table)]) != nil
        if exists && mode == .create {
            sink.add(
                ImportProblem(
                    file: reader.name, line: nil, column: nil,
                    message: "table \"\(table)\" exists already; add --append to add rows or --replace to replace it"))
        }
        if exists && mode == .append {
            let existing = Set(try db.allRows("SELECT lower(name) FROM pragma_table_info(?)", [.text(table)]).compactMap {
                if case .text(let name) = $0[0] { name } else { nil }
            })
            let unknown = columns.filter { !existing.contains($0.lowercased()) }
            if !unknown.isEmpty {
                sink.add(
                    ImportProblem(
                        file: reader.name, line: 1, column: nil,
                        message: "columns not in table \"\(table)\": \(unknown.joined(separator: ", "))"))
            }
        }
        guard sink.count == 0 else { return finish(false) }

        try db.execute("BEGIN IMMEDIATE")
        do {
            if exists && mode == .replace { try db.execute("DROP TABLE \(SQL.identifier(table))") }
            if !exists || mode == .replace {
                let definitions = columns.map { SQL.identifier($0) + " TEXT" }.joined(separator: ", ")
                try db.execute("CREATE TABLE \(SQL.identifier(table)) (\(definitions))")
            }
            let names = columns.map(SQL.identifier).joined(separator: ", ")
            let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            let insert = try db.prepare("INSERT INTO \(SQL.identifier(table)) (\(names)) VALUES (\(placeholders))", persistent: true)
            while try reader.nextRecord() {
                summary.read += 1
                if !reader.problems.isEmpty || reader.fieldCount != columns.count {
                    for problem in reader.problems {
                        sink.add(ImportProblem(file: reader.name, line: problem.line, column: problem.column, message: problem.message))
                    }
                    if reader.fieldCount != columns.count {
                        sink.add(
                            ImportProblem(
                                file: reader.name, line: reader.recordLine, column: nil,
                                message: "the row has \(reader.fieldCount) fields, the header has \(columns.count)"))
                    }
                    summary.rejected += 1
                    continue
                }
                insert.reset()
                for index in 0..<columns.count {
                    let field = reader.field(index)
                    // Unquoted empty is NULL, quoted "" the empty string: as aikb writes CSV.
                    if field.isEmpty && !reader.isQuoted(index) {
                        try insert.bindNull(at: index + 1)
                    } else {
                        try insert.bindNoCopy(utf8: field, at: index + 1)
                    }
                }
                try insert.run()
                summary.inserted += 1
            }
            if sink.count == 0 && !dryRun {
                try db.execute("COMMIT")
                return finish(true)
            }
            try db.execute("ROLLBACK")
            return finish(false)
        } catch {
            if db.isInTransaction { try? db.execute("ROLLBACK") }
            throw error
        }
    }

    /// Refuses names SQLite reserves and the knowledge base's own tables and views.
    private func checkName(sink: ProblemSink, path: String) throws {
        if table.isEmpty || table.lowercased().hasPrefix("sqlite_") {
            sink.add(ImportProblem(file: path, line: nil, column: nil, message: "\"\(table)\" cannot be a table name"))
            return
        }
        if try TableImport.knowledgeBaseObjects().contains(table.lowercased()) {
            sink.add(
                ImportProblem(
                    file: path, line: nil, column: nil,
                    message: "\"\(table)\" is part of the knowledge base; choose another table name"))
        }
    }

    /// The (lower-cased) names of every table and view the migrations create.
    public static func knowledgeBaseObjects() throws -> Set<String> {
        let scratch = try Database(path: ":memory:")
        try Migrator.embedded().migrate(scratch)
        return Set(try scratch.allRows("SELECT lower(name) FROM sqlite_schema WHERE type IN ('table', 'view')").compactMap {
            if case .text(let name) = $0[0] { name } else { nil }
        })
    }
}
