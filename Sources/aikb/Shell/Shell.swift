import ArgumentParser
import KnowledgeBase
import LineEditor
import Output
import Query
import SQLite

#if canImport(Glibc)
import Glibc
import Support
#endif

struct Shell: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "An interactive SQL session, read-only like aikb sql.",
        discussion: HelpText.reflowed("""
            Statements end with ';' and may span lines. Line editing and history (kept in
            $XDG_STATE_HOME/aikb/history, or $AIKB_HISTORY) on a terminal; with piped input it reads
            the lines as they come (printf '.tables\\n' | aikb shell). Commands: .tables, .schema [NAME],
            .reports, .format FMT, .timer on|off, .timeout SECONDS, .help, .quit. Ctrl-C stops a running
            statement.
            """))

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(parsing: .unconditional, help: ArgumentHelp("Stop a statement after this many seconds (0: no limit).", valueName: "seconds"))
    var timeout: Double = 5

    func validate() throws {
        if timeout < 0 { throw ValidationError("--timeout must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            let interactive = isatty(0) == 1
            var state = ShellState(
                db: db, output: output, timeout: timeout, interactive: interactive,
                path: database.resolvedPath)
            let reader = Shell.lineReader(interactive: interactive, db: db)
            if interactive {
                Terminal.error("aikb shell on \(state.path), read-only. Statements end with ';'. .help lists the commands.")
            }
            ShellInterrupt.install(db)
            defer { ShellInterrupt.remove() }
            var buffer = ""
            var lineNumber = 0
            var startLine = 1
            reading: while true {
                let line: String
                switch reader.readLine(prompt: buffer.isEmpty ? "aikb> " : "  ...> ") {
                case .end: break reading
                case .interrupted:
                    // Ctrl-C drops the statement being typed; it never runs.
                    buffer = ""
                    continue
                case .line(let text): line = text
                }
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
                if interactive {
                    // Ctrl-D after a half-typed statement leaves without running it.
                    Terminal.error("\naikb: left without running the unfinished statement")
                } else {
                    state.execute(buffer, origin: "<stdin>", firstLine: startLine)
                }
            }
            reader.close()
            if interactive { Terminal.error("") }
            if state.failures > 0 && !interactive { throw ExitCode(ExitStatus.dataError) }
        }
    }

    /// Editline on a terminal where it loads; plain lines otherwise, with a notice
    /// when a terminal has to do without editing.
    static func lineReader(interactive: Bool, db: Database) -> any LineReader {
        guard interactive else { return PlainLineReader(showsPrompt: false) }
        let completer = ShellCompleter(db: db)
        switch EditLineReader.load(
            historyFile: ShellHistory.path(), completer: { completer.complete($0, after: $1) },
            library: Environment.value("AIKB_EDITLINE"))
        {
        case .success(let reader):
            return reader
        case .failure(let error):
            Terminal.error("aikb: line editing and history are off: editline could not be loaded (\(error)); install libedit2 for them")
            return PlainLineReader(showsPrompt: true)
        }
    }
}
