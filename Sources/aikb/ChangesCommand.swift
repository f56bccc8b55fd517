import ArgumentParser
import KnowledgeBase
import Output
import SQLite

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What changed, run by run: per run and table, rows inserted, updated and deleted.",
        discussion: HelpText.reflowed("""
            A run is one aikb command that wrote (an import, import --table, sql --write, an undo, a
            migration). --since takes a run id (that run and later ones) or an ISO date or time.
            `aikb history TABLE KEY` shows one row's versions; `aikb undo RUN` reverts a run.
            """))

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(parsing: .unconditional, help: ArgumentHelp("Only runs from this run id, or started on or after this date.", valueName: "run|date"))
    var since: String?

    /// A malformed --since is bad usage (exit 64), as a malformed number is.
    func validate() throws {
        do {
            _ = try parsedSince()
        } catch let error as KnowledgeBaseError {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            let runs = try ChangeLog.runs(since: try parsedSince(), in: db)
            let printer = output.printer()
            try printer.begin(columns: [
                OutputColumn(name: "run"), OutputColumn(name: "command"), OutputColumn(name: "started_at", unit: .date),
                OutputColumn(name: "detail"), OutputColumn(name: "table"), OutputColumn(name: "inserted", unit: .count),
                OutputColumn(name: "updated", unit: .count), OutputColumn(name: "deleted", unit: .count),
                OutputColumn(name: "undone_by"),
            ])
            for run in runs {
                let common: [Value] = [
                    .integer(run.run), .text(run.command), .text(run.startedAt), run.detail.map { .text($0) } ?? .null,
                ]
                let undone: Value = run.undoneBy.map { .integer($0) } ?? .null
                if run.tables.isEmpty {
                    printer.write(common + [.null, .integer(0), .integer(0), .integer(0), undone])
                }
                for table in run.tables {
                    printer.write(
                        common + [
                            .text(table.table), .integer(Int64(table.inserted)), .integer(Int64(table.updated)),
                            .integer(Int64(table.deleted)), undone,
                        ])
                }
            }
            printer.end()
        }
    }

    private func parsedSince() throws -> ChangeLog.Since? {
        try since.map(ChangeLog.Since.parse)
    }
}
