import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite
import Support

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
    @Option(parsing: .unconditional, help: ArgumentHelp("Values per column at most.", valueName: "n")) var limit = 20

    func validate() throws {
        if let problem = Facets.limitProblem(limit) { throw ValidationError(problem) }
    }

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            let parsed = try filters.map(Filter.parse)
            let statement = try Facets.query(
                object, columns: columns, filters: parsed, limit: limit, in: db,
                resolved: { Terminal.error("aikb: " + $0) })
            try printRows(of: statement, with: output.printer())
            // Say what --limit left out, on stderr so that csv and json stay what they were.
            for (column, values) in try Facets.distinctValues(object, columns: columns, filters: parsed, in: db)
            where values > Int64(limit) {
                Terminal.error(
                    "aikb: \(column): \(limit) of \(values) values shown, \(values - Int64(limit)) left out (--limit \(values) shows all)")
            }
        }
    }
}
