import SQLite

/// What loading the embedded seeds did.
public struct SeedReport: Sendable {
    public var files: Int = 0
    public var rows: Int = 0
}

/// The default knowledge base: the CSV files of `Seeds/`, built into the binary
/// and loaded by the same importer users run, so seeds obey every rule imports do.
public enum Seeds {
    /// Imports every embedded seed file in one transaction. Any problem is a
    /// defect of this build and fails loudly, naming the seed file and position.
    public static func load(into db: Database) throws -> SeedReport {
        let inputs = EmbeddedFiles.seeds.map { Importer.Input.bytes(name: "Seeds/" + $0.name, Array($0.contents.utf8)) }
        guard !inputs.isEmpty else { return SeedReport() }
        var options = ImportOptions()
        options.command = "seed"
        let result = try Importer(db: db, options: options).run(inputs)
        guard result.problemCount == 0 else {
            let first = result.problems.prefix(5).map(\.description).joined(separator: "; ")
            throw KnowledgeBaseError(
                .schemaMismatch, "the built-in seeds do not load (\(result.problemCount) problems): \(first)")
        }
        return SeedReport(files: result.files.count, rows: result.files.reduce(0) { $0 + $1.read })
    }
}
