import CSV
import SQLite

/// One prepared `INSERT ... ON CONFLICT ... DO UPDATE` for a table, built from the
/// columns a file provides: columns the file lacks are neither set nor compared,
/// and a conflicting row is only written when a value differs, so re-importing a
/// file changes nothing.
///
/// A NOT NULL column with a DEFAULT in the schema (a status, a kind) takes its
/// default when a new row leaves it blank and keeps its value when an existing
/// row does: the default is read from the schema, never repeated here.
final class Upsert {
    private let db: Database
    private let statement: Statement
    /// For `.insertFirst`: the UPDATE run when the INSERT found the row there.
    private let update: Statement?
    private let parameters: [String: Statement.Parameter]
    private let updateParameters: [String: Statement.Parameter]

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
        let defaults = Dictionary(
            try db.columns(of: table).compactMap { column in
                column.notNull ? column.defaultSQL.map { (column.name, $0) } : nil
            }, uniquingKeysWith: { first, _ in first })
        let quotedTable = SQL.identifier(table)
        func quoted(_ column: String) -> String { SQL.identifier(column) }
        /// The value a new row gets: the bound one, or the schema's default for a blank.
        func inserted(_ column: String) -> String {
            defaults[column].map { "coalesce(:\(column), \($0))" } ?? ":" + column
        }
        /// The value an existing row gets: the bound one, or its own for a blank defaulted column.
        func updated(_ column: String, from source: String) -> String {
            defaults[column] != nil ? "coalesce(:\(column), \(quoted(column)))" : source
        }
        let names = columns.map(quoted).joined(separator: ", ")
        let values = columns.map(inserted).joined(separator: ", ")
        let updatable = columns.filter { !keyColumns.contains($0) }
        var sql = "INSERT INTO \(quotedTable) (\(names)) VALUES (\(values))"
        switch classification {
        case .rowid:
            let assignments = updatable.map { "\(quoted($0)) = \(updated($0, from: "excluded." + quoted($0)))" }
            let changed = updatable.map {
                "\(quotedTable).\(quoted($0)) IS NOT \(updated($0, from: "excluded." + quoted($0)))"
            }
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
                let set = updatable.map { "\(quoted($0)) = \(updated($0, from: ":" + $0))" }.joined(separator: ", ")
                let key = keys.map { "\(quoted($0)) = :\($0)" }.joined(separator: " AND ")
                let differs = updatable.map { "\(quoted($0)) IS NOT \(updated($0, from: ":" + $0))" }.joined(separator: " OR ")
                update = try db.prepare("UPDATE \(quotedTable) SET \(set) WHERE \(key) AND (\(differs))", persistent: true)
            }
        }
        statement = try db.prepare(sql, persistent: true)
        var parameters: [String: Statement.Parameter] = [:]
        var updateParameters: [String: Statement.Parameter] = [:]
        for column in columns {
            parameters[column] = try statement.parameter(column)
            if let update { updateParameters[column] = try update.parameter(column) }
        }
        self.parameters = parameters
        self.updateParameters = updateParameters
    }

    func bind(_ column: String, _ cell: Cell, reader: CSVReader) throws {
        if let parameter = parameters[column] { try statement.bind(cell, to: parameter, reader: reader) }
        if let update, let parameter = updateParameters[column] { try update.bind(cell, to: parameter, reader: reader) }
    }

    func bind(_ column: String, _ value: Int64?) throws {
        if let parameter = parameters[column] { try statement.bind(value, to: parameter) }
        if let update, let parameter = updateParameters[column] { try update.bind(value, to: parameter) }
    }

    func bind(_ column: String, _ value: String?) throws {
        if let parameter = parameters[column] { try statement.bind(value, to: parameter) }
        if let update, let parameter = updateParameters[column] { try update.bind(value, to: parameter) }
    }

    /// Runs the write with what is bound.
    func run() throws -> RowOutcome {
        if update == nil { db.lastInsertRowID = 0 }
        try statement.execute()
        let changes = db.changes
        if let update {
            if changes > 0 { return .inserted }
            try update.execute()
            return db.changes > 0 ? .updated : .unchanged
        }
        if changes == 0 { return .unchanged }
        return db.lastInsertRowID != 0 ? .inserted : .updated
    }
}
