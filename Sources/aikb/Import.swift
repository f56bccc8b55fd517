import ArgumentParser
import KnowledgeBase
import Output
import Support

extension ImportKind: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import CSV files: companies, rounds, investors, deals, relationships, sources, claims.",
        discussion: """
            Columns are matched by header name; the kind of each file is inferred from its header
            unless --kind is given. Crunchbase bulk exports (organizations.csv, funding_rounds.csv,
            investments.csv) import as they are. See docs/import-formats.md.

            Everything is checked and every problem reported as FILE:LINE:COLUMN: message; if there
            is any, nothing at all is written (exit status 65). All files go in one transaction.
            Importing the same file twice changes nothing. The summary (stdout) counts read,
            inserted, updated, unchanged and rejected rows per file.

            With --table NAME, one CSV file becomes a plain table of TEXT columns named after its
            header, for joining your own data against the knowledge base.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("CSV files to import; - reads standard input.", valueName: "file"))
    var files: [String]

    @Option(help: "The kind of every file, instead of inferring it from the header.")
    var kind: ImportKind?

    @Flag(help: "Check everything and print the summary, but write nothing.")
    var dryRun = false

    @Flag(help: "Create companies that are not known yet instead of rejecting their rows.")
    var createMissing = false

    @Option(help: ArgumentHelp("The source of every row that names none (an id of the sources table).", valueName: "id"))
    var source: String?

    @Option(
        name: .customLong("rate"),
        help: ArgumentHelp("US dollars per unit of a currency, for amount_usd of amounts in it (repeatable).", valueName: "CUR=RATE"))
    var rates: [String] = []

    @Option(help: ArgumentHelp("How many problems to print at most (all are counted; 0 prints all).", valueName: "n"))
    var maxErrors = 1000

    @Option(help: ArgumentHelp("Load one CSV file as a plain table of this name instead.", valueName: "name"))
    var table: String?

    @Flag(help: "With --table: add rows to an existing table.")
    var append = false

    @Flag(help: "With --table: replace an existing table.")
    var replace = false

    func validate() throws {
        if table != nil && files.count != 1 { throw ValidationError("--table loads exactly one file") }
        if table == nil && (append || replace) { throw ValidationError("--append and --replace go with --table") }
        if append && replace { throw ValidationError("choose --append or --replace, not both") }
        if table != nil && (kind != nil || createMissing || source != nil || !rates.isEmpty) {
            throw ValidationError("--kind, --create-missing, --source and --rate do not apply to --table")
        }
        _ = try parsedRates()
    }

    func parsedRates() throws -> [String: Double] {
        var result: [String: Double] = [:]
        for rate in rates {
            let parts = rate.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].count == 3, let value = Double(parts[1]), value > 0 else {
                throw ValidationError("--rate \(rate): expected CUR=RATE, e.g. --rate EUR=1.08")
            }
            result[parts[0].uppercased()] = value
        }
        return result
    }

    /// `run` is the run the import was committed as (empty when nothing was written).
    static let summaryColumns = ["file", "kind", "format", "read", "inserted", "updated", "unchanged", "rejected", "run"]

    func run() throws {
        try reportingErrors {
            try output.printer().check(columns: Self.summaryColumns)  // a wrong --columns fails before anything is written
            try checkFilesExist()
            let db = try database.open(.write)
            let progress = ProgressBar()
            let result: ImportResult
            if let table {
                var loader = TableImport(db: db, table: table, mode: append ? .append : replace ? .replace : .create)
                loader.dryRun = dryRun
                loader.maxProblems = maxErrors
                result = try loader.run(path: files[0])
            } else {
                var options = ImportOptions()
                options.kind = kind
                options.dryRun = dryRun
                options.createMissing = createMissing
                options.sourceID = source
                options.rates = try parsedRates()
                options.maxProblems = maxErrors
                // Tuning and testing: where bulk mode starts (bytes of input), e.g. 0 for always.
                if let threshold = Environment.value("AIKB_BULK_THRESHOLD").flatMap(Int.init) { options.bulkThreshold = threshold }
                result = try Importer(db: db, options: options, progress: progress.update).run(paths: files)
            }
            progress.finish()
            for problem in result.problems { Terminal.error(problem.description) }
            if result.problemCount > 0 {
                let shown = result.problems.count < result.problemCount ? " (first \(result.problems.count) shown)" : ""
                Terminal.error("aikb: \(result.problemCount) problem\(result.problemCount == 1 ? "" : "s")\(shown); nothing was written")
                throw ExitCode(ExitStatus.dataError)
            }
            // Only an import that committed, or a dry run that found nothing wrong, has a summary to give.
            try printSummary(result)
            if dryRun { Terminal.error("aikb: dry run: everything checks out; nothing was written") }
            if let run = result.run { Terminal.error("aikb: committed as run \(run) (aikb undo \(run) reverts it)") }
        }
    }

    /// A file that is not there is a missing input (exit status 66), not a problem in
    /// the data: every one is named, before the database is opened. Pipes and
    /// `<(...)` are neither files nor folders, and are read as they are.
    private func checkFilesExist() throws {
        var missing: [String] = []
        for path in files where path != "-" {
            switch FileSystem.kind(of: path) {
            case .missing: missing.append("\(path): no such file")
            case .directory: missing.append("\(path): is a folder, not a CSV file")
            case .file where !FileSystem.isReadable(path): missing.append("\(path): not readable (permission denied)")
            case .file, .other: break
            }
        }
        guard let last = missing.popLast() else { return }
        for line in missing { Terminal.error("aikb: " + line) }
        throw KnowledgeBaseError(.notFound, last)
    }

    private func printSummary(_ result: ImportResult) throws {
        guard !result.files.isEmpty else { return }
        let printer = output.printer()
        try printer.begin(columns: Self.summaryColumns)
        for file in result.files {
            printer.write([
                .text(file.file), .text(file.kind), .text(file.format), .integer(Int64(file.read)),
                .integer(Int64(file.inserted)), .integer(Int64(file.updated)), .integer(Int64(file.unchanged)),
                .integer(Int64(file.rejected)), result.run.map { .integer($0) } ?? .null,
            ])
        }
        printer.end()
    }
}
