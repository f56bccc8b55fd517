import SQLite
import Support

/// Finds companies by name, alias or external id, and creates missing ones when
/// the import allows it. Names match case-insensitively (the columns are NOCASE).
final class CompanyResolver {
    private let db: Database
    private let byName: Lookup
    private let byNameOrAlias: Lookup
    private let byExternalIDNameOrAlias: Statement
    private let byExternalID: Statement
    private let insertCompany: Statement
    private let insertExternalID: Statement
    private let scheme, externalID, name: Statement.Parameter
    private let onlyScheme, onlyExternalID: Statement.Parameter
    private let linkScheme, linkExternalID, linkCompany: Statement.Parameter
    private var names: [String]?

    init(db: Database) throws {
        self.db = db
        byName = try Lookup(db, "SELECT id FROM companies WHERE name = :name")
        // One statement for the usual two or three lookups: a Crunchbase import makes
        // them for every row, and each statement run has its own overhead.
        byNameOrAlias = try Lookup(
            db, "SELECT id FROM companies WHERE name = :name UNION ALL SELECT company_id FROM company_aliases WHERE alias = :name LIMIT 1")
        byExternalIDNameOrAlias = try db.prepare(
            """
            SELECT company_id FROM company_external_ids WHERE scheme = :scheme AND external_id = :external_id
            UNION ALL SELECT id FROM companies WHERE name = :name
            UNION ALL SELECT company_id FROM company_aliases WHERE alias = :name
            LIMIT 1
            """, persistent: true)
        byExternalID = try db.prepare(
            "SELECT company_id FROM company_external_ids WHERE scheme = :scheme AND external_id = :external_id",
            persistent: true)
        insertCompany = try db.prepare(
            "INSERT INTO companies (name, kind, source_id) VALUES (:name, :kind, :source_id)", persistent: true)
        insertExternalID = try db.prepare(
            """
            INSERT OR IGNORE INTO company_external_ids (scheme, external_id, company_id)
            VALUES (:scheme, :external_id, :company_id)
            """, persistent: true)
        scheme = try byExternalIDNameOrAlias.parameter("scheme")
        externalID = try byExternalIDNameOrAlias.parameter("external_id")
        name = try byExternalIDNameOrAlias.parameter("name")
        onlyScheme = try byExternalID.parameter("scheme")
        onlyExternalID = try byExternalID.parameter("external_id")
        linkScheme = try insertExternalID.parameter("scheme")
        linkExternalID = try insertExternalID.parameter("external_id")
        linkCompany = try insertExternalID.parameter("company_id")
    }

    /// A one-parameter query by name, its parameter found once.
    private struct Lookup {
        let statement: Statement
        let name: Statement.Parameter
        init(_ db: Database, _ sql: String) throws {
            statement = try db.prepare(sql, persistent: true)
            name = try statement.parameter("name")
        }
        func id(for key: UnsafeBufferPointer<UInt8>) throws -> Int64? {
            try statement.bindNoCopy(utf8: key, to: name)
            return try statement.firstRow { $0.int64(at: 0) }
        }
    }

    /// The company called `name`, or with `name` as an alias.
    func resolve(_ name: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        try byNameOrAlias.id(for: name)
    }

    /// The company with this external id, else with this name or alias.
    func resolve(scheme: String, externalID id: UnsafeBufferPointer<UInt8>, orName text: String) throws -> Int64? {
        try byExternalIDNameOrAlias.bind(scheme, to: self.scheme)
        try byExternalIDNameOrAlias.bindNoCopy(utf8: id, to: externalID)
        try byExternalIDNameOrAlias.bind(text, to: name)
        return try byExternalIDNameOrAlias.firstRow { $0.int64(at: 0) }
    }

    func resolve(_ name: String) throws -> Int64? {
        var name = name
        return try name.withUTF8 { try resolve($0) }
    }

    /// Whether the match was by the name itself or by an alias.
    func resolveByNameOnly(_ name: String) throws -> Int64? {
        var name = name
        return try name.withUTF8 { try byName.id(for: $0) }
    }

    func resolve(scheme: String, externalID id: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        try byExternalID.bind(scheme, to: onlyScheme)
        try byExternalID.bindNoCopy(utf8: id, to: onlyExternalID)
        return try byExternalID.firstRow { $0.int64(at: 0) }
    }

    /// Creates a company with only a name and a kind (`--create-missing`).
    func create(name: String, kind: String, sourceID: String?) throws -> Int64 {
        try insertCompany.execute(binding: [
            "name": .text(name), "kind": .text(kind), "source_id": sourceID.map { .text($0) } ?? .null,
        ])
        names = nil
        return db.lastInsertRowID
    }

    /// Links an external id to a company (first link wins).
    func link(scheme: String, externalID id: UnsafeBufferPointer<UInt8>, to company: Int64) throws -> Bool {
        try insertExternalID.bind(scheme, to: linkScheme)
        try insertExternalID.bindNoCopy(utf8: id, to: linkExternalID)
        try insertExternalID.bind(company, to: linkCompany)
        try insertExternalID.execute()
        return db.changes > 0
    }

    /// Above this many companies, an unknown name gets no suggestions: comparing it
    /// with every name would cost more than the error is worth.
    static let maximumForSuggestions = 100_000

    /// " (did you mean ...?)" for an unknown name, from the companies' names.
    /// Only computed for errors; skipped on very large knowledge bases.
    func hint(for name: String) throws -> String {
        if names == nil {
            let count = try db.firstValue("SELECT count(*) FROM companies")
            guard case .integer(let total)? = count, total <= Self.maximumForSuggestions else { return "" }
            names = try db.strings("SELECT name FROM companies UNION ALL SELECT alias FROM company_aliases")
        }
        return Suggestions.hint(for: name, among: names ?? [])
    }

    func forgetNames() { names = nil }
}
