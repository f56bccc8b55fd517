import Support
/// One versioned schema change: a file `NNNN_description.sql` of `Migrations/`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    /// The file name, e.g. `0001_knowledge_base.sql`.
    public let name: String
    public let sql: String
    /// SHA-256 of the file, recorded when applied, so a later edit is noticed.
    public let checksum: String

    public init(name: String, sql: String) throws {
        try self.init(name: name, sql: sql, checksum: SHA256.hex(sql))
    }

    /// A migration whose checksum is known already (embedded ones: computed at build time).
    init(name: String, sql: String, checksum: String) throws {
        guard name.hasSuffix(".sql"), let underscore = name.firstIndex(of: "_"),
            let version = Int(name[..<underscore]), version > 0,
            name.distance(from: name.startIndex, to: underscore) == 4
        else {
            throw KnowledgeBaseError(
                .schemaMismatch, "Migrations/\(name): a migration file must be named NNNN_description.sql")
        }
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = checksum
    }

    /// True when the file starts with `-- aikb: foreign_keys off`: it rebuilds a table
    /// that others refer to, which SQLite's procedure does with foreign keys off (the
    /// migrator checks them all before the migration commits).
    public var needsForeignKeysOff: Bool { sql.hasPrefix("-- aikb: foreign_keys off") }

    /// True when the file starts with `-- aikb: schema edit`: it edits the CREATE text
    /// of tables or views in `sqlite_schema` (a change every stored row already
    /// satisfies, a view's text changed in a few words), which
    /// the migrator allows for it alone and checks before it commits
    /// (`Database.editingSchemaText`).
    public var editsSchemaText: Bool { sql.hasPrefix("-- aikb: schema edit") }

    /// The path users see in messages.
    public var path: String { "Migrations/" + name }

    /// The migrations built into this binary, in order, checked for duplicate
    /// and missing versions.
    public static func embedded() throws -> [Migration] {
        try ordered(EmbeddedFiles.migrations.map { try Migration(name: $0.name, sql: $0.contents, checksum: $0.sha256) })
    }

    /// Sorts migrations by version and insists on 1, 2, 3, ... without gaps or twins.
    public static func ordered(_ migrations: [Migration]) throws -> [Migration] {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (index, migration) in sorted.enumerated() {
            let expected = index + 1
            if migration.version < expected {
                throw KnowledgeBaseError(
                    .schemaMismatch, "\(migration.path): version \(migration.version) is used twice (also \(sorted[index - 1].path))")
            }
            if migration.version > expected {
                throw KnowledgeBaseError(
                    .schemaMismatch,
                    "\(migration.path): migration \(fourDigits(expected)) is missing before it")
            }
        }
        return sorted
    }
}

/// A version as the four digits of its file name: 2 is "0002".
func fourDigits(_ value: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
