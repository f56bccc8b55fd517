import SQLite

/// The columns each Crunchbase bulk-export file must have; all others are read
/// and ignored.
enum CrunchbaseColumns {
    static func required(for format: FileFormat) -> [String] {
        switch format {
        case .crunchbaseOrganizations: ["uuid", "name"]
        case .crunchbaseFundingRounds: ["uuid", "investment_type", "org_uuid"]
        case .crunchbaseInvestments: ["funding_round_uuid", "investor_uuid"]
        case .aikb: []
        }
    }
}

// The one-statement INSERTs for new rows below are INSERT OR IGNORE ... SELECT, not
// ON CONFLICT DO NOTHING: an INSERT ... SELECT that may abort needs a statement
// journal, OR IGNORE never aborts (measured: 20% less per statement). A row it ignores,
// whether its key exists or it breaks a CHECK, takes the checked path, which updates
// it or reports the problem.

/// Crunchbase `organizations.csv`. An organization whose uuid, name or alias is
/// known is that company: its uuid is linked and only empty fields are filled
/// (Crunchbase never overwrites what aikb already holds).
final class CrunchbaseOrganizationsImporter: RowImporter {
    private let context: ImportContext
    private let insert: Statement
    /// The usual case, a new organization, in one statement: the INSERT itself checks
    /// that neither the uuid nor the name (as a name or an alias) is known yet.
    private let insertIfNew: Statement
    private let fill: Statement
    private static let filled = ["country_code", "founded_on", "homepage_url", "description", "categories"]

    init(context: ImportContext, header: Header) throws {
        self.context = context
        // Both: ?1 name, ?2 kind, ?3 status, ?4... the values in the order of
        // `filled`, ?9 source_id; ?10 the uuid.
        let columns = "name, kind, status, \(Self.filled.joined(separator: ", ")), source_id"
        insert = try context.db.prepare(
            "INSERT INTO companies (\(columns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", persistent: true)
        insertIfNew = try context.db.prepare(
            """
            INSERT OR IGNORE INTO companies (\(columns))
            SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
            WHERE NOT EXISTS (SELECT 1 FROM company_external_ids WHERE scheme = 'crunchbase' AND external_id = ?10)
              AND NOT EXISTS (SELECT 1 FROM company_aliases WHERE alias = ?1)
            """, persistent: true)
        // ?1 is the id, ?2... the values in the order of `filled`.
        let assignments = Self.filled.enumerated().map { "\($1) = coalesce(\($1), ?\($0 + 2))" }.joined(separator: ", ")
        let changes = Self.filled.enumerated().map { "(\($1) IS NULL AND ?\($0 + 2) IS NOT NULL)" }.joined(separator: " OR ")
        fill = try context.db.prepare(
            "UPDATE companies SET \(assignments) WHERE id = ?1 AND (\(changes))", persistent: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        guard let uuid = row.bytes("uuid"), !uuid.isEmpty else {
            row.problem("uuid", "missing value (this column is required)")
            return .rejected
        }
        guard let name = row.requiredString("name") else { return .rejected }
        // In the order of `filled`.
        var values: [Value] = [.null, .null, .null, .null, .null]
        if let code = row.string("country_code") {
            if code.utf8.count == 3 && code.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
                values[0] = .text(code.uppercased())
            } else {
                row.problem("country_code", "\"\(code)\" is not an ISO 3166 alpha-3 country code")
            }
        }
        if case .text(let date) = row.date("founded_on") { values[1] = .text(date) }
        if let url = row.string("homepage_url") { values[2] = .text(url) }
        if let description = row.string("short_description") { values[3] = .text(description) }
        if let categories = row.string("category_list") { values[4] = .text(categories) }
        // A file whose organizations are all known gets no source of its own: the
        // one-statement insert runs once the source exists (after the first new one).
        let fast = context.sourceExists(for: row)
        var source: Value = fast ? try context.source(for: row).map { .text($0) } ?? .null : .null
        if row.rejected { return .rejected }
        let (kind, status, invests) = Self.classify(row)

        if fast {
            insertIfNew.reset()
            try bindNew(insertIfNew, name: name, kind: kind, status: status, values: values, source: source)
            try insertIfNew.bindNoCopy(utf8: uuid, at: 10)
            try insertIfNew.run()
            if context.db.changes > 0 {
                try link(uuid, to: context.db.lastInsertRowID, investor: invests)
                return .inserted
            }
        }
        if let company = try context.companies.resolve(scheme: "crunchbase", externalID: uuid, orName: name) {
            fill.reset()
            try fill.bind(.integer(company), at: 1)
            for (offset, value) in values.enumerated() { try fill.bind(value, at: offset + 2) }
            try fill.run()
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
        insert.reset()
        try bindNew(insert, name: name, kind: kind, status: status, values: values, source: source)
        try insert.run()
        try link(uuid, to: context.db.lastInsertRowID, investor: invests)
        return .inserted
    }

    /// Links a new company's uuid; an investor's is remembered for investments.csv.
    private func link(_ uuid: UnsafeBufferPointer<UInt8>, to company: Int64, investor: Bool) throws {
        if try context.companies.link(scheme: "crunchbase", externalID: uuid, to: company), investor {
            context.crunchbaseInvestors?.remember(uuid, company)
        }
    }

    /// Binds a new company's columns, which both INSERTs name alike.
    private func bindNew(
        _ statement: Statement, name: String, kind: String, status: String, values: [Value], source: Value
    ) throws {
        try statement.bind(name, at: 1)
        try statement.bind(kind, at: 2)
        try statement.bind(status, at: 3)
        for (offset, value) in values.enumerated() { try statement.bind(value, at: offset + 4) }
        try statement.bind(source, at: 9)
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
            if role == "investor" || (role == nil && roles.contains("investor") && !roles.contains("company")) {
                "investment_firm"
            } else if role == "school" {
                "other"
            } else {
                status == "public" ? "public_company" : "startup"
            }
        return (kind, status, role == "investor" || roles.contains("investor"))
    }
}

/// Crunchbase `funding_rounds.csv`, keyed by the round's uuid.
final class CrunchbaseRoundsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert
    /// The usual case, a new round of an organization known by its uuid, in one
    /// statement: the organization is looked up inside the INSERT. Anything else
    /// (a known round, an organization known by name only) takes `upsert`.
    private let insertNew: Statement
    private static let columns = [
        "external_id", "company_id", "round_type", "round_label", "announced_on", "amount", "currency", "amount_usd",
        "post_money_valuation_usd", "source_id",
    ]

    init(context: ImportContext, header: Header) throws {
        self.context = context
        upsert = try Upsert(
            db: context.db, table: "funding_rounds", columns: Self.columns,
            conflicts: [("(external_id)", nil)], keyColumns: ["external_id"], classification: .rowid)
        // ?2 is the organization's uuid where the other columns have their values.
        insertNew = try context.db.prepare(
            """
            INSERT OR IGNORE INTO funding_rounds (\(Self.columns.joined(separator: ", ")))
            SELECT ?1, company_id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10
            FROM company_external_ids WHERE scheme = 'crunchbase' AND external_id = ?2
            """, persistent: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        guard let uuid = row.bytes("uuid"), !uuid.isEmpty else {
            row.problem("uuid", "missing value (this column is required)")
            return .rejected
        }
        let type = row.word("investment_type", in: context.roundTypes, what: "investment type", table: "round_types")
        if row.string("investment_type") == nil { row.problem("investment_type", "missing value (this column is required)") }
        let date = row.date("announced_on")
        let usd = row.dollars("raised_amount_usd")
        let raised = row.amount("raised_amount")
        let valuation = row.dollars("post_money_valuation_usd")
        var currency = row.string("raised_amount_currency_code")?.uppercased()
        if let code = currency, code.count != 3 {
            row.problem("raised_amount_currency_code", "\"\(code)\" is not a currency code")
            currency = nil
        }
        let source = try context.source(for: row)
        let amount = raised?.value
        let amountCurrency = amount == nil ? nil : (currency ?? raised?.currency ?? "USD")
        if !row.rejected, let type, let source, let organization = row.bytes("org_uuid"), !organization.isEmpty {
            let statement = insertNew
            statement.reset()
            try statement.bindNoCopy(utf8: uuid, at: 1)
            try statement.bindNoCopy(utf8: organization, at: 2)
            try statement.bind(type, at: 3)
            try statement.bind(row.text("name"), at: 4, reader: reader)
            try statement.bind(date, at: 5, reader: reader)
            try statement.bind(amount, at: 6)
            try statement.bind(amountCurrency, at: 7)
            try statement.bind(usd?.value, at: 8)
            try statement.bind(valuation?.value, at: 9)
            try statement.bind(source, at: 10)
            try statement.run()
            if context.db.changes > 0 { return .inserted }
        }
        let company = try organization(row)
        guard !row.rejected, let company, let type, let source else { return .rejected }
        try upsert.bind("external_id", String(decoding: uuid, as: UTF8.self))  // trimmed, as looked up
        try upsert.bind("company_id", company)
        try upsert.bind("round_type", type)
        try upsert.bind("round_label", row.text("name"), reader: reader)
        try upsert.bind("announced_on", date, reader: reader)
        try upsert.bind("amount", amount)
        try upsert.bind("currency", amountCurrency)
        try upsert.bind("amount_usd", usd?.value)
        try upsert.bind("post_money_valuation_usd", valuation?.value)
        try upsert.bind("source_id", source)
        return try upsert.run()
    }

    /// The round's organization.
    private func organization(_ row: RowReader) throws -> Int64? {
        try crunchbaseCompany(
            row, context: context, uuidColumn: "org_uuid", nameColumn: "org_name", createAs: "startup",
            unknown: "organization", hint: "import organizations.csv in the same run, or use --create-missing")
    }
}

/// Crunchbase `investments.csv`: who took part in which round.
final class CrunchbaseInvestmentsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert
    private let roundByExternalID: Statement
    /// The usual case, a new participation of a round and an investor both known by
    /// their uuids, in one statement: both are looked up inside the INSERT. Anything
    /// else (a known row, an investor known by name only, an unknown uuid) takes the
    /// lookups and `upsert`, which also say what is wrong.
    private let insertNew: Statement
    /// The same with the investor already known (`ImportContext.crunchbaseInvestors`).
    private let insertNewOfInvestor: Statement

    init(context: ImportContext, header: Header) throws {
        self.context = context
        upsert = try Upsert(
            db: context.db, table: "round_investors", columns: ["round_id", "investor_id", "is_lead", "source_id"],
            conflicts: [("(round_id, investor_id)", nil)], keyColumns: ["round_id", "investor_id"],
            classification: .insertFirst)
        roundByExternalID = try context.db.prepare("SELECT id FROM funding_rounds WHERE external_id = ?", persistent: true)
        insertNew = try context.db.prepare(
            """
            INSERT OR IGNORE INTO round_investors (round_id, investor_id, is_lead, source_id)
            SELECT funding_rounds.id, company_external_ids.company_id, ?3, ?4
            FROM funding_rounds, company_external_ids
            WHERE funding_rounds.external_id = ?1
              AND company_external_ids.scheme = 'crunchbase' AND company_external_ids.external_id = ?2
            """, persistent: true)
        insertNewOfInvestor = try context.db.prepare(
            """
            INSERT OR IGNORE INTO round_investors (round_id, investor_id, is_lead, source_id)
            SELECT id, ?2, ?3, ?4 FROM funding_rounds WHERE external_id = ?1
            """, persistent: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let lead: Int64 = row.boolean("is_lead_investor") == .yes ? 1 : 0
        let source = try context.source(for: row)
        if !row.rejected, let source, let round = row.bytes("funding_round_uuid"), !round.isEmpty,
            let investor = row.bytes("investor_uuid"), !investor.isEmpty
        {
            let known = try knownInvestor(investor)
            let statement = known == nil ? insertNew : insertNewOfInvestor
            statement.reset()
            try statement.bindNoCopy(utf8: round, at: 1)
            if let known { try statement.bind(known, at: 2) } else { try statement.bindNoCopy(utf8: investor, at: 2) }
            try statement.bind(lead, at: 3)
            try statement.bind(source, at: 4)
            try statement.run()
            if context.db.changes > 0 { return .inserted }
        }
        let round = try self.round(row)
        let investor = try self.investor(row)
        guard !row.rejected, let round, let investor, let source else { return .rejected }
        try upsert.bind("round_id", round)
        try upsert.bind("investor_id", investor)
        try upsert.bind("is_lead", lead)
        try upsert.bind("source_id", source)
        return try upsert.run()
    }

    /// The investor by its uuid alone, through `crunchbaseInvestors` (bulk imports):
    /// a seek into company_external_ids only the first time an investor appears.
    private func knownInvestor(_ uuid: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        guard let cache = context.crunchbaseInvestors else { return nil }
        if let id = cache.id(for: uuid) { return id }
        guard let id = try context.companies.resolve(scheme: "crunchbase", externalID: uuid) else { return nil }
        cache.remember(uuid, id)
        return id
    }

    private func round(_ row: RowReader) throws -> Int64? {
        guard let uuid = row.bytes("funding_round_uuid"), !uuid.isEmpty else {
            row.problem("funding_round_uuid", "missing value (this column is required)")
            return nil
        }
        roundByExternalID.reset()
        try roundByExternalID.bindNoCopy(utf8: uuid, at: 1)
        defer { roundByExternalID.reset() }
        if try roundByExternalID.step() { return roundByExternalID.row.int64(at: 0) }
        row.problem(
            "funding_round_uuid",
            "unknown funding round \(String(decoding: uuid, as: UTF8.self)); import funding_rounds.csv in the same run or before")
        return nil
    }

    /// The investor; people (investor_type "person") are created as persons.
    private func investor(_ row: RowReader) throws -> Int64? {
        let isPerson = row.string("investor_type")?.lowercased().contains("person") ?? false
        return try crunchbaseCompany(
            row, context: context, uuidColumn: "investor_uuid", nameColumn: "investor_name",
            createAs: isPerson ? "person" : "investment_firm", unknown: "investor",
            hint: "people are not in organizations.csv: use --create-missing")
    }
}

/// A company a Crunchbase row names by uuid: found by the uuid, else by its name or
/// alias (then the uuid is linked to it), else created under --create-missing.
private func crunchbaseCompany(
    _ row: RowReader, context: ImportContext, uuidColumn: String, nameColumn: String, createAs kind: String,
    unknown what: String, hint: String
) throws -> Int64? {
    guard let uuid = row.bytes(uuidColumn), !uuid.isEmpty else {
        row.problem(uuidColumn, "missing value (this column is required)")
        return nil
    }
    if let id = try context.companies.resolve(scheme: "crunchbase", externalID: uuid) { return id }
    let name = row.string(nameColumn)
    if let name, let id = try context.companies.resolve(name) {
        _ = try context.companies.link(scheme: "crunchbase", externalID: uuid, to: id)
        return id
    }
    if context.options.createMissing, let name {
        let id = try context.companies.create(name: name, kind: kind, sourceID: try context.source(for: row))
        _ = try context.companies.link(scheme: "crunchbase", externalID: uuid, to: id)
        return id
    }
    row.problem(uuidColumn, "unknown \(what) \(String(decoding: uuid, as: UTF8.self)) (\(name ?? "no name")); \(hint)")
    return nil
}
