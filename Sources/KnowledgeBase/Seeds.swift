import SQLite

/// What loading the embedded seeds did.
public struct SeedReport: Sendable {
    public var files: Int = 0
    public var rows: Int = 0
}

/// The default knowledge base: the CSV files of `Seeds/`, built into the binary.
public enum Seeds {
    /// Loads the embedded seed files (none yet).
    public static func load(into db: Database) throws -> SeedReport {
        SeedReport(files: EmbeddedFiles.seeds.count, rows: 0)
    }
}
