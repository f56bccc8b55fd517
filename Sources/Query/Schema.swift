import KnowledgeBase
import SQLite
import Support

/// The tables and views of the knowledge base with their documentation: SQLite's
/// own description of each (columns, generated ones included, foreign keys) joined
/// with the catalog's (`table_docs` and `table_columns` for tables, `reports` and
/// `report_columns` for reports).
public enum Schema {
    /// Every table and view (SQLite's internal tables left out), reports flagged.
    public static func objects(in db: Database) throws -> [SchemaObject] {
        let documentation = try Documentation(db)
        return try db.schemaObjects([.table, .view]).map { try object($0, documentation: documentation, in: db) }
    }

    /// The object called `name`, or an error naming the closest ones.
    public static func object(_ name: String, in db: Database) throws -> SchemaObject {
        let all = try db.schemaObjects([.table, .view])
        if let found = all.first(where: { $0.name == name }) ?? all.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return try object(found, documentation: try Documentation(db), in: db)
        }
        throw KnowledgeBaseError(
            .invalidInput, "no table, view or report named \"\(name)\"" + Suggestions.hint(for: name, among: all.map(\.name)))
    }

    /// Rows of a table (views are not counted: a view may be expensive to run).
    public static func rowCount(of table: String, in db: Database) throws -> Int64 {
        guard case .integer(let count)? = try db.firstValue("SELECT count(*) FROM \(SQL.identifier(table))") else { return 0 }
        return count
    }

    private static func object(
        _ object: Database.SchemaObject, documentation: Documentation, in db: Database
    ) throws -> SchemaObject {
        let report = documentation.reports[object.name]
        let kind: SchemaObject.Kind = object.kind == .table ? .table : report != nil ? .report : .view
        let about = kind == .table ? documentation.tables[object.name] : report ?? documentation.computedViews[object.name] ?? documentation.tables[object.name]
        let documented = documentation.columns[object.name] ?? [:]
        var references: [String: String] = [:]
        if kind == .table {
            for key in try db.foreignKeys(of: object.name) where references[key.column] == nil {
                references[key.column] = key.table + (key.referencedColumn.map { "(\($0))" } ?? "")
            }
        }
        let columns = try db.columns(of: object.name).map { column in
            SchemaColumn(
                name: column.name, type: column.type, notNull: column.notNull, primaryKey: column.primaryKeyPosition > 0,
                generated: column.isGenerated, references: references[column.name],
                description: documented[column.name]?.description, unit: documented[column.name]?.unit)
        }
        return SchemaObject(
            name: object.name, kind: kind, sql: object.sql ?? "", columns: columns, title: about?.title,
            description: about?.description)
    }

    /// The catalog's documentation of every table, report and column, read once.
    private struct Documentation {
        var tables: [String: (title: String, description: String)] = [:]
        var reports: [String: (title: String, description: String)] = [:]
        /// The views a report index is filled from (NAME_computed): described as their report.
        var computedViews: [String: (title: String, description: String)] = [:]
        /// Object, then column.
        var columns: [String: [String: (description: String?, unit: String?)]] = [:]

        init(_ db: Database) throws {
            try db.prepare("SELECT name, title, description FROM table_docs").forEachRow { row in
                tables[row.string(at: 0)] = (row.string(at: 1), row.string(at: 2))
            }
            try db.prepare("SELECT name, title, description FROM reports").forEachRow { row in
                reports[row.string(at: 0)] = (row.string(at: 1), row.string(at: 2))
            }
            // A table and a report never share a name (a report is a view).
            try db.prepare(
                """
                SELECT table_name, column_name, description, unit FROM table_columns
                UNION ALL
                SELECT report, name, description, unit FROM report_columns
                """
            ).forEachRow { row in
                let object = row.string(at: 0)
                let column = row.string(at: 1)
                if columns[object]?[column] == nil {
                    columns[object, default: [:]][column] = (row.optionalString(at: 2), row.optionalString(at: 3))
                }
            }
            for index in try ReportIndexes.all(db) {
                guard let about = reports[index.report] else { continue }
                computedViews[index.view] = (
                    about.title + " (computed)",
                    "The rows of \(index.report) computed as they are read: \(index.report) reads \(index.table), which aikb fills "
                        + "from this view at the end of every write that changes what it is made of.")
                columns[index.view] = columns[index.report]
            }
        }
    }
}
