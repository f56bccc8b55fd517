import SQLite
import Support

/// Opening the knowledge base: finding the file, creating and seeding it when it
/// does not exist yet, migrating it, and turning SQLite's terse failures about
/// files into messages that say what is wrong with which path.
public enum KnowledgeBase {
    public static let version = "0.1.0"

    /// What `open` did beyond opening, for the front end to tell the user.
    public struct OpenReport: Sendable {
        public var created = false
        public var appliedMigrations: [String] = []
        public var seeded: SeedReport?
    }

    /// The database path: `explicit` (from `--db`), else `$AIKB_DB`, else
    /// `$XDG_DATA_HOME/aikb/aikb.sqlite` (`~/.local/share/aikb/aikb.sqlite`).
    public static func resolvePath(explicit: String?) -> (path: String, isDefault: Bool) {
        if let explicit, !explicit.isEmpty { return (explicit, false) }
        if let fromEnvironment = Environment.value("AIKB_DB") { return (fromEnvironment, false) }
        return (defaultPath, true)
    }

    public static var defaultPath: String {
        if let data = Environment.value("XDG_DATA_HOME") { return data + "/aikb/aikb.sqlite" }
        let home = Environment.value("HOME") ?? "."
        return home + "/.local/share/aikb/aikb.sqlite"
    }

    public enum Access: Sendable {
        /// Reading only: the file is opened read-only and never created, migrated or
        /// written (a missing file is the one exception: it is created and seeded, so
        /// that the first command on a new path works).
        case read
        /// Reading and writing: pending migrations are applied first.
        case write
        /// `aikb init`: as `write`, and an existing empty file may be made a knowledge base.
        case initialize
        /// `aikb migrate --status`: read-only, and a database that needs migrations is
        /// opened as it is, to be looked at.
        case inspect
    }

    /// Opens the knowledge base at `path`. A missing file is created, migrated and
    /// seeded from the embedded files. An existing file must be an aikb knowledge
    /// base: an empty file, another SQLite database or a file that is not SQLite is
    /// refused (only `aikb init` turns an empty file into one). A writer applies
    /// pending migrations; a reader refuses a database that needs them, leaving it
    /// as it is. `createFolders` allows creating missing folders (for the default path
    /// only: a typo in an explicit path should fail, not make folders).
    public static func open(
        path: String, access: Access = .write, createFolders: Bool = false
    ) throws -> (Database, OpenReport) {
        var report = OpenReport()
        switch FileSystem.kind(of: path) {
        case .directory:
            throw KnowledgeBaseError(.notFound, "\(path): is a folder, not a database file")
        case .other:
            throw KnowledgeBaseError(.notFound, "\(path): is not a regular file")
        case .missing:
            let folder = FileSystem.parent(of: path)
            if FileSystem.kind(of: folder) != .directory {
                if createFolders {
                    do {
                        try FileSystem.createDirectories(folder)
                    } catch {
                        throw KnowledgeBaseError(.cannotCreate, error.description)
                    }
                } else {
                    throw KnowledgeBaseError(
                        .cannotCreate, "\(path): cannot create the database: folder \(folder) does not exist")
                }
            }
            if !FileSystem.isWritable(folder) {
                throw KnowledgeBaseError(
                    .cannotCreate, "\(path): cannot create the database: folder \(folder) is not writable")
            }
            try create(path: path, report: &report)
        case .file:
            if !FileSystem.isReadable(path) {
                throw KnowledgeBaseError(.notPermitted, "\(path): the database file is not readable")
            }
            if FileSystem.size(of: path) == 0 {
                guard access == .initialize else {
                    throw KnowledgeBaseError(
                        .notFound, "\(path): is an empty file, not an aikb knowledge base (aikb init --db \(path) makes it one)")
                }
                try initialize(path: path, report: &report)
            }
        }
        let readOnly = access == .read || access == .inspect
        let db = try openFile(path, mode: readOnly ? .readOnly : .readWrite)
        do {
            try check(db, path: path, access: access, readOnly: readOnly, report: &report)
        } catch let error as SQLiteError where error.code ~= .SQLITE_CORRUPT {
            throw KnowledgeBaseError.damaged(path, error.message)
        }
        // Only now that it is known to be aikb's may the file's journal mode change.
        if !readOnly { try db.useWAL() }
        return (db, report)
    }

    /// Refuses a file that is not an aikb knowledge base, and migrates one that needs it
    /// (writers) or refuses it (readers).
    private static func check(
        _ db: Database, path: String, access: Access, readOnly: Bool, report: inout OpenReport
    ) throws {
        if !report.created {
            let migrator = try Migrator.embedded()
            // A file that is SQLite but not aikb's: no history of migrations at all.
            if try !db.objectExists("schema_migrations", kinds: [.table]) {
                if try db.schemaObjects([.table, .view, .index, .trigger]).isEmpty {
                    guard access == .initialize else {
                        throw KnowledgeBaseError(
                            .notFound, "\(path): is an empty SQLite database, not an aikb knowledge base (aikb init --db \(path) makes it one)")
                    }
                    try migrator.migrate(db)
                    report.seeded = try Seeds.load(into: db)
                    report.created = true
                    return
                }
                throw KnowledgeBaseError(
                    .schemaMismatch, "\(path): this database was not created by aikb (it has tables but no schema_migrations)")
            }
            if access != .inspect, try !migrator.isUpToDate(db) {
                guard !readOnly else {
                    throw KnowledgeBaseError(
                        .schemaMismatch,
                        "\(path): the knowledge base was made by an older aikb and needs its migrations; run aikb migrate --db \(path) "
                            + "(commands that only read never change the file)")
                }
                report.appliedMigrations = try migrator.migrate(db).map(\.name)
            }
        }
    }

    /// Makes an existing empty file a knowledge base (`aikb init` only).
    private static func initialize(path: String, report: inout OpenReport) throws {
        let db = try openFile(path, mode: .readWrite)
        try db.useWAL()
        try Migrator.embedded().migrate(db)
        report.seeded = try Seeds.load(into: db)
        report.created = true
    }

    /// Creates, migrates and seeds a new file; a failure removes the half-made file.
    private static func create(path: String, report: inout OpenReport) throws {
        do {
            let db = try openFile(path, mode: .readWriteCreate)
            try db.useWAL()
            try Migrator.embedded().migrate(db)
            report.seeded = try Seeds.load(into: db)
            report.created = true
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
            throw error
        }
    }

    /// Opens with SQLite, translating its file errors into clear ones.
    static func openFile(_ path: String, mode: Database.OpenMode) throws -> Database {
        do {
            return try Database(path: path, mode: mode, wal: false)
        } catch let error as SQLiteError {
            switch error.code {
            case .SQLITE_NOTADB:
                throw KnowledgeBaseError(.notFound, "\(path): not an SQLite database (the file's header is wrong)")
            case .SQLITE_READONLY:
                throw KnowledgeBaseError(
                    .notPermitted,
                    "\(path): the database file is read-only (check its permissions, or those of its folder)")
            case .SQLITE_CORRUPT:
                throw KnowledgeBaseError.damaged(path, error.message)
            case .SQLITE_CANTOPEN:
                throw KnowledgeBaseError(.notFound, "\(path): cannot open the database file (\(error.message))")
            default:
                throw error
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
