import ArgumentParser
import CSV
import KnowledgeBase
import Output
import Support

extension ImportKind: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import CSV files: companies, rounds, investors, deals, relationships, sources, claims; Crunchbase and Epoch AI files.",
        discussion: HelpText.reflowed("""
            Columns are matched by header name; the kind of each file is inferred from its header
            unless --kind is given. Crunchbase bulk exports (organizations.csv, funding_rounds.csv,
            investments.csv) and Epoch AI's data sets (gpu_clusters.csv, ai_companies.csv,
            ai_companies_funding_rounds.csv, data_centers.csv, data_center_timelines.csv) import as
            they are. `;`- and tab-separated files are recognised by their header line (or give
            --delimiter); --encoding reads Latin-1, Windows-1252 and UTF-16 files. See
            docs/import-formats.md.

            Everything is checked and every problem reported as FILE:LINE:COLUMN: message; if there
            is any, nothing at all is written (exit status 65). All files go in one transaction.
            Importing the same file twice changes nothing. The summary (stdout) counts read,
            inserted, updated, unchanged and rejected rows per file.

            How names in third-party files were taken (which company each is, by name or alias;
            which companies were created; which names are not companies) is listed on stderr.

            With --table NAME, one CSV file becomes a plain table with columns named after its
            header and typed INTEGER, REAL or TEXT from its values, for joining your own data
            against the knowledge base.
            """))

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

    @Option(parsing: .unconditional, help: ArgumentHelp("How many problems to print at most (all are counted; 0 prints all).", valueName: "n"))
    var maxErrors = 1000

    @Option(help: ArgumentHelp("Load one CSV file as a plain table of this name instead.", valueName: "name"))
    var table: String?

    @Flag(help: "With --table: add rows to an existing table.")
    var append = false

    @Flag(help: "With --table: replace an existing table.")
    var replace = false

    @Flag(help: "With --table: make every column TEXT instead of detecting INTEGER and REAL columns.")
    var noDetectTypes = false

    @Option(
        help: ArgumentHelp(
            "The character between fields: , ; | tab (default: the one the header line uses).", valueName: "char"))
    var delimiter: String?

    @Option(
        help: ArgumentHelp(
            "The files' text encoding: utf-8 (default), latin-1, windows-1252, utf-16, utf-16le, utf-16be.",
            valueName: "name"))
    var encoding: String?

    func validate() throws {
        if maxErrors < 0 { throw ValidationError("--max-errors must be 0 (print all) or more") }
        if table != nil && files.count != 1 { throw ValidationError("--table loads exactly one file") }
        if table == nil && (append || replace) { throw ValidationError("--append and --replace go with --table") }
        if append && replace { throw ValidationError("choose --append or --replace, not both") }
        if table != nil && (kind != nil || createMissing || source != nil || !rates.isEmpty) {
            throw ValidationError("--kind, --create-missing, --source and --rate do not apply to --table")
        }
        if table == nil && noDetectTypes { throw ValidationError("--no-detect-types goes with --table") }
        _ = try parsedRates()
        _ = try csvOptions()
    }

    /// The reader's options from --delimiter and --encoding.
    func csvOptions() throws -> CSVOptions {
        var options = CSVOptions.sniffing
        if let delimiter {
            guard let byte = CSVOptions.delimiter(named: delimiter) else {
                throw ValidationError("--delimiter \(delimiter): expected one character such as , ; | or tab (not a quote or line break)")
            }
            options.delimiter = byte
        }
        if let encoding {
            guard let named = TextEncoding.named(encoding) else {
                throw ValidationError(
                    "--encoding \(encoding): expected one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            options.encoding = named
        }
        return options
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
                loader.detectTypes = !noDetectTypes
                loader.csv = try csvOptions()
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
                options.csv = try csvOptions()
                result = try Importer(db: db, options: options, progress: progress.update).run(paths: files)
            }
            progress.finish()
            for problem in result.problems { Terminal.error(problem.description) }
            if result.problemCount == 0 {
                for notice in result.notices { Terminal.error(notice.description) }
                for line in Self.resolutionLines(result.resolutions) { Terminal.error(line) }
            }
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

    /// The names of third-party files as they were taken, per file and column: each
    /// name matched through an alias and each company created on a line of its own,
    /// the names matched by name and those that are not companies one line each.
    static func resolutionLines(_ resolutions: [NameResolution]) -> [String] {
        var lines: [String] = []
        var groups: [String: [NameResolution]] = [:]
        var order: [String] = []
        for resolution in resolutions {
            let key = resolution.file + "\u{1}" + resolution.column
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(resolution)
        }
        func rows(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }
        for key in order {
            let group = groups[key]!
            let prefix = group[0].file + ": " + group[0].column
            for resolution in group where resolution.outcome == .alias {
                lines.append(
                    "\(prefix): \"\(resolution.written)\" is \(resolution.companyName ?? "?") (company \(resolution.companyID ?? 0), by alias; \(rows(resolution.rows)))")
            }
            for resolution in group where resolution.outcome == .created {
                lines.append(
                    "\(prefix): \"\(resolution.written)\" is a new company (id \(resolution.companyID ?? 0); \(rows(resolution.rows)))")
            }
            let byName = group.filter { $0.outcome == .name }
            if !byName.isEmpty {
                lines.append(
                    "\(prefix): \(byName.count) name\(byName.count == 1 ? "" : "s") of companies: "
                        + byName.map { "\($0.written) (\($0.companyID ?? 0))" }.joined(separator: ", "))
            }
            let others = group.filter { $0.outcome == .placeholder || $0.outcome == .notACompany }
            if !others.isEmpty {
                lines.append(
                    "\(prefix): not companies, kept as written: "
                        + others.map { "\"\($0.written)\" (\($0.outcome == .placeholder ? "placeholder, " : "")\(rows($0.rows)))" }
                        .joined(separator: ", "))
            }
        }
        return lines
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
