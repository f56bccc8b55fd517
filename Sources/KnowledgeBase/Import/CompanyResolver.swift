import SQLite
import Support

/// Finds companies by name, alias or external id, and creates missing ones when
/// the import allows it. Names match case-insensitively (the columns are NOCASE).
final class CompanyResolver {
    private let db: Database
    private let byName: Statement
    private let byNameOrAlias: Statement
    private let byExternalIDNameOrAlias: Statement
    private let byExternalID: Statement
    private let insertCompany: Statement
    private let insertExternalID: Statement
    private var names: [String]?

    init(db: Database) throws {
        self.db = db
        byName = try db.prepare("SELECT id FROM companies WHERE name = ?", persistent: true)
        // One statement for the usual two or three lookups: a Crunchbase import makes
        // them for every row, and each statement run has its own overhead.
        byNameOrAlias = try db.prepare(
            "SELECT id FROM companies WHERE name = ?1 UNION ALL SELECT company_id FROM company_aliases WHERE alias = ?1 LIMIT 1",
            persistent: true)
        byExternalIDNameOrAlias = try db.prepare(
            """
            SELECT company_id FROM company_external_ids WHERE scheme = ?1 AND external_id = ?2
            UNION ALL SELECT id FROM companies WHERE name = ?3
            UNION ALL SELECT company_id FROM company_aliases WHERE alias = ?3
            LIMIT 1
            """, persistent: true)
        byExternalID = try db.prepare(
            "SELECT company_id FROM company_external_ids WHERE scheme = ? AND external_id = ?", persistent: true)
        insertCompany = try db.prepare(
            "INSERT INTO companies (name, kind, source_id) VALUES (?, ?, ?)", persistent: true)
        insertExternalID = try db.prepare(
            "INSERT OR IGNORE INTO company_external_ids (scheme, external_id, company_id) VALUES (?, ?, ?)",
            persistent: true)
    }

    /// The company called `name`, or with `name` as an alias.
    func resolve(_ name: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        try lookup(byNameOrAlias, name)
    }

    /// The company with this external id, else with this name or alias.
    func resolve(scheme: String, externalID: UnsafeBufferPointer<UInt8>, orName name: String) throws -> Int64? {
        let statement = byExternalIDNameOrAlias
        statement.reset()
        defer { statement.reset() }
        try statement.bind(scheme, at: 1)
        try statement.bindNoCopy(utf8: externalID, at: 2)
        try statement.bind(name, at: 3)
        return try statement.step() ? statement.row.int64(at: 0) : nil
    }

    func resolve(_ name: String) throws -> Int64? {
        var name = name
        return try name.withUTF8 { try resolve($0) }
    }

    /// Whether the match was by the name itself or by an alias.
    func resolveByNameOnly(_ name: String) throws -> Int64? {
        var name = name
        return try name.withUTF8 { try lookup(byName, $0) }
    }

    func resolve(scheme: String, externalID: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        byExternalID.reset()
        try byExternalID.bind(scheme, at: 1)
        try byExternalID.bindNoCopy(utf8: externalID, at: 2)
        defer { byExternalID.reset() }
        return try byExternalID.step() ? byExternalID.row.int64(at: 0) : nil
    }

    private func lookup(_ statement: Statement, _ key: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        statement.reset()
        try statement.bindNoCopy(utf8: key, at: 1)
        defer { statement.reset() }
        return try statement.step() ? statement.row.int64(at: 0) : nil
    }

    /// Creates a company with only a name and a kind (`--create-missing`).
    func create(name: String, kind: String, sourceID: String?) throws -> Int64 {
        insertCompany.reset()
        try insertCompany.bind(name, at: 1)
        try insertCompany.bind(kind, at: 2)
        try insertCompany.bind(sourceID, at: 3)
        try insertCompany.run()
        insertCompany.reset()
        names = nil
        return db.lastInsertRowID
    }

    /// Links an external id to a company (first link wins).
    func link(scheme: String, externalID: UnsafeBufferPointer<UInt8>, to company: Int64) throws -> Bool {
        insertExternalID.reset()
        try insertExternalID.bind(scheme, at: 1)
        try insertExternalID.bindNoCopy(utf8: externalID, at: 2)
        try insertExternalID.bind(company, at: 3)
        try insertExternalID.run()
        insertExternalID.reset()
        return db.changes > 0
    }

    /// " (did you mean ...?)" for an unknown name, from the companies' names.
    /// Only computed for errors; skipped on very large knowledge bases.
    func hint(for name: String) throws -> String {
        if names == nil {
            let count = try db.firstValue("SELECT count(*) FROM companies")
            guard case .integer(let total)? = count, total <= 100_000 else { return "" }
            names = try db.allRows("SELECT name FROM companies UNION ALL SELECT alias FROM company_aliases").compactMap {
                if case .text(let name) = $0[0] { return name }
                return nil
            }
        }
        return Suggestions.hint(for: name, among: names ?? [])
    }

    func forgetNames() { names = nil }
}
