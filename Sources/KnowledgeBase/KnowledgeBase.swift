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
        /// Reading only: the file is opened read-only; a missing one is still created first.
        case read
        /// Reading and writing.
        case write
    }

    /// Opens the knowledge base at `path`. A missing file is created, migrated and
    /// seeded from the embedded files; an existing one gets its pending migrations.
    /// `createFolders` allows creating missing folders (for the default path only:
    /// a typo in an explicit path should fail, not make folders).
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
        }
        let db = try openFile(path, mode: access == .write ? .readWrite : .readOnly)
        if !report.created {
            // Bring an older database up to date before use. A reading session does
            // this on a short-lived write connection; its own connection sees the
            // new schema at its next statement.
            let migrator = try Migrator.embedded()
            if try !migrator.isUpToDate(db) {
                let writer = access == .write ? db : try openFile(path, mode: .readWrite)
                report.appliedMigrations = try migrator.migrate(writer).map(\.name)
            }
        }
        return (db, report)
    }

    /// Creates, migrates and seeds a new file; a failure removes the half-made file.
    private static func create(path: String, report: inout OpenReport) throws {
        do {
            let db = try openFile(path, mode: .readWriteCreate)
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
            return try Database(path: path, mode: mode)
        } catch let error as SQLiteError {
            switch error.code {
            case .SQLITE_NOTADB:
                throw KnowledgeBaseError(.notFound, "\(path): not an SQLite database (the file's header is wrong)")
            case .SQLITE_READONLY:
                throw KnowledgeBaseError(
                    .notPermitted,
                    "\(path): the database file is read-only (check its permissions, or those of its folder)")
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
