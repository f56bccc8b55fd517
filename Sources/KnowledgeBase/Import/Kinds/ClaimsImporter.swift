/// `claims` rows, keyed by `claim_id`.
final class ClaimsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert

    init(context: ImportContext, header: Header) throws {
        self.context = context
        var columns = ["id", "metric", "value", "value_text", "statement", "source_id"]
        for column in ["subject_id", "counterparty_id", "unit", "period_start", "period_end", "scope", "status", "notes"] {
            let csv = column == "subject_id" ? "subject" : column == "counterparty_id" ? "counterparty" : column
            if header.has(csv) || header.has(ImportContext.idColumn(for: csv)) { columns.append(column) }
        }
        upsert = try Upsert(
            db: context.db, table: "claims", columns: columns, conflicts: [("(id)", nil)], keyColumns: ["id"],
            classification: .rowid, run: context.run)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        let id = row.requiredString("claim_id")
        let metric = row.requiredString("metric")
        let value = row.requiredString("value")
        let statement = row.requiredString("statement")
        let subject = try context.company("subject", in: row, createAs: "other", required: false)
        let counterparty = try context.company("counterparty", in: row, createAs: "other", required: false)
        if let subject, subject == counterparty { row.problem("counterparty", "the counterparty is the subject") }
        let source = try context.source(for: row)
        let status = row.word("status", in: Vocabulary.claimStatuses, what: "claim status")
        let start = row.date("period_start")
        let end = row.date("period_end")
        if case .text(let from) = start, case .text(let to) = end, to < from {
            row.problem("period_end", "\(to) is before period_start (\(from))")
        }
        guard !row.rejected, let id, let metric, let value, let statement, let source else { return .rejected }
        try upsert.bind("id", id)
        try upsert.bind("metric", metric)
        try upsert.bind("value_text", value)
        // The number, when the stated value is one ("83", "9200000000", "2.5e9"); "2-3" stays text only.
        if let number = Double(value.filter { $0 != "," }), number.isFinite {
            try upsert.bind("value", .real(number), reader: reader)
        } else {
            try upsert.bind("value", .null, reader: reader)
        }
        try upsert.bind("statement", statement)
        try upsert.bind("source_id", source)
        try upsert.bind("subject_id", subject)
        try upsert.bind("counterparty_id", counterparty)
        for column in ["unit", "scope", "notes"] { try upsert.bind(column, row.text(column), reader: reader) }
        try upsert.bind("period_start", start, reader: reader)
        try upsert.bind("period_end", end, reader: reader)
        try upsert.bind("status", status)
        return try upsert.run()
    }
}
