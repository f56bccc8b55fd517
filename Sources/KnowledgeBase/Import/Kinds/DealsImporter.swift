/// `supply_deals` rows, keyed by `deal_id` (stored as external_id) or by
/// supplier + customer + kind + announced_on.
final class DealsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert

    init(context: ImportContext, header: Header) throws {
        self.context = context
        var columns = ["supplier_id", "customer_id", "kind", "source_id"]
        if header.has("deal_id") { columns.append("external_id") }
        for column in ["deal_label", "gpu_model", "gpu_count", "power_mw", "term_months", "announced_on", "terms", "status", "notes"]
        where header.has(column) {
            columns.append(column)
        }
        if header.has("value_usd") || header.has("value_status") || header.has("value_min_usd") || header.has("value_max_usd") {
            columns += ["value_usd", "value_status", "value_min_usd", "value_max_usd"]
        }
        upsert = try Upsert(
            db: context.db, table: "supply_deals", columns: columns,
            conflicts: [
                ("(external_id)", nil),
                ("(supplier_id, customer_id, kind, ifnull(announced_on, ''))", "external_id IS NULL"),
            ],
            keyColumns: ["external_id", "supplier_id", "customer_id", "kind", "announced_on"], classification: .rowid)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        let supplier = try context.company("supplier", in: row, createAs: "other")
        let customer = try context.company("customer", in: row, createAs: "other")
        let kind = row.requiredWord("kind", in: context.dealKinds, what: "deal kind", table: "deal_kinds")
        let source = try context.source(for: row)
        let money = MoneyColumns.read(
            row, amount: nil, currency: nil, usd: "value_usd", status: "value_status", minimum: "value_min_usd",
            maximum: "value_max_usd", rates: context.options.rates)
        let status = row.word("status", in: Vocabulary.dealStatuses, what: "deal status")
        if let supplier, supplier == customer { row.problem("customer", "the customer is the supplier") }
        let gpuCount = row.integer("gpu_count", minimum: 1)
        let power = row.real("power_mw", above: 0, atMost: 10_000_000, suffixes: ["MW": 1, "GW": 1000])
        let term = row.integer("term_months", minimum: 1)
        let announced = row.date("announced_on")
        guard !row.rejected, let supplier, let customer, let kind, let source else { return .rejected }
        try upsert.bind("supplier_id", supplier)
        try upsert.bind("customer_id", customer)
        try upsert.bind("kind", kind)
        try upsert.bind("source_id", source)
        try upsert.bind("external_id", row.string("deal_id"))
        for column in ["deal_label", "gpu_model", "terms", "notes"] {
            try upsert.bind(column, row.text(column), reader: reader)
        }
        try upsert.bind("gpu_count", gpuCount, reader: reader)
        try upsert.bind("power_mw", power, reader: reader)
        try upsert.bind("term_months", term, reader: reader)
        try upsert.bind("announced_on", announced, reader: reader)
        try upsert.bind("status", status)
        try upsert.bind("value_usd", money.usd)
        try upsert.bind("value_status", money.status)
        try upsert.bind("value_min_usd", money.minimum)
        try upsert.bind("value_max_usd", money.maximum)
        return try upsert.run()
    }
}
