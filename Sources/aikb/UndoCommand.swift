import ArgumentParser
import KnowledgeBase

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert one run's changes, in one transaction.",
        discussion: HelpText.reflowed("""
            Removes the rows the run created and puts back the rows it changed or deleted, from the
            history. Refuses, naming them, when later runs changed the same rows or refer to rows it
            created: undo those first, newest first. The undo is a run of its own (see aikb changes).
            Migrations and --table imports are not undone.
            """))

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The run (its id: aikb changes lists them).", valueName: "run")) var target: Int64

    func run() throws {
        try reportingErrors {
            let db = try database.open(.write)
            let report = try Undo.undo(run: target, in: db)
            Terminal.error(
                "aikb: undid run \(target) as run \(report.run): removed \(report.removed) row\(report.removed == 1 ? "" : "s") "
                    + "it created, put back \(report.restored) it changed or deleted")
        }
    }
}
