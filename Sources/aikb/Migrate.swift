import ArgumentParser
import KnowledgeBase

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending migrations, or list applied and pending ones with --status.",
        discussion: HelpText.reflowed("""
            Migrations are the versioned SQL files of Migrations/, built into aikb. Each is
            applied in its own transaction and recorded in schema_migrations with its
            checksum. A changed, missing or out-of-order file, or a database newer than
            this aikb, stops with an error naming the file and leaves the database as it was.
            """))

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "List migrations with their state instead of applying them.")
    var status = false

    func run() throws {
        try reportingErrors {
            let migrator = try Migrator.embedded()
            if status {
                let db = try database.open(.inspect)
                for (migration, state) in try migrator.status(of: db) {
                    switch state {
                    case .applied(let at): print("\(migration.name)\tapplied\t\(at)")
                    case .pending: print("\(migration.name)\tpending\t")
                    }
                }
            } else {
                let path = database.resolvedPath
                let db = try database.open(.write)
                let applied = try migrator.migrate(db)
                Terminal.error(
                    applied.isEmpty
                        ? "aikb: \(path) is up to date"
                        : "aikb: applied \(applied.map(\.name).joined(separator: ", "))")
            }
        }
    }
}
