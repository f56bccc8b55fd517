import SQLite
import Support

/// What a company reference in a file names.
enum CompanyMatch: Equatable {
    case none
    case one(Int64)
    /// Several companies share the name: the file must say which, by id.
    case several([Int64])
}

/// Finds companies by name, alias or id, and creates missing ones when the import
/// allows it. A company is its id, never its name: names match case-insensitively
/// (the columns are NOCASE) and may name several companies, which is reported as
/// such, never resolved by guessing.
final class CompanyResolver {
    private let db: Database
    private let run: Int64
    /// Companies with this name or alias, at most `candidatesLooked` of them.
    private let byNameOrAlias: Statement
    private let byNameOrAliasName: Statement.Parameter
    /// The same among companies with no id in a scheme yet (a Crunchbase organization
    /// may be a known company that has no Crunchbase uuid so far, never one that has another).
    private let unlinkedByNameOrAlias: Statement
    private let unlinkedName, unlinkedScheme: Statement.Parameter
    private let byNameOnly: Statement
    private let byNameOnlyName: Statement.Parameter
    private let byExternalID: Statement
    private let externalScheme, externalValue: Statement.Parameter
    private let byID: Statement
    private let insertCompany: Statement
    private let insertExternalID: Statement
    private let linkScheme, linkExternalID, linkCompany: Statement.Parameter
    private var names: [String]?

    /// Enough to tell one match from several, and to list a few candidates.
    static let candidatesLooked = 5

    init(db: Database, run: Int64) throws {
        self.db = db
        self.run = run
        let limit = Self.candidatesLooked
        // UNION ALL, the twins (a company found by its name and its alias) dropped by
        // `ids`: a UNION builds an ephemeral table to find them on every execution, and
        // these run once per imported row. Each half has no twins of its own, so twice
        // the limit of rows holds the limit of distinct companies when there are as many.
        byNameOrAlias = try db.prepare(
            """
            SELECT id FROM companies WHERE name = :name
            UNION ALL SELECT company_id FROM company_aliases WHERE alias = :name
            LIMIT \(2 * limit)
            """, persistent: true)
        byNameOrAliasName = try byNameOrAlias.parameter("name")
        unlinkedByNameOrAlias = try db.prepare(
            """
            SELECT id FROM (
                SELECT id FROM companies WHERE name = :name
                UNION ALL SELECT company_id FROM company_aliases WHERE alias = :name)
            WHERE NOT EXISTS (SELECT 1 FROM company_external_ids e WHERE e.company_id = id AND e.scheme = :scheme)
            LIMIT \(2 * limit)
            """, persistent: true)
        unlinkedName = try unlinkedByNameOrAlias.parameter("name")
        unlinkedScheme = try unlinkedByNameOrAlias.parameter("scheme")
        byNameOnly = try db.prepare("SELECT id FROM companies WHERE name = :name LIMIT \(limit)", persistent: true)
        byNameOnlyName = try byNameOnly.parameter("name")
        byExternalID = try db.prepare(
            "SELECT company_id FROM company_external_ids WHERE scheme = :scheme AND external_id = :external_id",
            persistent: true)
        externalScheme = try byExternalID.parameter("scheme")
        externalValue = try byExternalID.parameter("external_id")
        byID = try db.prepare("SELECT id FROM companies WHERE id = :id", persistent: true)
        insertCompany = try db.prepare(
            "INSERT INTO companies (name, kind, source_id, created_run) VALUES (:name, :kind, :source_id, :created_run)",
            persistent: true)
        insertExternalID = try db.prepare(
            """
            INSERT OR IGNORE INTO company_external_ids (scheme, external_id, company_id, created_run)
            VALUES (:scheme, :external_id, :company_id, :created_run)
            """, persistent: true)
        linkScheme = try insertExternalID.parameter("scheme")
        linkExternalID = try insertExternalID.parameter("external_id")
        linkCompany = try insertExternalID.parameter("company_id")
        try insertExternalID.bind(run, to: try insertExternalID.parameter("created_run"))
    }

    private func ids(_ statement: Statement) throws -> CompanyMatch {
        var found: [Int64] = []
        try statement.forEachRow {
            let id = $0.int64(at: 0)
            if !found.contains(id) && found.count < Self.candidatesLooked { found.append(id) }
        }
        switch found.count {
        case 0: return .none
        case 1: return .one(found[0])
        default: return .several(found)
        }
    }

    /// The companies called `name`, or with `name` as an alias.
    func match(_ name: UnsafeBufferPointer<UInt8>) throws -> CompanyMatch {
        try byNameOrAlias.bindNoCopy(utf8: name, to: byNameOrAliasName)
        return try ids(byNameOrAlias)
    }

    func match(_ name: String) throws -> CompanyMatch {
        var name = name
        return try name.withUTF8 { try match($0) }
    }

    /// The companies called `name` (not by alias).
    func matchByNameOnly(_ name: String) throws -> CompanyMatch {
        try byNameOnly.bind(name, to: byNameOnlyName)
        return try ids(byNameOnly)
    }

    /// The companies called `name` or with it as an alias that have no id in `scheme` yet.
    func matchUnlinked(_ name: String, scheme: String) throws -> CompanyMatch {
        try unlinkedByNameOrAlias.bind(name, to: unlinkedName)
        try unlinkedByNameOrAlias.bind(scheme, to: unlinkedScheme)
        return try ids(unlinkedByNameOrAlias)
    }

    /// The company with this id in another system (`crunchbase`, `epoch`, ...).
    func resolve(scheme: String, externalID id: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        try byExternalID.bind(scheme, to: externalScheme)
        try byExternalID.bindNoCopy(utf8: id, to: externalValue)
        return try byExternalID.firstRow { $0.int64(at: 0) }
    }

    func resolve(scheme: String, externalID id: String) throws -> Int64? {
        var id = id
        return try id.withUTF8 { try resolve(scheme: scheme, externalID: $0) }
    }

    /// A company reference by id, as id columns write it: aikb's own id (`42`) or an
    /// id in another system (`crunchbase:0c2d…`). nil when no company has it.
    func resolve(reference: String) throws -> Int64? {
        if let id = Int64(reference) {
            return try byID.firstRow(binding: ["id": .integer(id)]) { $0.int64(at: 0) }
        }
        guard let colon = reference.firstIndex(of: ":"), colon != reference.startIndex else { return nil }
        let scheme = String(reference[..<colon]).lowercased()
        let value = String(reference[reference.index(after: colon)...])
        return try resolve(scheme: scheme, externalID: value)
    }

    /// Creates a company with only a name and a kind (`--create-missing`).
    func create(name: String, kind: String, sourceID: String?) throws -> Int64 {
        try insertCompany.execute(binding: [
            "name": .text(name), "kind": .text(kind), "source_id": sourceID.map { .text($0) } ?? .null,
            "created_run": .integer(run),
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

    /// The candidates of an ambiguous name, told apart by what else is known of
    /// them: `Acme (id 12, USA, founded 2015); Acme (id 40, GBR)`.
    func describe(_ ids: [Int64]) throws -> String {
        let statement = try db.prepare(
            """
            SELECT name || ' (id ' || id || coalesce(', ' || country_code, '') || coalesce(', founded ' || founded_on, '')
                   || coalesce(', crunchbase ' || (SELECT external_id FROM company_external_ids
                                                   WHERE company_id = companies.id AND scheme = 'crunchbase'), '') || ')'
            FROM companies WHERE id = :id
            """)
        return try ids.compactMap { try statement.firstRow(binding: ["id": .integer($0)]) { $0.string(at: 0) } }
            .joined(separator: "; ")
    }

    /// Above this many companies, an unknown name gets no suggestions: comparing it
    /// with every name would cost more than the error is worth.
    static let maximumForSuggestions: Int64 = 100_000

    /// " (did you mean ...?)" for an unknown name, from the companies' names.
    /// Only computed for errors; skipped on very large knowledge bases.
    func hint(for name: String) throws -> String {
        if names == nil {
            guard try db.count(of: "SELECT 1 FROM companies", upTo: Self.maximumForSuggestions) <= Self.maximumForSuggestions
            else { return "" }
            names = try db.strings("SELECT name FROM companies UNION ALL SELECT alias FROM company_aliases")
        }
        return Suggestions.hint(for: name, among: names ?? [])
    }

    func forgetNames() { names = nil }
}
