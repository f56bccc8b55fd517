import SQLite
import Support

/// `companies` rows with their aliases and Crunchbase uuid. A row is the company
/// its Crunchbase uuid, name or alias already names; otherwise a new company.
/// Aliases are added, never removed.
final class CompaniesImporter: RowImporter {
    private let context: ImportContext
    private let header: Header
    private let columns: [String]
    private let insert: Statement
    private let update: Statement
    private let aliasOwner: Statement
    private let insertAlias: Statement

    /// Table columns a companies file may set, besides name.
    private static let optional = [
        "kind", "sector_id", "country_code", "founded_on", "origin", "status", "ipo_on", "homepage_url", "description",
        "categories", "source_id", "notes",
    ]

    init(context: ImportContext, header: Header) throws {
        self.context = context
        self.header = header
        let db = context.db
        columns = Self.optional.filter {
            header.has($0 == "sector_id" ? "sector" : $0) || ($0 == "source_id" && context.options.sourceID != nil)
        }
        // Columns NOT NULL with a default (kind, status): a blank keeps the schema's
        // default (insert) or the current value (update).
        let defaults = Dictionary(
            try db.columns(of: "companies").compactMap { column in
                column.notNull ? column.defaultSQL.map { (column.name, $0) } : nil
            }, uniquingKeysWith: { first, _ in first })
        let insertValues = columns.map { column in defaults[column].map { "coalesce(:\(column), \($0))" } ?? ":" + column }
        insert = try db.prepare(
            "INSERT INTO companies (\((["name"] + columns).joined(separator: ", "))) VALUES (\(([":name"] + insertValues).joined(separator: ", ")))",
            persistent: true)
        let assignments = columns.map { column in
            defaults[column] != nil ? "\(column) = coalesce(:\(column), \(column))" : "\(column) = :\(column)"
        }
        let changed = columns.map { column in
            defaults[column] != nil ? "\(column) IS NOT coalesce(:\(column), \(column))" : "\(column) IS NOT :\(column)"
        }
        update = try db.prepare(
            """
            UPDATE companies SET \((["name = coalesce(:name, name)"] + assignments).joined(separator: ", "))
            WHERE id = :id AND (\((["name IS NOT coalesce(:name, name) COLLATE BINARY"] + changed).joined(separator: " OR ")))
            """, persistent: true)
        aliasOwner = try db.prepare(
            """
            SELECT id, 'name' FROM companies WHERE name = :alias
            UNION ALL SELECT company_id, 'alias' FROM company_aliases WHERE alias = :alias
            """, persistent: true)
        insertAlias = try db.prepare(
            "INSERT INTO company_aliases (alias, company_id) VALUES (:alias, :company_id)", persistent: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        guard let name = row.requiredString("name") else { return .rejected }
        let uuid = row.bytes("crunchbase_uuid").flatMap { $0.isEmpty ? nil : $0 }
        var existing: Int64? = nil
        var matchedByName = false
        if let uuid { existing = try context.companies.resolve(scheme: "crunchbase", externalID: uuid) }
        if existing == nil {
            existing = try context.companies.resolveByNameOnly(name)
            matchedByName = existing != nil
            if existing == nil { existing = try context.companies.resolve(name) }
        }
        let values = try readValues(row)
        if row.rejected { return .rejected }

        var outcome: RowOutcome
        var bindings = Dictionary(values, uniquingKeysWith: { first, _ in first })
        if let existing {
            bindings["id"] = .integer(existing)
            // Matched through an alias: keep the canonical name. Matched by uuid or
            // name: the file's spelling of the name wins.
            let keepName = !matchedByName && uuid == nil
            bindings["name"] = keepName ? .null : .text(name)
            try update.execute(binding: bindings)
        } else {
            bindings["name"] = .text(name)
            try insert.execute(binding: bindings)
        }
        let company: Int64
        if let existing {
            company = existing
            outcome = context.db.changes > 0 ? .updated : .unchanged
        } else {
            company = context.db.lastInsertRowID
            outcome = .inserted
        }
        var addedSomething = false
        if let uuid { addedSomething = try context.companies.link(scheme: "crunchbase", externalID: uuid, to: company) }
        for alias in aliases(row) where try addAlias(alias, to: company, name: name, row: row) {
            addedSomething = true
        }
        if outcome == .unchanged && addedSomething { outcome = .updated }
        return row.rejected ? .rejected : outcome
    }

    private func readValues(_ row: RowReader) throws -> [(String, Value)] {
        var values: [(String, Value)] = []
        func text(_ column: String) -> Value { row.string(column).map { .text($0) } ?? .null }
        for column in columns {
            switch column {
            case "kind":
                values.append((column, row.word("kind", in: Vocabulary.companyKinds, what: "company kind").map { .text($0) } ?? .null))
            case "status":
                values.append((column, row.word("status", in: Vocabulary.companyStatuses, what: "company status").map { .text($0) } ?? .null))
            case "sector_id":
                values.append((column, row.word("sector", in: context.sectors, what: "sector (see the sectors table)").map { .text($0) } ?? .null))
            case "country_code":
                values.append((column, row.countryCode(column).map { .text($0) } ?? .null))
            case "founded_on", "ipo_on":
                if case .text(let date) = row.date(column) { values.append((column, .text(date))) } else { values.append((column, .null)) }
            case "source_id":
                values.append((column, try context.namedSource(for: row).map { .text($0) } ?? .null))
            default:
                values.append((column, text(column)))
            }
        }
        if let ipo = values.first(where: { $0.0 == "ipo_on" })?.1, ipo != .null,
            values.first(where: { $0.0 == "status" })?.1 == .text("private")
        {
            row.problem("ipo_on", "a private company has no IPO date (set status to public)")
        }
        return values
    }

    private func aliases(_ row: RowReader) -> [String] {
        guard let list = row.string("aliases") else { return [] }
        return list.split(separator: ";").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
    }

    /// Adds an alias unless it is there already; an alias naming another company is a problem.
    private func addAlias(_ alias: String, to company: Int64, name: String, row: RowReader) throws -> Bool {
        if alias.lowercased() == name.lowercased() { return false }
        let owner = try aliasOwner.firstRow(binding: ["alias": .text(alias)]) { ($0.int64(at: 0), $0.string(at: 1)) }
        if let (owner, kind) = owner {
            if owner != company {
                let what = kind == "name" ? "the name" : "an alias"
                row.problem("aliases", "\"\(alias)\" is already \(what) of another company (id \(owner))")
            }
            return false
        }
        try insertAlias.execute(binding: ["alias": .text(alias), "company_id": .integer(company)])
        context.companies.forgetNames()
        return true
    }
}
