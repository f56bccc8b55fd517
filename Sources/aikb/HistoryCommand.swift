import ArgumentParser
import KnowledgeBase
import Output
import SQLite

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every version of one row: the run that created it and each change since.",
        discussion: HelpText.reflowed("""
            TABLE is a table with history (sources, companies, company_aliases, company_external_ids,
            funding_rounds, round_investors, supply_deals, relationships, claims, round_sources, ...).
            KEY is what an import file calls the row (a deal_id, round_id, source_id, claim_id, a company's
            name), ROUND/INVESTOR for a participation, or the row's id. Deleted rows are found too.
            One row per version: version, run, command, at, change (created, updated, deleted), changes
            (column: old → new) and values (the row then, as JSON).
            """))

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The table.") var table: String
    @Argument(help: "The row: its file id, name, ROUND/INVESTOR, or id.") var key: String

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            let (_, versions) = try RowHistory.versions(of: table, key: key, in: db)
            let printer = output.printer()
            try printer.begin(columns: [
                OutputColumn(name: "version", unit: .count), OutputColumn(name: "run"), OutputColumn(name: "command"),
                OutputColumn(name: "at", unit: .date), OutputColumn(name: "change"), OutputColumn(name: "changes"),
                OutputColumn(name: "values"),
            ])
            for version in versions {
                printer.write([
                    .integer(Int64(version.version)), version.run.map { .integer($0) } ?? .null,
                    version.command.map { .text($0) } ?? .null, version.at.map { .text($0) } ?? .null,
                    .text(version.change), version.changes.map { .text($0) } ?? .null, .text(version.values),
                ])
            }
            printer.end()
        }
    }
}
