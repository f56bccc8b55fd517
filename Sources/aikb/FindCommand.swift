import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite

struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Companies, aliases, deal labels and notes that match TEXT, best first.",
        discussion: HelpText.reflowed("""
            Exact names and aliases first, then names and aliases that start with TEXT, then any that
            contain it, deal labels, notes (substrings of three characters or more, from the trigram
            search index), and, when no name or alias matches, the closest spellings:
              aikb find corewave      # CoreWeave, by spelling
              aikb find stargate      # Stargate LLC, and the deals and notes naming it
            Columns: match (exact, prefix, name, alias, deal, notes, spelling), kind (company, deal),
            name, detail, id (#ID for aikb company, or the deal's id).
            """))

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The text to find.") var text: String
    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many matches.", valueName: "n")) var limit = 20

    func validate() throws {
        if let problem = Search.limitProblem(limit) { throw ValidationError(problem) }
    }

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            let unindexed = try SearchIndex.pendingCount(db, cap: SearchIndex.slowPending)
            if unindexed > SearchIndex.slowPending {
                Terminal.error(
                    "aikb: more than \(SearchIndex.slowPending) documents changed outside aikb are not indexed yet and are read "
                        + "from the tables at every search; aikb report refresh indexes them")
            }
            let printer = output.printer()
            try printer.check(columns: Search.columns)
            let rows = try Search.find(text, limit: limit, in: db)
            try printer.begin(columns: Search.columns)
            for row in rows { printer.write(row) }
            printer.end()
            if rows.isEmpty { Terminal.error("aikb: nothing matches \"\(text)\"") }
        }
    }
}
