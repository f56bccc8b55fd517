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
        var currency = currencyColumn.flatMap { row.currencyCode($0) }
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
