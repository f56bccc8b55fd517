import SQLite

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

    /// The parameters of `insertNew`: its columns (company_id comes from the lookup)
    /// and the organization's uuid.
    private struct NewRound {
        let externalID, organizationUUID, roundType, roundLabel, announcedOn: Statement.Parameter
        let amount, currency, amountUSD, valuation, source: Statement.Parameter
        init(_ statement: Statement) throws {
            externalID = try statement.parameter("external_id")
            organizationUUID = try statement.parameter("org_uuid")
            roundType = try statement.parameter("round_type")
            roundLabel = try statement.parameter("round_label")
            announcedOn = try statement.parameter("announced_on")
            amount = try statement.parameter("amount")
            currency = try statement.parameter("currency")
            amountUSD = try statement.parameter("amount_usd")
            valuation = try statement.parameter("post_money_valuation_usd")
            source = try statement.parameter("source_id")
        }
    }
    private let newRound: NewRound

    init(context: ImportContext, header: Header) throws {
        self.context = context
        upsert = try Upsert(
            db: context.db, table: "funding_rounds", columns: Self.columns,
            conflicts: [("(external_id)", nil)], keyColumns: ["external_id"], classification: .rowid, run: context.run)
        // VALUES, not SELECT, as in CrunchbaseOrganizationsImporter: an unknown
        // organization leaves company_id NULL, and OR IGNORE skips the row.
        let company = "(SELECT company_id FROM company_external_ids WHERE scheme = 'crunchbase' AND external_id = :org_uuid)"
        let values = Self.columns.map { $0 == "company_id" ? company : ":" + $0 }.joined(separator: ", ")
        insertNew = try context.db.prepare(
            """
            INSERT OR IGNORE INTO funding_rounds (\(Self.columns.joined(separator: ", ")), created_run)
            VALUES (\(values), \(context.run))
            """, persistent: true)
        newRound = try NewRound(insertNew)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        guard let uuid = row.requiredBytes("uuid") else { return .rejected }
        let type = row.requiredWord("investment_type", in: context.roundTypes, what: "investment type", table: "round_types")
        let date = row.date("announced_on")
        let usd = row.dollars("raised_amount_usd")
        let raised = row.amount("raised_amount")
        let valuation = row.dollars("post_money_valuation_usd")
        let currency = row.currencyCode("raised_amount_currency_code")
        let source = try context.source(for: row)
        let amount = raised?.value
        let amountCurrency = amount == nil ? nil : (currency ?? raised?.currency ?? "USD")
        if !row.rejected, let type, let source, let organization = row.bytes("org_uuid"), !organization.isEmpty {
            let statement = insertNew, new = newRound
            try statement.bindNoCopy(utf8: uuid, to: new.externalID)
            try statement.bindNoCopy(utf8: organization, to: new.organizationUUID)
            try statement.bind(type, to: new.roundType)
            try statement.bind(row.text("name"), to: new.roundLabel, reader: reader)
            try statement.bind(date, to: new.announcedOn, reader: reader)
            try statement.bind(amount, to: new.amount)
            try statement.bind(amountCurrency, to: new.currency)
            try statement.bind(usd?.value, to: new.amountUSD)
            try statement.bind(valuation?.value, to: new.valuation)
            try statement.bind(source, to: new.source)
            try statement.execute()
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
