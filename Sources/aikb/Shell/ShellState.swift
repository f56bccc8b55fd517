import KnowledgeBase
import Output
import Query
import SQLite
import Support

/// What the shell remembers between lines: format, timer, and how it went.
struct ShellState {
    let db: Database
    var format: OutputFormat
    /// The command line's --width, --null, --columns and --raw. The width is read again
    /// for every result, so that a resized terminal gets tables that fit it.
    let output: FormatOptions
    var timeout: Double
    let interactive: Bool
    let path: String
    var timer = false
    var failures = 0

    init(db: Database, output: FormatOptions, timeout: Double, interactive: Bool, path: String) {
        self.db = db
        self.output = output
        self.format = output.resolved
        self.timeout = timeout
        self.interactive = interactive
        self.path = path
    }

    mutating func execute(_ sql: String, origin: String, firstLine: Int) {
        let session = SQLSession(db: db, allowWrites: false)
        session.timeLimit = timeout
        session.readOnlyRule = "aikb shell is read-only (make changes with aikb sql --write)"
        let started = MonotonicClock.milliseconds()
        var results = 0
        let printer = self.printer()
        do {
            try session.run(sql, origin: origin, firstLine: firstLine, onResult: { statement in
                if results > 0 { OutputStream.standardOutput.write("\n") }
                results += 1
                try printRows(of: statement, with: printer)
            })
        } catch {
            report(error)
        }
        if timer { Terminal.error("Run time: \(Double(MonotonicClock.milliseconds() - started) / 1000) s") }
    }

    /// A printer in the current format, fitted to the terminal's width now, like `aikb sql`'s.
    /// `--columns` picks columns of statements' results, not of the dot-commands' lists.
    func printer(selecting: Bool = true) -> RowPrinter {
        var options = output.options
        if !selecting { options.columns = nil }
        return RowPrinter(format: format, output: .standardOutput, options: options)
    }

    /// An error on stderr: at its `<shell>:LINE:COLUMN` when it has one, else as `aikb: ...`.
    private mutating func report(_ error: any Error) {
        failures += 1
        let message = describe(error).message
        Terminal.error(error is SQLProblem ? message : "aikb: " + message)
    }

    /// Runs a dot command; false to quit.
    mutating func command(_ line: String) -> Bool {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let argument = words.count > 1 ? words[1] : nil
        do {
            switch words[0] {
            case ".quit", ".exit", ".q":
                return false
            case ".help":
                OutputStream.standardOutput.write(
                    """
                    .tables            tables, views and reports
                    .schema [NAME]     CREATE statements (all, or one table, view or report)
                    .reports           the named reports
                    .format [FMT]      show or set the output format: table, box, line, csv, tsv, json, jsonl, markdown
                    .timer on|off      print how long each statement takes
                    .timeout SECONDS   the time limit per statement (0: none); now \(timeout.formattedSeconds)
                    .help              this text
                    .quit              leave (also Ctrl-D)
                    SQL statements end with ';' and are read-only.

                    """)
            case ".tables":
                let objects = try Schema.objects(in: db)
                let printer = self.printer(selecting: false)
                try printer.begin(columns: ["name", "kind"])
                for object in objects { printer.write([.text(object.name), .text(object.kind.rawValue)]) }
                printer.end()
            case ".schema":
                let objects = try argument.map { [try Schema.object($0, in: db)] } ?? Schema.objects(in: db)
                OutputStream.standardOutput.write(objects.map { $0.sql + ";" }.joined(separator: "\n") + "\n")
            case ".reports":
                let printer = self.printer(selecting: false)
                try printer.begin(columns: ["name", "title"])
                for report in try Reports(db: db).list() { printer.write([.text(report.name), .text(report.title)]) }
                printer.end()
            case ".format", ".mode":
                if let argument {
                    guard let chosen = OutputFormat(rawValue: argument) else {
                        throw KnowledgeBaseError(.invalidInput, "unknown format \(argument) (table, box, line, csv, tsv, json, jsonl, markdown)")
                    }
                    format = chosen
                } else {
                    OutputStream.standardOutput.write(format.rawValue + "\n")
                }
            case ".timer":
                guard argument == "on" || argument == "off" else { throw KnowledgeBaseError(.invalidInput, ".timer on or .timer off") }
                timer = argument == "on"
            case ".timeout":
                guard let argument, let seconds = Double(argument), seconds >= 0 else {
                    throw KnowledgeBaseError(.invalidInput, ".timeout SECONDS (0 for no limit)")
                }
                timeout = seconds
            default:
                throw KnowledgeBaseError(
                    .invalidInput,
                    "unknown command \(words[0])"
                        + Suggestions.hint(
                            for: words[0], among: [".tables", ".schema", ".reports", ".format", ".timer", ".timeout", ".help", ".quit"])
                        + " (.help lists them)")
            }
        } catch {
            report(error)
        }
        OutputStream.standardOutput.flush()
        return true
    }
}

extension Double {
    var formattedSeconds: String { self == rounded() ? "\(Int(self)) s" : "\(self) s" }
}
