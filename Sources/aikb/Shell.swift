import ArgumentParser
import CEditLine
import KnowledgeBase
import Output
import Query
import SQLite

#if canImport(Glibc)
import Glibc
#endif

struct Shell: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An interactive SQL session, read-only like aikb sql.",
        discussion: """
            Statements end with ';' and may span lines. Line editing and history (kept in
            $XDG_STATE_HOME/aikb/history, or $AIKB_HISTORY) on a terminal; with piped input it reads
            the lines as they come (printf '.tables\\n' | aikb shell). Commands: .tables, .schema [NAME],
            .reports, .format FMT, .timer on|off, .timeout SECONDS, .help, .quit. Ctrl-C stops a running
            statement.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(help: ArgumentHelp("Stop a statement after this many seconds (0: no limit).", valueName: "seconds"))
    var timeout: Double = 5

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            let interactive = isatty(0) == 1
            var state = ShellState(
                db: db, format: output.resolved, timeout: timeout, interactive: interactive,
                path: database.resolvedPath)
            let reader: LineReader = interactive ? EditLineReader() : PlainLineReader()
            if interactive {
                Terminal.error("aikb shell on \(state.path), read-only. Statements end with ';'. .help lists the commands.")
            }
            ShellInterrupt.install(db)
            defer { ShellInterrupt.remove() }
            var buffer = ""
            var lineNumber = 0
            var startLine = 1
            while let line = reader.readLine(prompt: buffer.isEmpty ? "aikb> " : "  ...> ") {
                lineNumber += 1
                let trimmed = String(line.trimmingSpaces())
                if buffer.isEmpty {
                    if trimmed.isEmpty { continue }
                    if trimmed.hasPrefix(".") {
                        if ![".quit", ".exit", ".q"].contains(trimmed) { reader.remember(trimmed) }
                        if !state.command(trimmed) { break }
                        continue
                    }
                    startLine = lineNumber
                }
                buffer += line + "\n"
                if SQL.isComplete(buffer) {
                    reader.remember(buffer.split(separator: "\n").map { String($0.trimmingSpaces()) }.joined(separator: " "))
                    state.execute(buffer, origin: interactive ? "<shell>" : "<stdin>", firstLine: interactive ? 1 : startLine)
                    buffer = ""
                }
            }
            if !buffer.trimmingSpaces().isEmpty {
                state.execute(buffer, origin: interactive ? "<shell>" : "<stdin>", firstLine: interactive ? 1 : startLine)
            }
            reader.close()
            if interactive { Terminal.error("") }
            if state.failures > 0 && !interactive { throw ExitCode(ExitStatus.dataError) }
        }
    }
}

/// What the shell remembers between lines: format, timer, and how it went.
struct ShellState {
    let db: Database
    var format: OutputFormat
    var timeout: Double
    let interactive: Bool
    let path: String
    var timer = false
    var failures = 0

    init(db: Database, format: OutputFormat, timeout: Double, interactive: Bool, path: String) {
        self.db = db
        self.format = format
        self.timeout = timeout
        self.interactive = interactive
        self.path = path
    }

    mutating func execute(_ sql: String, origin: String, firstLine: Int) {
        let session = SQLSession(db: db, allowWrites: false)
        session.timeLimit = timeout
        let started = Terminal.milliseconds()
        var results = 0
        let format = self.format
        do {
            try session.run(sql, origin: origin, firstLine: firstLine, onResult: { statement in
                if results > 0 { OutputStream.standardOutput.write("\n") }
                results += 1
                try printRows(of: statement, with: RowPrinter(format: format, output: .standardOutput))
            })
        } catch {
            failures += 1
            Terminal.error(describe(error).message)
        }
        if timer { Terminal.error("Run time: \(Double(Terminal.milliseconds() - started) / 1000) s") }
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
                    .format [FMT]      show or set the output format: table, csv, tsv, json, jsonl, markdown
                    .timer on|off      print how long each statement takes
                    .timeout SECONDS   the time limit per statement (0: none); now \(timeout.formattedSeconds)
                    .help              this text
                    .quit              leave (also Ctrl-D)
                    SQL statements end with ';' and are read-only.

                    """)
            case ".tables":
                let objects = try Schema.objects(in: db)
                let printer = RowPrinter(format: format, output: .standardOutput)
                printer.begin(columns: ["name", "kind"])
                for object in objects { printer.write([.text(object.name), .text(object.kind.rawValue)]) }
                printer.end()
            case ".schema":
                let objects = try argument.map { [try Schema.object($0, in: db)] } ?? Schema.objects(in: db)
                OutputStream.standardOutput.write(objects.map { $0.sql + ";" }.joined(separator: "\n") + "\n")
            case ".reports":
                let printer = RowPrinter(format: format, output: .standardOutput)
                printer.begin(columns: ["name", "title"])
                for report in try Reports(db: db).list() { printer.write([.text(report.name), .text(report.title)]) }
                printer.end()
            case ".format", ".mode":
                if let argument {
                    guard let chosen = OutputFormat(rawValue: argument) else {
                        throw KnowledgeBaseError(.invalidInput, "unknown format \(argument) (table, csv, tsv, json, jsonl, markdown)")
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
            failures += 1
            Terminal.error(describe(error).message)
        }
        OutputStream.standardOutput.flush()
        return true
    }
}

extension Double {
    var formattedSeconds: String { self == rounded() ? "\(Int(self)) s" : "\(self) s" }
}

/// Where the shell's lines come from.
protocol LineReader {
    func readLine(prompt: String) -> String?
    func remember(_ entry: String)
    func close()
}

/// Lines from a pipe or file: no prompt, no history.
struct PlainLineReader: LineReader {
    func readLine(prompt: String) -> String? {
        guard var line = Swift.readLine(strippingNewline: true) else { return nil }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    func remember(_ entry: String) {}
    func close() {}
}

/// A terminal: line editing and history from BSD editline (libedit), history kept
/// across runs. A library, not hand-written: editing keys, terminal modes and
/// history files are exactly what editline is for.
final class EditLineReader: LineReader {
    private let historyFile: String?

    init() {
        historyFile = EditLineReader.historyPath()
        stifle_history(2000)
        if let historyFile { _ = read_history(historyFile) }
    }

    static func historyPath() -> String? {
        func environment(_ name: String) -> String? {
            guard let value = getenv(name) else { return nil }
            let text = String(cString: value)
            return text.isEmpty ? nil : text
        }
        if let explicit = environment("AIKB_HISTORY") { return explicit }
        let folder: String
        if let state = environment("XDG_STATE_HOME") {
            folder = state + "/aikb"
        } else if let home = environment("HOME") {
            folder = home + "/.local/state/aikb"
        } else {
            return nil
        }
        var path = ""
        for part in folder.split(separator: "/") {
            path += "/" + part
            mkdir(path, 0o755)
        }
        return folder + "/history"
    }

    func readLine(prompt: String) -> String? {
        guard let line = readline(prompt) else { return nil }
        defer { free(line) }
        return String(cString: line)
    }

    func remember(_ entry: String) {
        _ = add_history(entry)
    }

    func close() {
        if let historyFile { _ = write_history(historyFile) }
    }
}

/// Ctrl-C stops the running statement (sqlite3_interrupt, which SQLite allows from a
/// signal handler) instead of killing the shell.
enum ShellInterrupt {
    nonisolated(unsafe) static var connection: OpaquePointer?

    static func install(_ db: Database) {
        connection = db.handle
        signal(SIGINT) { _ in
            if let connection = ShellInterrupt.connection { Database.interrupt(connection) }
        }
    }

    static func remove() {
        signal(SIGINT, SIG_DFL)
        connection = nil
    }
}
