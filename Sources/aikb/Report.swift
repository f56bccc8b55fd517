import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite
import Support

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Named reports: list, show, run, save and drop.",
        discussion: HelpText.reflowed("""
            A report is a SQL view with a title, a description and documented columns; its name is
            the view's name, so sqlite3 and Datasette see the same rows (select * from circular_financing).
            """),
        subcommands: [List.self, Show.self, Run.self, Save.self, Drop.self, Refresh.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "One row per report: name, title, description.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            try reportingErrors {
                let reports = try Reports(db: database.open(.read)).list()
                let printer = output.printer()
                try printer.begin(columns: ["name", "title", "description", "builtin"])
                for report in reports {
                    printer.write([.text(report.name), .text(report.title), .text(report.description), .integer(report.builtin ? 1 : 0)])
                }
                printer.end()
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "A report's description, columns (with their units) and SQL.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The report.") var name: String
        @Option(
            help: ArgumentHelp(
                "text (default), or json for everything; table, box, line, csv, tsv, jsonl or markdown for the columns alone.",
                valueName: "format"))
        var format: String?

        static let formats = "text, json, table, box, line, csv, tsv, jsonl or markdown"

        func validate() throws {
            if let format, format != "text", OutputFormat(rawValue: format) == nil {
                throw ValidationError("--format \(format): expected \(Self.formats)")
            }
        }

        func run() throws {
            try reportingErrors {
                let reports = Reports(db: try database.open(.read))
                let info = try reports.info(name)
                let columns = try reports.columns(of: name)
                let sql = try reports.sql(of: name)
                let computed = try reports.computedSQL(of: name)
                let out = OutputStream.standardOutput
                switch format {
                case nil, "text":
                    var text = "\(info.name): \(info.title)\(info.builtin ? "" : " (saved)")\n\n\(info.description)\n\nColumns:\n"
                    let width = columns.map(\.name.count).max() ?? 0
                    let unitWidth = columns.map { $0.unit?.count ?? 0 }.max() ?? 0
                    for column in columns {
                        text += "  " + column.name.padded(to: width) + "  " + (column.unit ?? "").padded(to: unitWidth) + "  "
                            + (column.description ?? "") + "\n"
                    }
                    text += "\nSQL:\n" + sql + "\n"
                    if let computed {
                        text += "\nComputed by (into \(computed.indexTable), at each aikb write that changes the tables it reads):\n"
                            + computed.sql + "\n"
                    }
                    out.write(text)
                    out.flush()
                case "json":
                    let list = columns.map {
                        "{\"name\":\(JSON.string($0.name)),\"unit\":\($0.unit.map(JSON.string) ?? "null"),"
                            + "\"description\":\($0.description.map(JSON.string) ?? "null")}"
                    }
                    out.write(
                        "{\"name\":\(JSON.string(info.name)),\"title\":\(JSON.string(info.title)),\"description\":\(JSON.string(info.description)),"
                            + "\"builtin\":\(info.builtin),\"columns\":[\(list.joined(separator: ","))],\"sql\":\(JSON.string(sql)),"
                            + "\"computed_sql\":\(computed.map { JSON.string($0.sql) } ?? "null")}\n")
                    out.flush()
                case let other?:
                    let printer = RowPrinter(format: OutputFormat(rawValue: other)!, output: out)  // checked by validate()
                    try printer.begin(columns: ["column", "unit", "description"])
                    for column in columns {
                        printer.write([
                            .text(column.name), column.unit.map { .text($0) } ?? .null, column.description.map { .text($0) } ?? .null,
                        ])
                    }
                    printer.end()
                }
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a report, with filters, order and limit.",
            discussion: HelpText.reflowed("""
                Filters: --where COL=VALUE, COL!=VALUE, COL>VALUE, COL>=VALUE, COL<VALUE, COL<=VALUE, or COL~TEXT
                (contains, ignoring case); repeat --where to combine them with AND. Values are bound as
                parameters, never spliced into SQL; numbers compare as numbers. Column names are checked
                against the report.
                """))
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The report.") var name: String
        @Option(name: .customLong("where"), help: ArgumentHelp("A filter (repeatable).", valueName: "filter"))
        var filters: [String] = []
        @Option(help: ArgumentHelp("Sort by this column (repeatable).", valueName: "column")) var orderBy: [String] = []
        @Flag(help: "Sort in descending order.") var desc = false
        @Option(parsing: .unconditional, help: ArgumentHelp("At most this many rows.", valueName: "n")) var limit: Int?
        @Option(parsing: .unconditional, help: ArgumentHelp("Stop the report after this many seconds (0: no limit).", valueName: "seconds"))
        var timeout: Double = 0

        func validate() throws {
            if timeout < 0 { throw ValidationError("--timeout must be 0 or more") }
            if let limit, let problem = Reports.limitProblem(limit) { throw ValidationError(problem) }
        }

        func run() throws {
            try reportingErrors {
                let db = try database.open(.read)
                let reports = Reports(db: db)
                let statement = try reports.query(
                    name, filters: try filters.map(Filter.parse), orderBy: orderBy, descending: desc, limit: limit,
                    resolved: { Terminal.error("aikb: " + $0) })
                if Self.readLoopIndex.contains(name) {
                    try warnIfLoopsAreBehind(db)
                } else if let index = try ReportIndexes.indexTable(readBy: name, in: db) {
                    try warnIfReportIndexIsBehind(db, report: name, index: index)
                }
                let units = Dictionary(
                    try reports.columns(of: name).compactMap { column in column.unit.map { (column.name, $0) } },
                    uniquingKeysWith: { first, _ in first })
                try db.withTimeLimit(seconds: timeout) {
                    try printRows(of: statement, with: output.printer(), units: units)
                }
            }
        }
    }

    struct Refresh: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refresh",
            abstract: "Recompute the money loops, the report indexes, the kept profiles and the search index from the knowledge tables.",
            discussion: HelpText.reflowed("""
                aikb keeps the loops of money_loops, and the rows of circular_financing_flows,
                investor_activity and concentration, the kept profiles of the companies with most flows
                (aikb company), and the search index of aikb find, up to date at
                every write it makes; changes made outside aikb (sqlite3, Datasette) reach them at the
                next aikb write, or now with this.
                Each is recomputed when the tables it is made of changed; --force recomputes them all
                (a row another client inserted under a table's highest id leaves no other trace).
                """))
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Recompute the loops, every report index and the kept profiles, changed or not.") var force = false

        func run() throws {
            try reportingErrors {
                let db = try database.open(.write)
                let (indexed, report) = try db.transaction { (try SearchIndex.update(db), try MoneyWeb.refresh(db, force: force)) }
                Terminal.error(
                    "aikb: money loops " + (report.recomputed ? "recomputed" : "were up to date") + ": \(report.loops) loops"
                        + (report.complete ? "" : " (the search stopped at its limit of \(MoneyWeb.maximumLoops))"))
                Terminal.error(
                    "aikb: report indexes "
                        + (report.reportIndexes.isEmpty ? "were up to date" : "refilled: " + report.reportIndexes.joined(separator: ", ")))
                Terminal.error(
                    "aikb: kept profiles "
                        + (report.keptProfiles.map { "refilled: \($0) compan\($0 == 1 ? "y" : "ies")" } ?? "were up to date"))
                Terminal.error(
                    "aikb: search index " + (indexed == 0 ? "was up to date" : "brought up to date: \(indexed) document\(indexed == 1 ? "" : "s") indexed"))
            }
        }
    }

    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "save",
            abstract: "Save your own report: a SELECT stored as a view and listed beside the built-in ones.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The report's name (snake_case).") var name: String
        @Option(help: ArgumentHelp("The SELECT statement.", valueName: "sql")) var sql: String
        @Option(help: "A title (default: the name).") var title: String?
        @Option(help: "A one-line description.") var description: String?

        func run() throws {
            try reportingErrors {
                try Reports(db: database.open(.write)).save(name: name, sql: sql, title: title, description: description)
                Terminal.error("aikb: saved report \(name)")
            }
        }
    }

    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "drop", abstract: "Drop a saved report (built-in reports cannot be dropped).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The report.") var name: String

        func run() throws {
            try reportingErrors {
                try Reports(db: database.open(.write)).drop(name: name)
                Terminal.error("aikb: dropped report \(name)")
            }
        }
    }
}

extension Report.Run {
    /// The reports that read the loop index.
    static let readLoopIndex: Set<String> = ["money_loops", "money_loop_legs"]
}

/// Says on stderr when the loop index is behind the knowledge tables (changed outside
/// aikb) or stopped at its limit.
func warnIfLoopsAreBehind(_ db: Database) throws {
    if try !MoneyWeb.isCurrent(db) {
        Terminal.error("aikb: the money loops predate changes made outside aikb; aikb report refresh recomputes them")
    } else if try !MoneyWeb.isComplete(db) {
        Terminal.error("aikb: the money loops stop at \(MoneyWeb.maximumLoops) loops; more exist")
    }
}

/// Says on stderr when a report that reads a report index (ReportIndexes) is behind
/// the knowledge tables: it shows their state at the last aikb write.
func warnIfReportIndexIsBehind(_ db: Database, report: String, index: String) throws {
    if try !ReportIndexes.isCurrent(index, in: db) {
        Terminal.error("aikb: \(report) predates changes made outside aikb; aikb report refresh recomputes it")
    }
}
