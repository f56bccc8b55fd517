import SQLite
import Support

/// `companies` rows with their aliases, Crunchbase uuid and parent. A row is the
/// company its `company_id`, Crunchbase uuid, name or alias already names (a name
/// several companies share is a problem, never a guess); otherwise a new company.
/// Aliases are added, never removed. A parent may be named further down the file.
final class CompaniesImporter: RowImporter {
    private let context: ImportContext
    private let header: Header
    private let columns: [String]
    private let insert: Statement
    private let update: Statement
    private let aliasOwner: Statement
    private let insertAlias: Statement
    private let setParent: Statement
    /// Parents named before their own row, settled at the end of the file.
    private var pendingParents: [PendingReference] = []
    /// Where each company's parent was given in this file, for a cycle's message.
    private var parentPositions: [Int64: (line: Int, column: Int)] = [:]

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
        } + (header.has("parent") || header.has("parent_id") ? ["parent_id"] : [])
        // Columns NOT NULL with a default (kind, status): a blank keeps the schema's
        // default (insert) or the current value (update).
        let defaults = Dictionary(
            try db.columns(of: "companies").compactMap { column in
                column.notNull ? column.defaultSQL.map { (column.name, $0) } : nil
            }, uniquingKeysWith: { first, _ in first })
        let insertValues = columns.map { column in defaults[column].map { "coalesce(:\(column), \($0))" } ?? ":" + column }
        insert = try db.prepare(
            """
            INSERT INTO companies (\((["name"] + columns + ["created_run"]).joined(separator: ", ")))
            VALUES (\(([":name"] + insertValues + [String(context.run)]).joined(separator: ", ")))
            """, persistent: true)
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
            "INSERT INTO company_aliases (alias, company_id, created_run) VALUES (:alias, :company_id, \(context.run))",
            persistent: true)
        setParent = try db.prepare(
            "UPDATE companies SET parent_id = :parent WHERE id = :id AND parent_id IS NOT :parent", persistent: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        guard let name = row.requiredString("name") else { return .rejected }
        let uuid = row.bytes("crunchbase_uuid").flatMap { $0.isEmpty ? nil : $0 }
        guard let (existing, matchedByName) = try identify(row, name: name, uuid: uuid) else { return .rejected }
        var values = try readValues(row)
        let parent = try self.parent(row, of: existing)
        if case .known(let id) = parent { values.append(("parent_id", .integer(id))) }
        else if columns.contains("parent_id") { values.append(("parent_id", .null)) }
        if row.rejected { return .rejected }
        var outcome: RowOutcome
        var bindings = Dictionary(values, uniquingKeysWith: { first, _ in first })
        if let existing {
            bindings["id"] = .integer(existing)
            // Matched through an alias: keep the canonical name. Matched by id, uuid or
            // name: the file's spelling of the name wins.
            let keepName = !matchedByName && uuid == nil && row.string("company_id") == nil
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
        switch parent {
        case .none: break
        case .known: parentPositions[company] = row.position(of: "parent")
        case .later(let name):
            let (line, column) = row.position(of: "parent")
            parentPositions[company] = (line, column)
            pendingParents.append(PendingReference(row: company, target: name, line: line, column: column, columnName: "parent"))
        }
        var addedSomething = false
        if let uuid { addedSomething = try context.companies.link(scheme: "crunchbase", externalID: uuid, to: company) }
        for alias in aliases(row) where try addAlias(alias, to: company, name: name, row: row) {
            addedSomething = true
        }
        if outcome == .unchanged && addedSomething { outcome = .updated }
        return row.rejected ? .rejected : outcome
    }

    /// The company a row is about, and whether it was found by its name (rather than
    /// an alias); (nil, false) for a new one; nil when the row cannot say (reported).
    private func identify(
        _ row: RowReader, name: String, uuid: UnsafeBufferPointer<UInt8>?
    ) throws -> (Int64?, Bool)? {
        if let reference = row.string("company_id") {
            guard let id = try context.companies.resolve(reference: reference) else {
                row.problem("company_id", "no company has the id \"\(reference)\" (expected aikb's id, a number, or scheme:id)")
                return nil
            }
            return (id, false)
        }
        if let uuid, let id = try context.companies.resolve(scheme: "crunchbase", externalID: uuid) { return (id, false) }
        // With a uuid, only a company without one can be this organization.
        let byName = uuid == nil ? try context.companies.matchByNameOnly(name) : .none
        switch byName {
        case .one(let id): return (id, true)
        case .several(let ids):
            row.problem("name", try context.ambiguity(name, ids, idColumn: "company_id"))
            return nil
        case .none:
            break
        }
        switch uuid == nil ? try context.companies.match(name) : try context.companies.matchUnlinked(name, scheme: "crunchbase") {
        case .one(let id): return (id, false)
        case .several(let ids):
            row.problem("name", try context.ambiguity(name, ids, idColumn: "company_id"))
            return nil
        case .none:
            return (nil, false)
        }
    }

    /// A row's parent: none, a known company, or a name settled at the end of the file.
    private enum Parent {
        case none
        case known(Int64)
        case later(String)
    }

    /// The row's parent: by `parent_id`, or by name; a name not known yet is settled
    /// at the end of the file (a parent may come after its units).
    private func parent(_ row: RowReader, of company: Int64?) throws -> Parent {
        if row.string("parent_id") == nil, let name = row.string("parent"), try context.companies.match(name) == .none {
            return .later(name)
        }
        guard let parent = try context.company("parent", in: row, createAs: "other", required: false) else { return .none }
        if parent == company { row.problem("parent", "a company cannot be its own parent") }
        return .known(parent)
    }

    func finish(_ row: RowReader) throws {
        for reference in pendingParents {
            let parent: Int64
            switch try context.companies.match(reference.target) {
            case .one(let id):
                parent = id
            case .several(let ids):
                row.problem(
                    at: (reference.line, reference.column), column: "parent",
                    try context.ambiguity(reference.target, ids, idColumn: "parent_id"))
                continue
            case .none:
                if context.options.createMissing {
                    parent = try context.companies.create(name: reference.target, kind: "other", sourceID: nil)
                } else {
                    row.problem(
                        at: (reference.line, reference.column), column: "parent",
                        "unknown company \"\(reference.target)\" (not a name or alias in companies, in this file or before)"
                            + (try context.companies.hint(for: reference.target)))
                    continue
                }
            }
            if parent == reference.row {
                row.problem(at: (reference.line, reference.column), column: "parent", "a company cannot be its own parent")
                continue
            }
            try setParent.execute(binding: ["parent": .integer(parent), "id": .integer(reference.row)])
        }
        pendingParents = []
        // A chain of parents must end: A's parent B whose parent is A is a problem.
        let cycles = try context.db.allRows(
            """
            WITH RECURSIVE chain(start, id, depth) AS (
                SELECT id, parent_id, 1 FROM companies WHERE parent_id IS NOT NULL
                UNION ALL
                SELECT chain.start, c.parent_id, chain.depth + 1 FROM chain JOIN companies c ON c.id = chain.id
                WHERE c.parent_id IS NOT NULL AND chain.depth < \(Self.deepestGroup)
            )
            SELECT DISTINCT start, (SELECT name FROM companies WHERE id = start) FROM chain WHERE id = start
            """)
        for cycle in cycles {
            guard case .integer(let id) = cycle[0], let position = parentPositions[id] else { continue }
            let name = if case .text(let text) = cycle[1] { text } else { "?" }
            row.problem(at: position, column: "parent", "the parents of \"\(name)\" lead back to it (a cycle)")
        }
        parentPositions = [:]
    }

    /// Groups deeper than this are taken for cycles' ends.
    static let deepestGroup = 64

    private func readValues(_ row: RowReader) throws -> [(String, Value)] {
        var values: [(String, Value)] = []
        for column in columns where column != "parent_id" {  // the parent is resolved apart
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
            case "parent_id":
                continue  // read by parent(_:of:), which knows names further down the file
            default:  // free text, kept as written: a quoted "" is the empty string
                values.append((column, row.textValue(column)))
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
