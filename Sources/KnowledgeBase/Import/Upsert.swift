import CSV
import SQLite

/// What importing one row did.
enum RowOutcome { case inserted, updated, unchanged, rejected }

/// One prepared `INSERT ... ON CONFLICT ... DO UPDATE` for a table, built from the
/// columns a file provides: columns the file lacks are neither set nor compared,
/// and a conflicting row is only written when a value differs, so re-importing a
/// file changes nothing.
final class Upsert {
    private let db: Database
    private let statement: Statement
    private let probe: Statement?
    private let parameters: [String: Int]

    /// How to tell an insert from an update.
    enum Classification {
        /// Rowid tables: an insert sets the last-insert rowid, an update does not.
        case rowid
        /// WITHOUT ROWID tables: a lookup by key before writing, with the key columns
        /// bound by the same names.
        case probe(sql: String, keyColumns: [String])
    }

    private let probeKeys: [String]

    /// - Parameters:
    ///   - columns: the table columns to write, each bound as `:column`.
    ///   - conflicts: conflict targets with their optional WHERE, e.g.
    ///     `("(external_id)", nil)`; the key columns are not updated.
    ///   - keyColumns: columns that identify the row (never part of the SET list).
    ///   - fixedValues: SQL expressions for columns that are not bound (e.g. defaults).
    init(
        db: Database, table: String, columns: [String], conflicts: [(target: String, where: String?)],
        keyColumns: Set<String>, classification: Classification
    ) throws {
        self.db = db
        let quotedTable = SQL.identifier(table)
        let names = columns.map(SQL.identifier).joined(separator: ", ")
        let values = columns.map { ":" + $0 }.joined(separator: ", ")
        let updatable = columns.filter { !keyColumns.contains($0) }
        var sql = "INSERT INTO \(quotedTable) (\(names)) VALUES (\(values))"
        for conflict in conflicts {
            sql += "\nON CONFLICT \(conflict.target)"
            if let condition = conflict.where { sql += " WHERE \(condition)" }
            if updatable.isEmpty {
                sql += " DO NOTHING"
            } else {
                let assignments = updatable.map { "\(SQL.identifier($0)) = excluded.\(SQL.identifier($0))" }
                let changed = updatable.map { "\(quotedTable).\(SQL.identifier($0)) IS NOT excluded.\(SQL.identifier($0))" }
                sql += " DO UPDATE SET \(assignments.joined(separator: ", ")) WHERE \(changed.joined(separator: " OR "))"
            }
        }
        statement = try db.prepare(sql, persistent: true)
        var parameters: [String: Int] = [:]
        for column in columns { parameters[column] = statement.parameterIndex(":" + column) }
        self.parameters = parameters
        switch classification {
        case .rowid:
            probe = nil
            probeKeys = []
        case .probe(let probeSQL, let keys):
            probe = try db.prepare(probeSQL, persistent: true)
            probeKeys = keys
        }
    }

    func bind(_ column: String, _ cell: Cell, reader: CSVReader) throws {
        guard let index = parameters[column] else { return }
        try statement.bind(cell, at: index, reader: reader)
    }

    func bind(_ column: String, _ value: Int64?) throws {
        guard let index = parameters[column] else { return }
        try statement.bind(value, at: index)
    }

    func bind(_ column: String, _ value: String?) throws {
        guard let index = parameters[column] else { return }
        try statement.bind(value, at: index)
    }

    /// Runs the upsert with what is bound; the probe (if any) reuses the key bindings.
    func run(keys: [Value] = []) throws -> RowOutcome {
        var existed = false
        if let probe {
            probe.reset()
            try probe.bind(keys)
            existed = try probe.step()
            probe.reset()
        } else {
            db.lastInsertRowID = 0
        }
        statement.reset()
        try statement.run()
        statement.reset()
        if db.changes == 0 { return .unchanged }
        if probe != nil { return existed ? .updated : .inserted }
        return db.lastInsertRowID != 0 ? .inserted : .updated
    }
}
