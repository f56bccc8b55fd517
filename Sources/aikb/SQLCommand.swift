import ArgumentParser
import KnowledgeBase
import Output
import Query

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run your own SQL, read-only unless you say --write.",
        discussion: HelpText.reflowed("""
            SQL comes from the argument, from -f FILE, or from standard input (-). Several statements
            run in order and each result set is printed, streaming (no row cap).

            Read-only by construction: the database is opened read-only, an authorizer refuses writes,
            ATTACH (and VACUUM INTO), PRAGMA assignments and extension loading, and every statement is
            checked with sqlite3_stmt_readonly; all statements are checked before the first one runs.
            --write allows changes, in one transaction that commits only if every statement succeeds.
            Every statement has a time limit (--timeout, 5 seconds by default, 0 for none).
            """))

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("The SQL, or - to read it from standard input.", valueName: "sql"))
    var sql: String?

    @Option(name: [.short, .customLong("file")], help: ArgumentHelp("Read the SQL from a file.", valueName: "file"))
    var file: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("A value for :NAME in the SQL (repeatable).", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop a statement after this many seconds (0: no limit).", valueName: "seconds"))
    var timeout: Double = 5

    @Flag(help: "Allow changes (in one transaction that commits only if every statement succeeds).")
    var write = false

    func validate() throws {
        if (sql == nil) == (file == nil) { throw ValidationError("give the SQL as an argument, with -f FILE, or as - for standard input") }
        if timeout < 0 { throw ValidationError("--timeout must be 0 or more") }
        _ = try parsedParameters()
    }

    func parsedParameters() throws -> [String: String] {
        var values: [String: String] = [:]
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw ValidationError("--param \(parameter): expected NAME=VALUE")
            }
            var name = String(parameter[..<equals])
            if let first = name.first, ":@$".contains(first) { name.removeFirst() }
            values[name] = String(parameter[parameter.index(after: equals)...])
        }
        return values
    }

    func run() throws {
        try reportingErrors {
            let (script, origin) = try readScript()
            let db = try database.open(write ? .write : .read)
            let session = SQLSession(db: db, allowWrites: write)
            session.timeLimit = timeout
            session.parameters = try parsedParameters()
            let format = output.resolved
            var results = 0
            try session.run(script, origin: origin, onResult: { statement in
                if results > 0 && format.isForPeople { OutputStream.standardOutput.write("\n") }
                results += 1
                try printRows(of: statement, with: output.printer())
            }, onChanges: { changed in
                Terminal.error("aikb: \(changed) row\(changed == 1 ? "" : "s") changed")
            })
            if let run = session.lastRun { Terminal.error("aikb: committed as run \(run) (aikb undo \(run) reverts it)") }
        }
    }

    private func readScript() throws -> (String, String) {
        if let file {
            return (try InputFile.read(file), file)
        }
        if sql == "-" { return (try InputFile.read("-"), "<stdin>") }
        return (sql ?? "", "<command line>")
    }
}
