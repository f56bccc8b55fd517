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

/// Crunchbase `organizations.csv`. An organization whose uuid, name or alias is
/// known is that company: its uuid is linked and only empty fields are filled
/// (Crunchbase never overwrites what aikb already holds).
final class CrunchbaseOrganizationsImporter: RowImporter {
    private let context: ImportContext
    private let insert: Statement
    private let fill: Statement
    private static let filled = ["country_code", "founded_on", "homepage_url", "description", "categories"]

    init(context: ImportContext, header: Header) throws {
        self.context = context
        insert = try context.db.prepare(
            """
            INSERT INTO companies (name, kind, status, country_code, founded_on, homepage_url, description, categories, source_id)
            VALUES (:name, :kind, :status, :country_code, :founded_on, :homepage_url, :description, :categories, :source_id)
            """, persistent: true)
        let assignments = Self.filled.map { "\($0) = coalesce(\($0), :\($0))" }.joined(separator: ", ")
        let changes = Self.filled.map { "(\($0) IS NULL AND :\($0) IS NOT NULL)" }.joined(separator: " OR ")
        fill = try context.db.prepare(
            "UPDATE companies SET \(assignments) WHERE id = :id AND (\(changes))", persistent: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        guard let uuid = row.bytes("uuid"), !uuid.isEmpty else {
            row.problem("uuid", "missing value (this column is required)")
            return .rejected
        }
        guard let name = row.requiredString("name") else { return .rejected }
        var values: [String: Value] = [:]
        if let code = row.string("country_code") {
            if code.count == 3 && code.allSatisfy({ $0.isASCII && $0.isLetter }) {
                values["country_code"] = .text(code.uppercased())
            } else {
                row.problem("country_code", "\"\(code)\" is not an ISO 3166 alpha-3 country code")
            }
        }
        if case .text(let date) = row.date("founded_on") { values["founded_on"] = .text(date) }
        if let url = row.string("homepage_url") { values["homepage_url"] = .text(url) }
        if let description = row.string("short_description") { values["description"] = .text(description) }
        if let categories = row.string("category_list") { values["categories"] = .text(categories) }
        if row.rejected { return .rejected }

        if let company = try context.companies.resolve(scheme: "crunchbase", externalID: uuid, orName: name) {
            fill.reset()
            try fill.bind(.integer(company), named: "id")
            for column in Self.filled { try fill.bind(values[column] ?? .null, named: column) }
            try fill.run()
            let filled = context.db.changes > 0
            let linked = try context.companies.link(scheme: "crunchbase", externalID: uuid, to: company)
            return filled || linked ? .updated : .unchanged
        }
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
        insert.reset()
        try insert.bind(.text(name), named: "name")
        try insert.bind(.text(kind), named: "kind")
        try insert.bind(.text(status), named: "status")
        for column in Self.filled { try insert.bind(values[column] ?? .null, named: column) }
        try insert.bind(try context.source(for: row).map { .text($0) } ?? .null, named: "source_id")
        try insert.run()
        _ = try context.companies.link(scheme: "crunchbase", externalID: uuid, to: context.db.lastInsertRowID)
        return .inserted
    }
}

/// Crunchbase `funding_rounds.csv`, keyed by the round's uuid.
final class CrunchbaseRoundsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert

    init(context: ImportContext, header: Header) throws {
        self.context = context
        upsert = try Upsert(
            db: context.db, table: "funding_rounds",
            columns: [
                "external_id", "company_id", "round_type", "round_label", "announced_on", "amount", "currency", "amount_usd",
                "post_money_valuation_usd", "source_id",
            ],
            conflicts: [("(external_id)", nil)], keyColumns: ["external_id"], classification: .rowid)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        guard let uuid = row.bytes("uuid"), !uuid.isEmpty else {
            row.problem("uuid", "missing value (this column is required)")
            return .rejected
        }
        let company = try organization(row)
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
        guard !row.rejected, let company, let type, let source else { return .rejected }
        try upsert.bind("external_id", String(decoding: uuid, as: UTF8.self))  // trimmed, as looked up
        try upsert.bind("company_id", company)
        try upsert.bind("round_type", type)
        try upsert.bind("round_label", row.text("name"), reader: reader)
        try upsert.bind("announced_on", date, reader: reader)
        let amount = raised?.value
        try upsert.bind("amount", amount)
        try upsert.bind("currency", amount == nil ? nil : (currency ?? raised?.currency ?? "USD"))
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

    init(context: ImportContext, header: Header) throws {
        self.context = context
        upsert = try Upsert(
            db: context.db, table: "round_investors", columns: ["round_id", "investor_id", "is_lead", "source_id"],
            conflicts: [("(round_id, investor_id)", nil)], keyColumns: ["round_id", "investor_id"],
            classification: .insertFirst)
        roundByExternalID = try context.db.prepare("SELECT id FROM funding_rounds WHERE external_id = ?", persistent: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let round = try self.round(row)
        let investor = try self.investor(row)
        let lead = row.boolean("is_lead_investor")
        let source = try context.source(for: row)
        guard !row.rejected, let round, let investor, let source else { return .rejected }
        try upsert.bind("round_id", round)
        try upsert.bind("investor_id", investor)
        try upsert.bind("is_lead", lead == .yes ? 1 : 0)
        try upsert.bind("source_id", source)
        return try upsert.run()
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
