import CSQLite

/// What the schema holds, asked of SQLite itself (`sqlite_schema` and the
/// table-valued PRAGMA functions), so that no caller writes these queries again.
extension Database {
    /// A table, view, index or trigger of the main database.
    public struct SchemaObject: Sendable, Equatable {
        public enum Kind: String, Sendable { case table, view, index, trigger }
        public let name: String
        public let kind: Kind
        /// The table an index or trigger belongs to (the object itself for tables and views).
        public let table: String
        /// The CREATE statement; nil for automatic indexes.
        public let sql: String?
    }

    /// A column as `PRAGMA table_xinfo` describes it, generated and hidden ones included.
    public struct ColumnInfo: Sendable, Equatable {
        public let name: String
        /// The declared type ("" when none).
        public let type: String
        public let notNull: Bool
        /// The DEFAULT as SQL text (`'startup'`, `0`), nil when there is none.
        public let defaultSQL: String?
        /// 1-based position in the primary key, 0 when not part of it.
        public let primaryKeyPosition: Int
        /// A generated column (VIRTUAL or STORED).
        public let isGenerated: Bool
    }

    /// A foreign key of one column (`PRAGMA foreign_key_list`).
    public struct ForeignKey: Sendable, Equatable {
        public let column: String
        public let table: String
        /// nil when it references the other table's primary key.
        public let referencedColumn: String?
    }

    /// Every object of the given kinds, by kind and name: SQLite's own (`sqlite_%`) and the
    /// shadow tables a virtual table keeps its data in (FTS5's `_data`, `_idx`, ...) left out.
    public func schemaObjects(_ kinds: Set<SchemaObject.Kind> = [.table, .view]) throws -> [SchemaObject] {
        var objects: [SchemaObject] = []
        try prepare(
            """
            SELECT name, type, tbl_name, sql FROM sqlite_schema
            WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
              AND name NOT IN (SELECT name FROM pragma_table_list WHERE schema = 'main' AND \(TableKind.shadow.condition))
            ORDER BY type, name
            """
        ).forEachRow { row in
            guard let kind = SchemaObject.Kind(rawValue: row.string(at: 1)), kinds.contains(kind) else { return }
            objects.append(
                SchemaObject(name: row.string(at: 0), kind: kind, table: row.string(at: 2), sql: row.optionalString(at: 3)))
        }
        return objects
    }

    /// What `PRAGMA table_list` says a table is.
    public enum TableKind: Sendable {
        /// An ordinary table, with a rowid.
        case rowid
        case withoutRowid
        /// A table a virtual table keeps its data in (FTS5's `_data`, `_idx`, ...).
        case shadow

        /// Its condition on a `PRAGMA table_list` row.
        var condition: String {
            switch self {
            case .rowid: "type = 'table' AND wr = 0"
            case .withoutRowid: "type = 'table' AND wr = 1"
            case .shadow: "type = 'shadow'"
            }
        }
    }

    /// The main database's tables of one kind, by name, SQLite's own (`sqlite_schema`,
    /// `sqlite_sequence`, ...) left out. `PRAGMA table_list` works out
    /// the columns of every view first, with or without a table's name (19 ms for aikb's
    /// views, once per connection): for a reader's every run, ask `hasRowid`.
    public func tableNames(_ kind: TableKind) throws -> Set<String> {
        Set(try strings(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND \(kind.condition) AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"))
    }

    /// False for a WITHOUT ROWID table (and a view), true for any other table, as
    /// `sqlite3_table_column_metadata` tells: it describes the column "rowid" of every
    /// table that has one, and reads nothing but the named table's schema.
    public func hasRowid(_ table: String) -> Bool {
        ResultCode(rawValue: sqlite3_table_column_metadata(handle, "main", table, "rowid", nil, nil, nil, nil, nil)) == .SQLITE_OK
    }

    /// The names of every table (or also view) of the main database.
    public func tableNames(includingViews: Bool = false) throws -> [String] {
        try schemaObjects(includingViews ? [.table, .view] : [.table]).map(\.name)
    }

    /// The object called `name` (case-insensitively, as SQLite resolves names), if any.
    public func schemaObject(named name: String) throws -> SchemaObject? {
        try prepare(
            "SELECT name, type, tbl_name, sql FROM sqlite_schema WHERE name = :name COLLATE NOCASE"
        ).firstRow(binding: ["name": .text(name)]) { row in
            SchemaObject.Kind(rawValue: row.string(at: 1)).map {
                SchemaObject(name: row.string(at: 0), kind: $0, table: row.string(at: 2), sql: row.optionalString(at: 3))
            }
        } ?? nil
    }

    /// True when a table or view (or, with `kinds`, another object) of that name exists.
    public func objectExists(_ name: String, kinds: Set<SchemaObject.Kind> = [.table, .view]) throws -> Bool {
        guard let object = try schemaObject(named: name) else { return false }
        return kinds.contains(object.kind)
    }

    /// The columns of a table or view, in order, hidden and generated ones included.
    public func columns(of table: String) throws -> [ColumnInfo] {
        var columns: [ColumnInfo] = []
        try prepare(
            "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(:table)"
        ).forEachRow(binding: ["table": .text(table)]) { row in
            // hidden: 0 a normal column, 1 a virtual table's hidden column, 2 and 3 generated.
            let hidden = row.int64(at: 5)
            guard hidden != 1 else { return }
            columns.append(
                ColumnInfo(
                    name: row.string(at: 0), type: row.string(at: 1), notNull: row.int64(at: 2) == 1,
                    defaultSQL: row.optionalString(at: 3), primaryKeyPosition: Int(row.int64(at: 4)),
                    isGenerated: hidden == 2 || hidden == 3))
        }
        return columns
    }

    /// The foreign keys of a table, one per column.
    public func foreignKeys(of table: String) throws -> [ForeignKey] {
        var keys: [ForeignKey] = []
        try prepare(
            "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(:table) ORDER BY id, seq"
        ).forEachRow(binding: ["table": .text(table)]) { row in
            keys.append(ForeignKey(column: row.string(at: 0), table: row.string(at: 1), referencedColumn: row.optionalString(at: 2)))
        }
        return keys
    }
}
