/// `funding_rounds` rows, keyed by `round_id` (stored as external_id) or by
/// company + round_type + announced_on.
final class RoundsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert
    private let header: Header

    init(context: ImportContext, header: Header) throws {
        self.context = context
        self.header = header
        var columns = ["company_id", "round_type", "source_id"]
        if header.has("round_id") { columns.append("external_id") }
        for column in ["round_label", "announced_on", "notes", "post_money_valuation_usd", "valuation_status"] where header.has(column) {
            columns.append(column)
        }
        if header.has("amount") || header.has("amount_usd") {
            columns += ["amount", "currency", "amount_usd", "amount_status", "amount_min_usd", "amount_max_usd"]
        } else {
            for column in ["amount_status", "amount_min_usd", "amount_max_usd"] where header.has(column) { columns.append(column) }
        }
        if header.has("post_money_valuation_usd") && !columns.contains("valuation_status") { columns.append("valuation_status") }
        upsert = try Upsert(
            db: context.db, table: "funding_rounds", columns: columns,
            conflicts: [
                ("(external_id)", nil),
                ("(company_id, round_type, ifnull(announced_on, ''))", "external_id IS NULL"),
            ],
            keyColumns: ["external_id", "company_id", "round_type", "announced_on"], classification: .rowid)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        let company = try context.company("company", in: row, createAs: "startup")
        let roundType = row.word("round_type", in: context.roundTypes, what: "round type", table: "round_types")
        if row.string("round_type") == nil { row.problem("round_type", "missing value (this column is required)") }
        let source = try context.source(for: row)
        let money = MoneyColumns.read(
            row, amount: "amount", currency: "currency", usd: "amount_usd", status: "amount_status",
            minimum: "amount_min_usd", maximum: "amount_max_usd", rates: context.options.rates)
        let valuation = row.dollars("post_money_valuation_usd")
        let valuationStatus = row.word("valuation_status", in: Vocabulary.amountStatuses, what: "valuation status")
        let announced = row.date("announced_on")
        guard !row.rejected, let company, let roundType, let source else { return .rejected }

        try upsert.bind("company_id", company)
        try upsert.bind("round_type", roundType)
        try upsert.bind("source_id", source)
        try upsert.bind("external_id", row.string("round_id"))
        try upsert.bind("round_label", row.text("round_label"), reader: reader)
        try upsert.bind("announced_on", announced, reader: reader)
        try upsert.bind("notes", row.text("notes"), reader: reader)
        try money.bind(to: upsert, amount: "amount", currency: "currency", usd: "amount_usd", status: "amount_status",
                       minimum: "amount_min_usd", maximum: "amount_max_usd")
        try upsert.bind("post_money_valuation_usd", valuation?.value)
        try upsert.bind("valuation_status", valuationStatus ?? valuation?.status)
        if row.rejected { return .rejected }
        return try upsert.run()
    }
}

/// An amount in its own currency plus its value in US dollars, read from a row's
/// amount, currency, *_usd, status and min/max columns, with the rules of
/// docs/import-formats.md: the USD value comes from the file or a given rate, never a guess.
struct MoneyColumns {
    var amount: Int64?
    var currency: String?
    var usd: Int64?
    var status: String?
    var minimum: Int64?
    var maximum: Int64?

    static func read(
        _ row: RowReader, amount amountColumn: String?, currency currencyColumn: String?, usd usdColumn: String,
        status statusColumn: String, minimum minimumColumn: String, maximum maximumColumn: String,
        rates: [String: Double]
    ) -> MoneyColumns {
        var money = MoneyColumns()
        let original = amountColumn.flatMap { row.amount($0) }
        var currency = currencyColumn.flatMap { row.string($0) }?.uppercased()
        if let code = currency, code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            row.problem(currencyColumn!, "\"\(code)\" is not a currency code (expected ISO 4217, e.g. USD, EUR, GBP)")
            currency = nil
        }
        if let symbol = original?.currency {
            if let code = currency, code != symbol {
                row.problem(amountColumn!, "the amount is in \(symbol) but the currency column says \(code)")
            }
            currency = symbol
        }
        let usd = row.dollars(usdColumn)
        if let original {
            let code = currency ?? "USD"
            money.amount = original.value
            money.currency = code
            money.status = original.status
            // Dollars from the amount itself only when it is in dollars or a rate was given.
            if let rate = code == "USD" ? 1.0 : rates[code] {
                func convert(_ value: Int64?) -> Int64? {
                    value.map { rate == 1 ? $0 : Int64((Double($0) * rate).rounded()) }
                }
                money.usd = convert(original.value)
                money.minimum = convert(original.minimum)
                money.maximum = convert(original.maximum)
            }
        }
        if let usd {
            money.usd = usd.value
            money.minimum = usd.minimum ?? money.minimum
            money.maximum = usd.maximum ?? money.maximum
            money.status = usd.status ?? money.status
        }
        if let minimum = row.dollars(minimumColumn) { money.minimum = minimum.value }
        if let maximum = row.dollars(maximumColumn) { money.maximum = maximum.value }
        if let stated = row.word(statusColumn, in: Vocabulary.amountStatuses, what: "amount status") { money.status = stated }
        if let low = money.minimum, let high = money.maximum, low > high {
            row.problem(minimumColumn, "the minimum (\(low)) is above the maximum (\(high))")
        }
        return money
    }

    func bind(
        to upsert: Upsert, amount: String, currency: String, usd: String, status: String, minimum: String, maximum: String
    ) throws {
        try upsert.bind(amount, self.amount)
        try upsert.bind(currency, self.currency)
        try upsert.bind(usd, self.usd)
        try upsert.bind(status, self.status)
        try upsert.bind(minimum, self.minimum)
        try upsert.bind(maximum, self.maximum)
    }
}
