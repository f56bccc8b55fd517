/// `funding_rounds` rows, keyed by `round_id` (stored as external_id) or by
/// company + round_type + announced_on.
final class RoundsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert
    private let header: Header

    init(context: ImportContext, header: Header) throws {
        self.context = context
        self.header = header
        // external_id always: a row without a round_id may still be a round that has one.
        var columns = ["company_id", "round_type", "source_id", "external_id"]
        for column in ["round_label", "announced_on", "notes", "post_money_valuation_usd", "valuation_status", "status", "confidence"]
        where header.has(column) {
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
            keyColumns: ["external_id", "company_id", "round_type", "announced_on"], classification: .rowid,
            run: context.run,
            naturalKey: Upsert.NaturalKey(idColumn: "external_id", columns: ["company_id", "round_type", "announced_on"]),
            // A second source that disputes the amount (Epoch AI's, see round_sources) keeps
            // it disputed when this file is imported again, rather than undone and redone.
            kept: [
                "amount_status":
                    "funding_rounds.amount_status = 'disputed' AND EXISTS (SELECT 1 FROM round_sources s WHERE s.round_id = funding_rounds.id AND s.role = 'disputes')"
            ])
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        let company = try context.company("company", in: row, createAs: "startup")
        let roundType = row.requiredWord("round_type", in: context.roundTypes, what: "round type", table: "round_types")
        let source = try context.source(for: row)
        let money = MoneyColumns.read(
            row, amount: "amount", currency: "currency", usd: "amount_usd", status: "amount_status",
            minimum: "amount_min_usd", maximum: "amount_max_usd", rates: context.options.rates)
        let valuation = row.dollars("post_money_valuation_usd")
        let valuationStatus = row.word("valuation_status", in: Vocabulary.amountStatuses, what: "valuation status")
        let announced = row.date("announced_on")
        let status = row.word("status", in: Vocabulary.roundStatuses, what: "round status")
        let confidence = row.word("confidence", in: Vocabulary.confidences, what: "confidence")
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
        try upsert.bind("status", status)
        try upsert.bind("confidence", confidence)
        if row.rejected { return .rejected }
        switch try upsert.runMatchingNaturalKey() {
        case .done(let outcome):
            return outcome
        case .ambiguous(let ids):
            row.problem(
                "company", "this round has no round_id and matches \(ids.count) rounds that have one (\(ids.joined(separator: ", "))); give its round_id")
            return .rejected
        }
    }
}
