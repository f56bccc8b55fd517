import ArgumentParser
import KnowledgeBase

#if canImport(Glibc)
import Glibc
#endif

@main
struct AIKB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aikb",
        abstract: "A knowledge base of the AI-compute economy: who funds whom, who buys or leases whose GPUs.",
        discussion: """
            The database is one SQLite file: --db PATH (before or after the command), else
            $AIKB_DB, else $XDG_DATA_HOME/aikb/aikb.sqlite (~/.local/share/aikb/aikb.sqlite).
            A database that does not exist yet is created and seeded first.
            """,
        version: KnowledgeBase.version,
        subcommands: [Init.self, Migrate.self, Import.self, Report.self, SQLCommand.self, Shell.self, SchemaCommand.self, FacetsCommand.self, GraphCommand.self, CompanyCommand.self, FindCommand.self]
    )

    /// Accepts `aikb --db PATH COMMAND ...` as well as `aikb COMMAND ... --db PATH`:
    /// a leading --db is passed on as AIKB_DB, which a later --db still overrides.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        while let first = arguments.first, first == "--db" || first.hasPrefix("--db=") {
            if first == "--db" {
                guard arguments.count >= 2 else { break }  // let the parser report the missing value
                setenv("AIKB_DB", arguments[1], 1)
                arguments.removeFirst(2)
            } else {
                setenv("AIKB_DB", String(first.dropFirst("--db=".count)), 1)
                arguments.removeFirst()
            }
        }
        main(arguments)
    }
}
