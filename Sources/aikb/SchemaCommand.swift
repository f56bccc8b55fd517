import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite
import Support

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Tables, views and reports with their documentation; with a name, its columns.",
        discussion: HelpText.reflowed("""
            Without a name: one row per table, view and report, with its number of columns, rows (tables)
            and title. With a name: every column (generated ones included) with its type, constraints,
            the table its foreign key points to, its unit and its description, from the catalog
            (table_docs and table_columns for tables, reports and report_columns for reports);
            the table and box formats first print the object's title and description.
            With --sql: its CREATE statement.
            """))

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "A table, view or report.") var name: String?
    @Flag(help: "Print the CREATE statement instead of the columns.") var sql = false

    static let columnHeader = [
        "column", "type", "not_null", "primary_key", "generated", "references", "unit", "description",
    ]

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            guard let name else {
                let printer = output.printer()
                try printer.begin(columns: ["name", "kind", "columns", "rows", "title"])
                for object in try Schema.objects(in: db) {
                    let rows: Value = object.kind == .table ? .integer(try Schema.rowCount(of: object.name, in: db)) : .null
                    printer.write([
                        .text(object.name), .text(object.kind.rawValue), .integer(Int64(object.columns.count)), rows,
                        object.title.map { .text($0) } ?? .null,
                    ])
                }
                printer.end()
                return
            }
            let object = try Schema.object(name, in: db)
            let out = OutputStream.standardOutput
            if sql {
                out.write(object.sql + ";\n")
                out.flush()
                return
            }
            let printer = output.printer()
            try printer.check(columns: Self.columnHeader)
            if printer.format.isForPeople {
                var heading = "\(object.name) (\(object.kind.rawValue))"
                if let title = object.title { heading += ": " + title }
                if let description = object.description, !description.isEmpty { heading += "\n" + description }
                out.write(heading + "\n\n")
                out.flush()
            }
            try printer.begin(columns: Self.columnHeader)
            func text(_ value: String?) -> Value { value.map { .text($0) } ?? .null }
            for column in object.columns {
                printer.write([
                    .text(column.name), .text(column.type), .integer(column.notNull ? 1 : 0),
                    .integer(column.primaryKey ? 1 : 0), .integer(column.generated ? 1 : 0), text(column.references),
                    text(column.unit), text(column.description),
                ])
            }
            printer.end()
        }
    }
}
