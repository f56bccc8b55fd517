import SQLite
import Support

// The one-statement INSERTs for new rows below are INSERT OR IGNORE, not ON CONFLICT
// DO NOTHING: an INSERT that may abort needs a statement journal, OR IGNORE never
// aborts (measured: 20% less per statement). A row it ignores, whether its key exists,
// a lookup inside it found nothing (a NULL in a NOT NULL column) or it breaks a CHECK,
// takes the checked path, which updates it or reports the problem. They are INSERT ...
// VALUES with the lookups as subqueries, not INSERT ... SELECT: SQLite copies the rows
// of an INSERT ... SELECT into a temporary table first when the table has an insert
// trigger (the search index's, created_run's), a B-tree opened and closed for every row.

/// Crunchbase `organizations.csv`. An organization whose uuid is known is that
/// company; so is one whose name or alias is a known company without a Crunchbase
/// uuid (its uuid is linked then). A company with another uuid is another
/// organization of the same name: a new company. Only empty fields are filled
/// (Crunchbase never overwrites what aikb already holds).
final class CrunchbaseOrganizationsImporter: RowImporter {
    private let context: ImportContext
    private let insert: Statement
    /// The usual case, a new organization, in one statement: the INSERT itself checks
    /// that neither the uuid nor the name (as a name or an alias) is known yet.
    private let insertIfNew: Statement
    private let fill: Statement
    /// The columns a known company only gets where it has no value yet, with the
    /// Crunchbase column each comes from.
    private static let filled: [(column: String, from: String)] = [
        ("country_code", "country_code"), ("founded_on", "founded_on"), ("homepage_url", "homepage_url"),
        ("description", "short_description"), ("categories", "category_list"),
    ]
    /// Parameters of the two INSERTs, which name a new company's columns alike.
    private struct NewCompany {
        let name, kind, status, source: Statement.Parameter
        let filled: [Statement.Parameter]
        init(_ statement: Statement) throws {
            name = try statement.parameter("name")
            kind = try statement.parameter("kind")
            status = try statement.parameter("status")
            source = try statement.parameter("source_id")
            filled = try CrunchbaseOrganizationsImporter.filled.map { try statement.parameter($0.column) }
        }
    }
    private let insertParameters: NewCompany
    private let insertIfNewParameters: NewCompany
    private let uuid: Statement.Parameter
    private let fillID: Statement.Parameter
    private let fillValues: [Statement.Parameter]

    init(context: ImportContext, header: Header) throws {
        self.context = context
        let columns = ["name", "kind", "status"] + Self.filled.map(\.column) + ["source_id"]
        let list = (columns + ["created_run"]).joined(separator: ", ")
        let values = (columns.map { ":" + $0 } + [String(context.run)]).joined(separator: ", ")
        insert = try context.db.prepare("INSERT INTO companies (\(list)) VALUES (\(values))", persistent: true)
        // The name only when neither the uuid nor the name (as a name or an alias) is
        // known yet; otherwise NULL, and the NOT NULL name makes OR IGNORE skip the row.
        let nameIfNew = """
            CASE WHEN NOT EXISTS (SELECT 1 FROM company_external_ids WHERE scheme = 'crunchbase' AND external_id = :uuid)
                  AND NOT EXISTS (SELECT 1 FROM companies WHERE name = :name)
                  AND NOT EXISTS (SELECT 1 FROM company_aliases WHERE alias = :name) THEN :name END
            """
        let valuesIfNew = (columns.map { $0 == "name" ? nameIfNew : ":" + $0 } + [String(context.run)]).joined(separator: ", ")
        insertIfNew = try context.db.prepare(
            "INSERT OR IGNORE INTO companies (\(list)) VALUES (\(valuesIfNew))", persistent: true)
        let assignments = Self.filled.map { "\($0.column) = coalesce(\($0.column), :\($0.column))" }.joined(separator: ", ")
        let changes = Self.filled.map { "(\($0.column) IS NULL AND :\($0.column) IS NOT NULL)" }.joined(separator: " OR ")
        let fill = try context.db.prepare(
            "UPDATE companies SET \(assignments) WHERE id = :id AND (\(changes))", persistent: true)
        self.fill = fill
        insertParameters = try NewCompany(insert)
        insertIfNewParameters = try NewCompany(insertIfNew)
        uuid = try insertIfNew.parameter("uuid")
        fillID = try fill.parameter("id")
        fillValues = try Self.filled.map { try fill.parameter($0.column) }
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        guard let uuid = row.requiredBytes("uuid") else { return .rejected }
        guard let name = row.requiredString("name") else { return .rejected }
        let values: [Value] = Self.filled.map { column, from in
            switch column {
            case "country_code": row.countryCode(from).map { .text($0) } ?? .null
            case "founded_on": if case .text(let date) = row.date(from) { .text(date) } else { .null }
            default: row.string(from).map { .text($0) } ?? .null
            }
        }
        // A file whose organizations are all known gets no source of its own: the
        // one-statement insert runs once the source exists (after the first new one).
        let fast = context.sourceExists(for: row)
        var source: Value = fast ? try context.source(for: row).map { .text($0) } ?? .null : .null
        if row.rejected { return .rejected }
        let (kind, status, invests) = Self.classify(row)
        if fast {
            try bindNew(insertIfNew, insertIfNewParameters, name: name, kind: kind, status: status, values: values, source: source)
            try insertIfNew.bindNoCopy(utf8: uuid, to: self.uuid)
            try insertIfNew.execute()
            if context.db.changes > 0 {
                try link(uuid, to: context.db.lastInsertRowID, investor: invests)
                return .inserted
            }
        }
        var known = try context.companies.resolve(scheme: "crunchbase", externalID: uuid)
        if known == nil {
            // A known company without a Crunchbase uuid may be this organization; one
            // that has another uuid is another organization of the same name.
            switch try context.companies.matchUnlinked(name, scheme: "crunchbase") {
            case .one(let id): known = id
            case .several(let ids):
                row.problem("name", try context.ambiguity(name, ids, idColumn: "company_id"))
                return .rejected
            case .none: break
            }
        }
        if let company = known {
            try fill.bind(company, to: fillID)
            for (parameter, value) in zip(fillValues, values) { try fill.bind(value, to: parameter) }
            try fill.execute()
            let filled = context.db.changes > 0
            // Found by this uuid, or by name with the uuid linked to no other company:
            // either way the uuid is this company's after the link.
            let linked = try context.companies.link(scheme: "crunchbase", externalID: uuid, to: company)
            if invests { context.crunchbaseInvestors?.remember(uuid, company) }
            return filled || linked ? .updated : .unchanged
        }
        if !fast {
            source = try context.source(for: row).map { .text($0) } ?? .null
            if row.rejected { return .rejected }
        }
        try bindNew(insert, insertParameters, name: name, kind: kind, status: status, values: values, source: source)
        try insert.execute()
        try link(uuid, to: context.db.lastInsertRowID, investor: invests)
        return .inserted
    }

    /// Links a new company's uuid; an investor's is remembered for investments.csv.
    private func link(_ uuid: UnsafeBufferPointer<UInt8>, to company: Int64, investor: Bool) throws {
        if try context.companies.link(scheme: "crunchbase", externalID: uuid, to: company), investor {
            context.crunchbaseInvestors?.remember(uuid, company)
        }
    }

    /// Binds a new company's columns.
    private func bindNew(
        _ statement: Statement, _ parameters: NewCompany, name: String, kind: String, status: String, values: [Value],
        source: Value
    ) throws {
        try statement.bind(name, to: parameters.name)
        try statement.bind(kind, to: parameters.kind)
        try statement.bind(status, to: parameters.status)
        for (parameter, value) in zip(parameters.filled, values) { try statement.bind(value, to: parameter) }
        try statement.bind(source, to: parameters.source)
    }

    /// The company kind and status a new organization gets from its roles and status,
    /// and whether Crunchbase lists it as an investor.
    private static func classify(_ row: RowReader) -> (kind: String, status: String, invests: Bool) {
        let status: String =
            switch row.string("status")?.lowercased() {
            case "ipo": "public"
            case "acquired": "acquired"
            case "closed": "closed"
            default: "private"
            }
        let role = row.string("primary_role")?.lowercased()
        let roles = row.string("roles")?.lowercased() ?? ""
        let kind: String =
            if role == "investor" || (role == nil && roles.containsBytes("investor") && !roles.containsBytes("company")) {
                "investment_firm"
            } else if role == "school" {
                "other"
            } else {
                status == "public" ? "public_company" : "startup"
            }
        return (kind, status, role == "investor" || roles.containsBytes("investor"))
    }
}
