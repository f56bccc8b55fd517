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

struct FacetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facets",
        abstract: "Value counts per column of a table, view or report (Datasette's facets).",
        discussion: "One row per (column, value) with its count, most frequent first; --where filters as in report run.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The table, view or report.") var object: String
    @Argument(help: "Columns to count values of.") var columns: [String]
    @Option(name: .customLong("where"), help: ArgumentHelp("A filter (repeatable): COL=VALUE, COL>VALUE, COL<VALUE, COL~TEXT, ...", valueName: "filter"))
    var filters: [String] = []
    @Option(help: ArgumentHelp("Values per column at most.", valueName: "n")) var limit = 20

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            let statement = try Facets.query(object, columns: columns, filters: try filters.map(Filter.parse), limit: limit, in: db)
            try printRows(of: statement, with: output.printer())
        }
    }
}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "The ecosystem graph as Graphviz DOT or Mermaid.",
        discussion: """
            Companies are nodes, coloured by sector; edges are investments (green), supply deals (blue),
            backstops and leasebacks (red) and other relationships (dashed), labelled with kinds and amounts.
              aikb graph --around NVIDIA --format dot | dot -Tsvg > ecosystem.svg
            """)

    enum GraphFormat: String, ExpressibleByArgument { case dot, mermaid }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only the neighbourhood of this company (name or alias).") var around: String?
    @Option(help: "Steps from --around (1: direct partners).") var depth = 1
    @Option(help: ArgumentHelp("Edge types or kinds to keep: investment, supply, relationship, leaseback, ...", valueName: "kind,..."))
    var kinds: String?
    @Option(help: ArgumentHelp("Only edges dated on or after this date.", valueName: "date")) var since: String?
    @Option(help: "dot or mermaid.") var format: GraphFormat = .dot

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            var options = Graph.Options()
            options.around = around
            options.depth = depth
            options.kinds = kinds.map { $0.split(separator: ",").map { String($0.trimmingSpaces()) } } ?? []
            options.since = since
            let graph = try Graph.build(from: db, options: options)
            OutputStream.standardOutput.write(format == .dot ? graph.dot() : graph.mermaid())
            OutputStream.standardOutput.flush()
        }
    }
}
