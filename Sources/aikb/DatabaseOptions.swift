import ArgumentParser
import KnowledgeBase
import SQLite

/// `--db PATH`, shared by every command that touches the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The database file (default: $AIKB_DB, else ~/.local/share/aikb/aikb.sqlite).",
            valueName: "path"))
    var path: String?

    /// The file the command opened (or is opening), for error messages such as "... is locked".
    /// One command opens one knowledge base, on the main thread.
    nonisolated(unsafe) static var opened: String?

    /// Opens the knowledge base, telling stderr what was created or migrated on the way.
    func open(_ access: KnowledgeBase.Access) throws -> Database {
        let (path, isDefault) = KnowledgeBase.resolvePath(explicit: self.path)
        Self.opened = path
        let (db, report) = try KnowledgeBase.open(path: path, access: access, createFolders: isDefault)
        if report.created {
            var line = "aikb: created \(path)"
            if let seeded = report.seeded, seeded.files > 0 {
                line += " and loaded the default knowledge base (\(seeded.rows) rows from \(seeded.files) seed files)"
            }
            Terminal.error(line)
        } else if !report.appliedMigrations.isEmpty {
            Terminal.error("aikb: migrated \(path): applied \(report.appliedMigrations.joined(separator: ", "))")
        }
        return db
    }

    var resolvedPath: String { KnowledgeBase.resolvePath(explicit: path).path }
}
