import SQLite
import Support

/// A knowledge table whose changes the history records (a row of `history_tables`),
/// with what undo and `aikb history` need to know of it, read from the schema.
struct TrackedTable {
    let name: String
    /// The stored columns (generated ones left out), created_run included.
    let columns: [Database.ColumnInfo]
    /// The primary key's columns, which find a row again.
    let keyColumns: [String]
    /// The SQL expression (over the table's columns) that gives a row's history key.
    let rowKeySQL: String
    /// True when the rowid is not the primary key (a TEXT key): history keeps `_rowid`.
    let keepsRowid: Bool
    /// The tracked tables this one refers to by foreign key: (column, table, referenced column).
    let references: [(column: String, table: String, referencedColumn: String)]

    static func all(in db: Database) throws -> [TrackedTable] {
        var tables: [TrackedTable] = []
        try db.prepare("SELECT name, row_key FROM history_tables ORDER BY name").forEachRow { row in
            tables.append(
                TrackedTable(
                    name: row.string(at: 0), columns: [], keyColumns: [], rowKeySQL: row.string(at: 1), keepsRowid: false,
                    references: []))
        }
        return try tables.map { table in
            let columns = try db.columns(of: table.name).filter { !$0.isGenerated }
            let key = columns.filter { $0.primaryKeyPosition > 0 }.sorted { $0.primaryKeyPosition < $1.primaryKeyPosition }
            let integerRowid = key.count == 1 && key[0].type.uppercased() == "INTEGER"
            let withoutRowid = try db.schemaObject(named: table.name)?.sql?.uppercased().contains("WITHOUT ROWID") ?? false
            let references = try db.foreignKeys(of: table.name).map { key in
                (column: key.column, table: key.table, referencedColumn: key.referencedColumn ?? "id")
            }
            return TrackedTable(
                name: table.name, columns: columns, keyColumns: key.map(\.name), rowKeySQL: table.rowKeySQL,
                keepsRowid: !integerRowid && !withoutRowid, references: references)
        }
    }

    /// The condition that finds the row whose history key is `:key`. For a table keyed by
    /// its integer id, through the primary key (the key expression alone reads every
    /// row: 0.7 s for `aikb history funding_rounds` at 2M rounds), the text compared too
    /// so that `007` is not row 7.
    /// A key of several columns (`round_id || '/' || investor_id`) whose first is an
    /// integer leading the primary key goes through the key too: the digits before the
    /// first separator are that column, as an integer's text holds no separator.
    var keyCondition: String {
        if rowKeySQL == "CAST(id AS TEXT)" { return "id = CAST(:key AS INTEGER) AND \(rowKeySQL) = :key" }
        if let first = columns.first(where: { $0.name == keyColumns.first }), first.type.uppercased() == "INTEGER",
            rowKeySQL.hasPrefix(first.name + " || '"),
            let separator = rowKeySQL.dropFirst(first.name.count + 5).first, separator != "'"
        {
            let separatorLiteral = SQL.literal(String(separator))
            return "\(SQL.identifier(first.name)) = CAST(substr(:key, 1, instr(:key, \(separatorLiteral)) - 1) AS INTEGER) AND \(rowKeySQL) = :key"
        }
        return "\(rowKeySQL) = :key"
    }

    /// `json_extract(:json, '$.column')` for a column, REAL ones cast back exactly.
    func value(of column: Database.ColumnInfo, from parameter: String) -> String {
        let path = SQL.literal("$." + column.name)
        return column.type.uppercased() == "REAL"
            ? "CAST(json_extract(:\(parameter), \(path)) AS REAL)" : "json_extract(:\(parameter), \(path))"
    }

    /// The tables in an order in which each comes before the tables it refers to
    /// (so deleting in this order removes children before parents).
    static func childrenFirst(_ tables: [TrackedTable]) -> [TrackedTable] {
        var ordered: [TrackedTable] = []
        var placed = Set<String>()
        var remaining = tables
        while !remaining.isEmpty {
            // A table goes next when no remaining table refers to it.
            let next = remaining.firstIndex { candidate in
                !remaining.contains { other in
                    other.name != candidate.name && other.references.contains { $0.table == candidate.name }
                }
            } ?? 0
            let table = remaining.remove(at: next)
            if placed.insert(table.name).inserted { ordered.append(table) }
        }
        return ordered
    }
}
