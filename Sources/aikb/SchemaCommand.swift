import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite
import Support

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Tables and views with their columns, types and row counts; reports flagged as reports.",
        discussion: "Without a name: one row per table, view and report. With a name: its columns (and, with --sql, its CREATE statement).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "A table, view or report.") var name: String?
    @Flag(help: "Print the CREATE statement instead of the columns.") var sql = false

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            if let name {
                let object = try Schema.object(name, in: db)
                if sql {
                    OutputStream.standardOutput.write(object.sql + ";\n")
                    OutputStream.standardOutput.flush()
                    return
                }
                let printer = output.printer()
                try printer.begin(columns: ["column", "type", "not_null", "primary_key", "description"])
                for column in object.columns {
                    let description: Value = column.description.map { .text($0) } ?? .null
                    let row: [Value] = [
                        .text(column.name), .text(column.type), .integer(column.notNull ? 1 : 0),
                        .integer(column.primaryKey ? 1 : 0), description,
                    ]
                    printer.write(row)
                }
                printer.end()
                return
            }
            let printer = output.printer()
            try printer.begin(columns: ["name", "kind", "columns", "rows"])
            for object in try Schema.objects(in: db) {
                let rows: Value = object.kind == .table ? .integer(try Schema.rowCount(of: object.name, in: db)) : .null
                printer.write([.text(object.name), .text(object.kind.rawValue), .integer(Int64(object.columns.count)), rows])
            }
            printer.end()
        }
    }
}
