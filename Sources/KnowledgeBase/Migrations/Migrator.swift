import SQLite
import Support

/// Applies migrations in order, each in its own transaction, and records them in
/// `schema_migrations` (version, name, checksum, applied_at).
///
/// It refuses, naming the file, to touch a database whose history disagrees with
/// the migrations it knows: an applied file that has since changed or vanished,
/// a pending file older than one already applied, or a database migrated by a
/// newer aikb.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) throws {
        self.migrations = try Migration.ordered(migrations)
    }

    /// The migrations built into this binary.
    public static func embedded() throws -> Migrator {
        try Migrator(migrations: Migration.embedded())
    }

    public struct AppliedMigration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let checksum: String
        public let appliedAt: String
    }

    public enum State: Sendable, Equatable {
        case applied(at: String)
        case pending
    }

    /// Each known migration with whether it is applied, after checking the
    /// history as `migrate` would.
    public func status(of db: Database) throws -> [(migration: Migration, state: State)] {
        let applied = try verifiedHistory(of: db)
        return migrations.map { migration in
            if let record = applied.first(where: { $0.version == migration.version }) {
                return (migration, .applied(at: record.appliedAt))
            }
            return (migration, .pending)
        }
    }

    /// True when every known migration is applied (and the history checks out).
    public func isUpToDate(_ db: Database) throws -> Bool {
        try verifiedHistory(of: db).count == migrations.count
    }

    /// Applies every pending migration; returns those applied. A migration that
    /// fails is rolled back and the database stays at the previous version.
    @discardableResult
    public func migrate(_ db: Database) throws -> [Migration] {
        try createHistoryTable(db)
        var appliedNow: [Migration] = []
        for migration in migrations {
            // SQLite's procedure for rebuilding a table others refer to: foreign keys
            // off for the migration (only settable outside a transaction), checked
            // before it commits.
            let done: Bool = try db.withPragma("foreign_keys", migration.needsForeignKeysOff ? "OFF" : "ON") {
                try db.transaction(.immediate) {
                    // Read the history inside the write lock: another process may have
                    // migrated meanwhile.
                    let history = try verifiedHistory(of: db)
                    if history.contains(where: { $0.version == migration.version }) { return false }
                    try apply(migration, to: db)
                    return true
                }
            }
            if done { appliedNow.append(migration) }
        }
        return appliedNow
    }

    /// Runs one migration's SQL and records it; inside the caller's transaction.
    private func apply(_ migration: Migration, to db: Database) throws {
        // From the migration that records runs on, a migration is a run too, so the
        // data it changes is in the history like any other change.
        let run = try Runs.areRecorded(in: db) ? try Runs.open(db, command: "migrate", detail: migration.name) : nil
        do {
            if migration.editsSchemaText {
                try db.editingSchemaText { try db.execute(migration.sql) }
            } else {
                try db.execute(migration.sql)
            }
        } catch let error as SQLiteError {
            throw KnowledgeBaseError(.schemaMismatch, describe(error, in: migration))
        }
        // The run's close brings what is derived up to date (report indexes filled from
        // views the migration made): its errors are about its own SQL, not the file's.
        do {
            if let run { try Runs.close(db, run) }
        } catch let error as SQLiteError {
            throw KnowledgeBaseError(.schemaMismatch, describe(error.with(sql: nil, offset: nil), in: migration))
        }
        if migration.needsForeignKeysOff {
            let broken = try db.allRows("PRAGMA foreign_key_check")
            if let first = broken.first {
                throw KnowledgeBaseError(
                    .schemaMismatch,
                    "\(migration.path): migration failed, rolled back: it leaves \(broken.count) row(s) with a broken "
                        + "foreign key (first: table \(first[0]), rowid \(first[1]), referring to \(first[2]))")
            }
        }
        try db.execute(
            """
            INSERT INTO schema_migrations (version, name, checksum, applied_at)
            VALUES (:version, :name, :checksum, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            """,
            binding: [
                "version": .integer(Int64(migration.version)), "name": .text(migration.name),
                "checksum": .text(migration.checksum),
            ])
    }

    private func createHistoryTable(_ db: Database) throws {
        guard try !historyTableExists(db) else { return }
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                checksum   TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT
            """)
    }

    private func historyTableExists(_ db: Database) throws -> Bool {
        try db.objectExists("schema_migrations", kinds: [.table])
    }

    /// The applied migrations, checked against the known ones.
    private func verifiedHistory(of db: Database) throws -> [AppliedMigration] {
        guard try historyTableExists(db) else {
            if try !db.schemaObjects([.table, .view, .index, .trigger]).isEmpty {
                throw KnowledgeBaseError(
                    .schemaMismatch,
                    "\(db.path): this database was not created by aikb (it has tables but no schema_migrations)")
            }
            return []
        }
        var history: [AppliedMigration] = []
        try db.prepare("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version").forEachRow { row in
            history.append(
                AppliedMigration(
                    version: Int(row.int64(at: 0)), name: row.string(at: 1),
                    checksum: row.string(at: 2), appliedAt: row.string(at: 3)))
        }
        let known = migrations.last?.version ?? 0
        for record in history {
            guard let migration = migrations.first(where: { $0.version == record.version }) else {
                if record.version > known {
                    throw KnowledgeBaseError(
                        .schemaMismatch,
                        "\(db.path): the database is at migration \(fourDigits(history.last!.version)) "
                            + "(\(history.last!.name)), newer than this aikb knows (up to \(fourDigits(known))); "
                            + "use a newer aikb. The database was not touched.")
                }
                throw KnowledgeBaseError(
                    .schemaMismatch, "Migrations/\(record.name): applied to the database but missing from this aikb")
            }
            if migration.name != record.name {
                throw KnowledgeBaseError(
                    .schemaMismatch,
                    "\(migration.path): applied under the name \(record.name); a migration must not be renamed")
            }
            if migration.checksum != record.checksum {
                throw KnowledgeBaseError(
                    .schemaMismatch,
                    "\(migration.path): changed after it was applied (recorded checksum \(record.checksum.prefix(12)), "
                        + "file now \(migration.checksum.prefix(12))); add a new migration instead of editing an applied one")
            }
        }
        if let newest = history.last {
            for migration in migrations where migration.version < newest.version {
                if !history.contains(where: { $0.version == migration.version }) {
                    throw KnowledgeBaseError(
                        .schemaMismatch,
                        "\(migration.path): pending, but the newer \(newest.name) is already applied (out of order)")
                }
            }
        }
        return history
    }

    /// "Migrations/0002_x.sql:14:5: SQLite's message", the position from SQLite's offset.
    private func describe(_ error: SQLiteError, in migration: Migration) -> String {
        var location = migration.path
        if let offset = error.offset {
            let (line, column) = TextPosition.lineAndColumn(ofByteOffset: offset, in: migration.sql)
            location += ":\(line):\(column)"
        }
        return "\(location): migration failed, rolled back: \(error.message) (\(error.extendedCodeName))"
    }
}
