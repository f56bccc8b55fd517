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
    /// For `.insertFirst`: the UPDATE run when the INSERT found the row there.
    private let update: Statement?
    private let parameters: [String: Int]
    private let updateParameters: [String: Int]

    /// How to tell an insert from an update.
    enum Classification {
        /// Rowid tables: one UPSERT; an insert sets the last-insert rowid, an update does not.
        case rowid
        /// WITHOUT ROWID tables (no rowid to watch): INSERT ... DO NOTHING, then, only
        /// when the row was there, an UPDATE of the changed values. A new row costs one
        /// statement, as with `.rowid`.
        case insertFirst
    }

    /// - Parameters:
    ///   - columns: the table columns to write, each bound as `:column`.
    ///   - conflicts: conflict targets with their optional WHERE, e.g.
    ///     `("(external_id)", nil)`; the key columns are not updated.
    ///   - keyColumns: columns that identify the row (never part of the SET list).
    init(
        db: Database, table: String, columns: [String], conflicts: [(target: String, where: String?)],
        keyColumns: Set<String>, classification: Classification
    ) throws {
        self.db = db
        let quotedTable = SQL.identifier(table)
        let names = columns.map(SQL.identifier).joined(separator: ", ")
        let values = columns.map { ":" + $0 }.joined(separator: ", ")
        let updatable = columns.filter { !keyColumns.contains($0) }
        let assignments = updatable.map { "\(SQL.identifier($0)) = excluded.\(SQL.identifier($0))" }
        let changed = updatable.map { "\(quotedTable).\(SQL.identifier($0)) IS NOT excluded.\(SQL.identifier($0))" }
        var sql = "INSERT INTO \(quotedTable) (\(names)) VALUES (\(values))"
        switch classification {
        case .rowid:
            for conflict in conflicts {
                sql += "\nON CONFLICT \(conflict.target)"
                if let condition = conflict.where { sql += " WHERE \(condition)" }
                sql += updatable.isEmpty
                    ? " DO NOTHING"
                    : " DO UPDATE SET \(assignments.joined(separator: ", ")) WHERE \(changed.joined(separator: " OR "))"
            }
            update = nil
        case .insertFirst:
            sql += " ON CONFLICT DO NOTHING"
            let keys = columns.filter { keyColumns.contains($0) }
            if updatable.isEmpty {
                update = nil
            } else {
                let set = updatable.map { "\(SQL.identifier($0)) = :\($0)" }.joined(separator: ", ")
                let key = keys.map { "\(SQL.identifier($0)) = :\($0)" }.joined(separator: " AND ")
                let differs = updatable.map { "\(SQL.identifier($0)) IS NOT :\($0)" }.joined(separator: " OR ")
                update = try db.prepare("UPDATE \(quotedTable) SET \(set) WHERE \(key) AND (\(differs))", persistent: true)
            }
        }
        statement = try db.prepare(sql, persistent: true)
        var parameters: [String: Int] = [:]
        var updateParameters: [String: Int] = [:]
        for column in columns {
            parameters[column] = statement.parameterIndex(":" + column)
            if let update { updateParameters[column] = update.parameterIndex(":" + column) }
        }
        self.parameters = parameters
        self.updateParameters = updateParameters
    }

    func bind(_ column: String, _ cell: Cell, reader: CSVReader) throws {
        if let index = parameters[column] { try statement.bind(cell, at: index, reader: reader) }
        if let update, let index = updateParameters[column] { try update.bind(cell, at: index, reader: reader) }
    }

    func bind(_ column: String, _ value: Int64?) throws {
        if let index = parameters[column] { try statement.bind(value, at: index) }
        if let update, let index = updateParameters[column] { try update.bind(value, at: index) }
    }

    func bind(_ column: String, _ value: String?) throws {
        if let index = parameters[column] { try statement.bind(value, at: index) }
        if let update, let index = updateParameters[column] { try update.bind(value, at: index) }
    }

    /// Runs the write with what is bound.
    func run() throws -> RowOutcome {
        if update == nil { db.lastInsertRowID = 0 }
        statement.reset()
        try statement.run()
        statement.reset()
        let changes = db.changes
        if let update {
            if changes > 0 { return .inserted }
            update.reset()
            try update.run()
            update.reset()
            return db.changes > 0 ? .updated : .unchanged
        }
        if changes == 0 { return .unchanged }
        return db.lastInsertRowID != 0 ? .inserted : .updated
    }
}
