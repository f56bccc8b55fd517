import ArgumentParser
import KnowledgeBase
import Output
import Query
import Support

#if canImport(Glibc)
import Glibc
#endif

struct DatasetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette",
        abstract: "Browse the knowledge base in Datasette, with aikb's documentation; or write that documentation as Datasette metadata.",
        discussion: HelpText.reflowed("""
            With --metadata FILE (- for standard output): writes Datasette metadata (JSON) from the catalog:
            titles, descriptions, column descriptions and units of every table and report, the column that
            names a row (a source by its title), facets per report, saved reports as canned queries.
            Without it: runs `datasette serve` on the knowledge base with that metadata (Datasette's own
            read-only connections, so imports may go on meanwhile and show at the next page); aikb becomes
            Datasette, whose Ctrl-C and exit status are then its own. Arguments after -- go to Datasette.
            Datasette is a Python program: pip install datasette.
            """))

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Write the metadata to this file (- for standard output) instead of running Datasette.", valueName: "file"))
    var metadata: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The port Datasette listens on (Datasette's default: 8001; 0: any free one).", valueName: "port"))
    var port: Int?
    @Option(help: ArgumentHelp("The address Datasette listens on (Datasette's default: 127.0.0.1).", valueName: "host"))
    var host: String?
    @Argument(parsing: .postTerminator, help: ArgumentHelp("Datasette's own options, after --.", valueName: "datasette-option"))
    var datasetteArguments: [String] = []

    /// Long cells (facts, notes) are cut to this many characters in Datasette's tables,
    /// so that a row stays one line high; the row's own page shows them whole.
    static let cellCharacters = 120

    func validate() throws {
        if metadata != nil && (port != nil || host != nil || !datasetteArguments.isEmpty) {
            throw ValidationError("--metadata writes the metadata and runs nothing: --port, --host and -- options do not apply")
        }
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() throws {
        try reportingErrors {
            // Before any work: without Datasette there is nothing to run.
            let datasette = metadata == nil ? try Self.findDatasette() : nil
            let path = database.resolvedPath
            let json = try DatasetteMetadata.json(for: try database.open(.read), databaseName: Self.databaseName(of: path))
            guard let datasette else {
                try FileText.write(json, to: metadata!)
                return
            }
            // Datasette reads the metadata once, when it starts, from a file already deleted.
            var arguments = ["serve", path, "--metadata", "/dev/fd/\(try FileText.unlinkedTemporary(holding: json))"]
            arguments += ["--setting", "truncate_cells_html", String(Self.cellCharacters)]
            if let port { arguments += ["--port", String(port)] }
            if let host { arguments += ["--host", host] }
            try datasette.replaceProcess(arguments + datasetteArguments)
        }
    }

    /// Datasette names a database after its file, without the extension.
    static func databaseName(of path: String) -> String {
        let file = FileSystem.baseName(of: path)
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// `datasette` on $PATH, else `python3 -m datasette` where Python has the module
    /// (pip install --user puts the program in a folder $PATH may lack).
    static func findDatasette() throws -> ExternalProgram {
        if let program = ExternalProgram.find("datasette") { return program }
        if let python = ExternalProgram.find("python3"), try python.run(["-c", "import datasette"], input: "").status == 0 {
            return ExternalProgram(path: python.path, leadingArguments: ["-m", "datasette"])
        }
        throw CommandFailure(
            "Datasette is not installed (pip install datasette, or python3 -m pip install datasette); "
                + "aikb datasette --metadata FILE writes the metadata without it",
            status: ExitStatus.unavailable)
    }
}
