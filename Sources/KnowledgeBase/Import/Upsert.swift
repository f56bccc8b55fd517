import CSV
import SQLite

/// One prepared `INSERT ... ON CONFLICT ... DO UPDATE` for a table, built from the
/// columns a file provides: columns the file lacks are neither set nor compared,
/// and a conflicting row is only written when a value differs, so re-importing a
/// file changes nothing.
///
/// A NOT NULL column with a DEFAULT in the schema (a status, a kind) takes its
/// default when a new row leaves it blank and keeps its value when an existing
/// row does: the default is read from the schema, never repeated here. A new row
/// records the run that created it (`created_run`), an existing one keeps it.
///
/// With a natural key (rounds, deals), a row and its file id find each other
/// whichever comes first: a row imported without its id and later with it is the
/// same row (it takes the id), and a row without an id is the one row with an id
/// that has its natural key.
final class Upsert {
    private let db: Database
    private let statement: Statement
    /// For `.insertFirst`: the UPDATE run when the INSERT found the row there.
    private let update: Statement?
    private let parameters: [String: Statement.Parameter]
    private let updateParameters: [String: Statement.Parameter]
    private let naturalKey: NaturalKey?
    /// For a natural key: the row without an id that takes the file's id.
    private let adopt: Statement?
    private let adoptParameters: [String: Statement.Parameter]
    /// For a natural key: the ids of rows with the row's natural key.
    private let idsOfKey: Statement?
    private let idsOfKeyParameters: [String: Statement.Parameter]
    /// Whether the id column was bound to NULL for the current row.
    private var idIsNull = true

    /// The file id column of a table and the columns that identify a row without one.
    /// The first column is a NOT NULL id every row binds (a company, a supplier): it is
    /// also compared with `=`, so that looking a key up starts from the table's index on
    /// it; the `ifnull` comparisons alone scan the whole table for every row.
    struct NaturalKey {
        let idColumn: String
        let columns: [String]
    }

    /// What `run` did, or why it could not.
    enum Outcome: Equatable {
        case done(RowOutcome)
        /// The row has no id and its natural key names several rows that have one.
        case ambiguous([String])
    }

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
    ///   - kept: per column, an SQL condition on the existing row under which an update
    ///     keeps that column's value (what another importer established and this file
    ///     does not speak to).
    init(
        db: Database, table: String, columns: [String], conflicts: [(target: String, where: String?)],
        keyColumns: Set<String>, classification: Classification, run: Int64, naturalKey: NaturalKey? = nil,
        kept: [String: String] = [:]
    ) throws {
        self.db = db
        self.naturalKey = naturalKey
        let tableColumns = try db.columns(of: table)
        let recordsRun = tableColumns.contains { $0.name == "created_run" }
        let defaults = Dictionary(
            tableColumns.compactMap { column in
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
            let value = defaults[column] != nil ? "coalesce(:\(column), \(quoted(column)))" : source
            guard let condition = kept[column] else { return value }
            return "CASE WHEN \(condition) THEN \(quotedTable).\(quoted(column)) ELSE \(value) END"
        }
        let names = (columns + (recordsRun ? ["created_run"] : [])).map(quoted).joined(separator: ", ")
        let values = (columns.map(inserted) + (recordsRun ? [String(run)] : [])).joined(separator: ", ")
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
        if let naturalKey {
            let id = quoted(naturalKey.idColumn)
            let leading = naturalKey.columns[0]
            let matches = (["\(quoted(leading)) = :\(leading)"]
                + naturalKey.columns.map { "ifnull(\(quoted($0)), '') = ifnull(:\($0), '')" }).joined(separator: " AND ")
            // The id-less row of the key is found by its company (`+` keeps SQLite from
            // walking every id-less row in the id's index instead: a scan per row that
            // grew with the file) and changed by its rowid, so that SQLite changes it in
            // one pass rather than collecting the rows to change in an ephemeral table
            // first. OR IGNORE leaves it as it is when another row has the id already
            // (the unique id is the one constraint the change can break).
            let adopt = try db.prepare(
                """
                UPDATE OR IGNORE \(quotedTable) SET \(id) = :\(naturalKey.idColumn)
                WHERE rowid = (SELECT rowid FROM \(quotedTable) WHERE +\(id) IS NULL AND \(matches))
                """, persistent: true)
            let idsOfKey = try db.prepare(
                "SELECT \(id) FROM \(quotedTable) WHERE \(id) IS NOT NULL AND \(matches) LIMIT 5", persistent: true)
            self.adopt = adopt
            self.idsOfKey = idsOfKey
            var adoptParameters: [String: Statement.Parameter] = [:]
            var idsOfKeyParameters: [String: Statement.Parameter] = [:]
            for column in naturalKey.columns + [naturalKey.idColumn] {
                adoptParameters[column] = try adopt.parameter(column)
                if let parameter = idsOfKey.optionalParameter(column) { idsOfKeyParameters[column] = parameter }
            }
            self.adoptParameters = adoptParameters
            self.idsOfKeyParameters = idsOfKeyParameters
        } else {
            adopt = nil
            idsOfKey = nil
            adoptParameters = [:]
            idsOfKeyParameters = [:]
        }
    }

    func bind(_ column: String, _ cell: Cell, reader: CSVReader) throws {
        if let parameter = parameters[column] { try statement.bind(cell, to: parameter, reader: reader) }
        if let update, let parameter = updateParameters[column] { try update.bind(cell, to: parameter, reader: reader) }
        if let adopt, let parameter = adoptParameters[column] { try adopt.bind(cell, to: parameter, reader: reader) }
        if let idsOfKey, let parameter = idsOfKeyParameters[column] { try idsOfKey.bind(cell, to: parameter, reader: reader) }
        if column == naturalKey?.idColumn { idIsNull = if case .null = cell { true } else { false } }
    }

    func bind(_ column: String, _ value: Int64?) throws {
        if let parameter = parameters[column] { try statement.bind(value, to: parameter) }
        if let update, let parameter = updateParameters[column] { try update.bind(value, to: parameter) }
        if let adopt, let parameter = adoptParameters[column] { try adopt.bind(value, to: parameter) }
        if let idsOfKey, let parameter = idsOfKeyParameters[column] { try idsOfKey.bind(value, to: parameter) }
        if column == naturalKey?.idColumn { idIsNull = value == nil }
    }

    func bind(_ column: String, _ value: String?) throws {
        if let parameter = parameters[column] { try statement.bind(value, to: parameter) }
        if let update, let parameter = updateParameters[column] { try update.bind(value, to: parameter) }
        if let adopt, let parameter = adoptParameters[column] { try adopt.bind(value, to: parameter) }
        if let idsOfKey, let parameter = idsOfKeyParameters[column] { try idsOfKey.bind(value, to: parameter) }
        if column == naturalKey?.idColumn { idIsNull = value == nil }
    }

    func bind(_ column: String, _ value: Value) throws {
        if let parameter = parameters[column] { try statement.bind(value, to: parameter) }
        if let update, let parameter = updateParameters[column] { try update.bind(value, to: parameter) }
        if let adopt, let parameter = adoptParameters[column] { try adopt.bind(value, to: parameter) }
        if let idsOfKey, let parameter = idsOfKeyParameters[column] { try idsOfKey.bind(value, to: parameter) }
        if column == naturalKey?.idColumn { idIsNull = value.isNull }
    }

    func bind(_ column: String, _ value: Double?) throws {
        try bind(column, value.map { .real($0) } ?? Value.null)
    }

    /// Runs the write with what is bound, first matching a natural key with a file id.
    func runMatchingNaturalKey() throws -> Outcome {
        var adopted = false
        if let naturalKey, let adopt, let idsOfKey {
            if idIsNull {
                var ids: [String] = []
                try idsOfKey.forEachRow { ids.append($0.string(at: 0)) }
                if ids.count > 1 { return .ambiguous(ids) }
                if let id = ids.first { try bind(naturalKey.idColumn, id) }
            } else {
                try adopt.execute()
                adopted = db.changes > 0
            }
        }
        let outcome = try run()
        return .done(adopted && outcome == .unchanged ? .updated : outcome)
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
