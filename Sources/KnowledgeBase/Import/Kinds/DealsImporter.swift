import SQLite

/// `supply_deals` rows, keyed by `deal_id` (stored as external_id) or by
/// supplier + customer + kind + announced_on. `overlaps` names the deal_id of the
/// deal this one repeats (reports do not add it up twice); it may be further down
/// the file.
final class DealsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert
    private let dealByExternalID: Statement
    private let setOverlap: Statement
    private var pending: [PendingReference] = []

    init(context: ImportContext, header: Header) throws {
        self.context = context
        // external_id always: a row without a deal_id may still be a deal that has one.
        var columns = ["supplier_id", "customer_id", "kind", "source_id", "external_id"]
        for column in ["deal_label", "gpu_model", "gpu_count", "power_mw", "term_months", "announced_on", "terms", "status", "notes"]
        where header.has(column) {
            columns.append(column)
        }
        if header.has("value_usd") || header.has("value_status") || header.has("value_min_usd") || header.has("value_max_usd") {
            columns += ["value_usd", "value_status", "value_min_usd", "value_max_usd"]
        }
        if header.has("overlaps") { columns.append("overlaps_deal_id") }
        upsert = try Upsert(
            db: context.db, table: "supply_deals", columns: columns,
            conflicts: [
                ("(external_id)", nil),
                ("(supplier_id, customer_id, kind, ifnull(announced_on, ''))", "external_id IS NULL"),
            ],
            keyColumns: ["external_id", "supplier_id", "customer_id", "kind", "announced_on"], classification: .rowid,
            run: context.run,
            naturalKey: Upsert.NaturalKey(idColumn: "external_id", columns: ["supplier_id", "customer_id", "kind", "announced_on"]))
        dealByExternalID = try context.db.prepare("SELECT id FROM supply_deals WHERE external_id = :deal_id", persistent: true)
        setOverlap = try context.db.prepare(
            "UPDATE supply_deals SET overlaps_deal_id = :overlaps WHERE id = :id AND overlaps_deal_id IS NOT :overlaps",
            persistent: true)
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
        let dealID = row.string("deal_id")
        let overlaps = row.string("overlaps")
        var overlapped: Int64?
        if let overlaps {
            if dealID == nil { row.problem("overlaps", "a deal that overlaps another needs its own deal_id") }
            if overlaps == dealID { row.problem("overlaps", "a deal cannot overlap itself") }
            overlapped = try deal(overlaps)
        }
        guard !row.rejected, let supplier, let customer, let kind, let source else { return .rejected }

        try upsert.bind("supplier_id", supplier)
        try upsert.bind("customer_id", customer)
        try upsert.bind("kind", kind)
        try upsert.bind("source_id", source)
        try upsert.bind("external_id", dealID)
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
        try upsert.bind("overlaps_deal_id", overlapped)
        switch try upsert.runMatchingNaturalKey() {
        case .done(let outcome):
            if let overlaps, overlapped == nil, let dealID, let id = try deal(dealID) {
                // Named ahead: settled at the end of the file.
                let (line, column) = row.position(of: "overlaps")
                pending.append(PendingReference(row: id, target: overlaps, line: line, column: column, columnName: "overlaps"))
            }
            return outcome
        case .ambiguous(let ids):
            row.problem(
                "supplier", "this deal has no deal_id and matches \(ids.count) deals that have one (\(ids.joined(separator: ", "))); give its deal_id")
            return .rejected
        }
    }

    private func deal(_ externalID: String) throws -> Int64? {
        try dealByExternalID.firstRow(binding: ["deal_id": .text(externalID)]) { $0.int64(at: 0) }
    }

    func finish(_ row: RowReader) throws {
        for reference in pending {
            guard let overlapped = try deal(reference.target) else {
                row.problem(
                    at: (reference.line, reference.column), column: reference.columnName,
                    "unknown deal \"\(reference.target)\" (no deal has this deal_id, in this file or before)")
                continue
            }
            try setOverlap.execute(binding: ["overlaps": .integer(overlapped), "id": .integer(reference.row)])
        }
        pending = []
    }
}
