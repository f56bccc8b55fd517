import KnowledgeBase
import SQLite
import Support

/// A table or view of the knowledge base, for `aikb schema` and the shell.
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
    /// A generated column (computed from others, never imported).
    public let generated: Bool
    /// The table (and column) a foreign key points to: `companies(id)`.
    public let references: String?
    /// From the report catalog, for reports.
    public let description: String?
}

public enum Schema {
    /// Every table and view (SQLite's internal tables left out), reports flagged.
    public static func objects(in db: Database) throws -> [SchemaObject] {
        let reports = Set(try db.strings("SELECT name FROM reports"))
        return try db.schemaObjects([.table, .view]).map { object in
            let kind: SchemaObject.Kind = object.kind == .table ? .table : reports.contains(object.name) ? .report : .view
            return SchemaObject(name: object.name, kind: kind, sql: object.sql ?? "", columns: try columns(of: object.name, in: db))
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
        var descriptions: [String: String] = [:]
        for row in try db.allRows(
            "SELECT name, description FROM report_columns WHERE report = :report", binding: ["report": .text(name)])
        {
            if case .text(let column) = row[0], case .text(let text) = row[1], descriptions[column] == nil {
                descriptions[column] = text
            }
        }
        var references: [String: String] = [:]
        for key in try db.foreignKeys(of: name) where references[key.column] == nil {
            references[key.column] = key.table + (key.referencedColumn.map { "(\($0))" } ?? "")
        }
        return try db.columns(of: name).map { column in
            SchemaColumn(
                name: column.name, type: column.type, notNull: column.notNull, primaryKey: column.primaryKeyPosition > 0,
                generated: column.isGenerated, references: references[column.name], description: descriptions[column.name])
        }
    }

    /// Rows of a table (views are not counted: a view may be expensive to run).
    public static func rowCount(of table: String, in db: Database) throws -> Int64 {
        guard case .integer(let count)? = try db.firstValue("SELECT count(*) FROM \(SQL.identifier(table))") else { return 0 }
        return count
    }
}
