import KnowledgeBase
import SQLite
import Testing

#if canImport(Glibc)
import Glibc
import TestScratch
#endif

/// The folder of this test target's corpus of CSV cases.
let corpus: String = {
    let file = #filePath
    return String(file[..<file.lastIndex(of: "/")!]) + "/Corpus"
}()

func temporaryDirectory() -> String { Scratch.directory("kb-") }

func write(_ text: String, to path: String) {
    let file = fopen(path, "w")!
    fputs(text, file)
    fclose(file)
}

func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// A migrated empty database file (no seeds).
func migratedDatabase() throws -> Database {
    let db = try Database(path: temporaryDirectory() + "/kb.sqlite")
    try Migrator.embedded().migrate(db)
    return db
}

/// A database with the corpus's base fixture (sources, companies, rounds) imported.
func fixtureDatabase() throws -> Database {
    let db = try migratedDatabase()
    let base = ["sources", "companies", "rounds"].map { corpus + "/base/\($0).csv" }
    let result = try Importer(db: db, options: ImportOptions()).run(paths: base)
    #expect(result.problemCount == 0, "\(result.problems)")
    return db
}

func importFiles(_ db: Database, _ paths: [String], options: ImportOptions = ImportOptions()) throws -> ImportResult {
    try Importer(db: db, options: options).run(paths: paths)
}

/// Every row of every table, as one comparable text: equal before and after
/// means the database did not change.
func fingerprint(_ db: Database) throws -> String {
    try fingerprint(db, excluding: [])
}

/// The tables that log runs rather than hold knowledge: they grow with every run and
/// hold times.
let logTables: Set<String> = ["import_log", "runs", "history", "schema_migrations", "reports"]

/// `fingerprint` without the named tables.
func fingerprint(_ db: Database, excluding excluded: Set<String>) throws -> String {
    var text = ""
    // A virtual table's shadow tables are its storage (FTS5's segments depend on how
    // the rows came in); the virtual table itself gives its content.
    let tables = try db.allRows(
        """
        SELECT name FROM sqlite_schema WHERE type = 'table'
          AND name NOT IN (SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow')
        ORDER BY name
        """)
    for table in tables {
        guard case .text(let name) = table[0], !excluded.contains(name) else { continue }
        text += "== \(name)\n"
        let rowid = name == "search_index" ? "rowid, " : ""
        let order = try rowid.isEmpty && db.columns(of: name).count == 1 ? "1" : "1, 2"
        for row in try db.allRows("SELECT \(rowid)* FROM \(SQL.identifier(name)) ORDER BY \(order)") {
            text += "\(row)\n"
        }
    }
    return text
}

/// Problems as the user sees them, with the corpus folder left out.
func lines(_ problems: [ImportProblem]) -> [String] {
    problems.map { $0.description.replacingOccurrences(of: corpus + "/", with: "") }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
