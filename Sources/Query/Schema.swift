import KnowledgeBase
import SQLite
import Support

/// Tables and views of the knowledge base, for `aikb schema` and the shell.
public struct SchemaObject: Sendable {
    public enum Kind: String, Sendable { case table, view, report }

    public let name: String
    public let kind: Kind
    public let sql: String
    public let columns: [SchemaColumn]
}

public struct SchemaColumn: Sendable {
    public let name: String
    public let type: String
    public let notNull: Bool
    public let primaryKey: Bool
    /// From the report catalog, for reports.
    public let description: String?
}

public enum Schema {
    /// Every table and view (SQLite's internal tables left out), reports flagged.
    public static func objects(in db: Database) throws -> [SchemaObject] {
        let reports = Set(try db.allRows("SELECT name FROM reports").compactMap { if case .text(let name) = $0[0] { name } else { nil } })
        let rows = try db.allRows(
            """
            SELECT name, type, coalesce(sql, '') FROM sqlite_schema
            WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY type, name
            """)
        return try rows.compactMap { row in
            guard case .text(let name) = row[0], case .text(let type) = row[1], case .text(let sql) = row[2] else { return nil }
            let kind: SchemaObject.Kind = type == "table" ? .table : reports.contains(name) ? .report : .view
            return SchemaObject(name: name, kind: kind, sql: sql, columns: try columns(of: name, in: db))
        }
    }

    /// The object called `name`, or an error naming the closest ones.
    public static func object(_ name: String, in db: Database) throws -> SchemaObject {
        let all = try objects(in: db)
        if let found = all.first(where: { $0.name == name }) ?? all.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return found
        }
        throw KnowledgeBaseError(
            .invalidInput, "no table, view or report named \"\(name)\"" + Suggestions.hint(for: name, among: all.map(\.name)))
    }

    static func columns(of name: String, in db: Database) throws -> [SchemaColumn] {
        let descriptions = Dictionary(
            try db.allRows("SELECT name, description FROM report_columns WHERE report = ?", [.text(name)]).compactMap {
                row -> (String, String)? in
                if case .text(let column) = row[0], case .text(let text) = row[1] { return (column, text) }
                return nil
            }, uniquingKeysWith: { first, _ in first })
        return try db.allRows("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", [.text(name)]).compactMap { row in
            guard case .text(let column) = row[0] else { return nil }
            let type = if case .text(let text) = row[1] { text } else { "" }
            return SchemaColumn(
                name: column, type: type, notNull: row[2] == .integer(1), primaryKey: row[3] != .integer(0),
                description: descriptions[column])
        }
    }

    /// Rows of a table (views are not counted: a view may be expensive to run).
    public static func rowCount(of table: String, in db: Database) throws -> Int64 {
        guard case .integer(let count)? = try db.firstValue("SELECT count(*) FROM \(SQL.identifier(table))") else { return 0 }
        return count
    }
}
