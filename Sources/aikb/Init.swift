import ArgumentParser
import KnowledgeBase

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the knowledge base (migrated and seeded), or bring an existing one up to date.",
        discussion: HelpText.reflowed("""
            Creating a database applies every migration and loads the embedded seeds.
            On an existing database, init applies pending migrations; it never deletes data.
            """))

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            let path = database.resolvedPath
            _ = try database.open(.initialize)
            let migrator = try Migrator.embedded()
            Terminal.error("aikb: \(path) is ready (schema at migration \(migrator.migrations.last?.name ?? "none"))")
        }
    }
}
