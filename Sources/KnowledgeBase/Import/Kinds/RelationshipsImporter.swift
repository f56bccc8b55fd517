/// `relationships` rows, keyed by from + to + kind + since.
final class RelationshipsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert

    init(context: ImportContext, header: Header) throws {
        self.context = context
        var columns = ["from_id", "to_id", "kind", "source_id"]
        for column in ["since", "until", "amount_usd", "note"] where header.has(column) { columns.append(column) }
        upsert = try Upsert(
            db: context.db, table: "relationships", columns: columns,
            conflicts: [("(from_id, to_id, kind, ifnull(since, ''))", nil)],
            keyColumns: ["from_id", "to_id", "kind", "since"], classification: .rowid, run: context.run)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        let from = try context.company("from", in: row, createAs: "other")
        let to = try context.company("to", in: row, createAs: "other")
        let kind = row.requiredWord("kind", in: context.relationshipKinds, what: "relationship kind", table: "relationship_kinds")
        let source = try context.source(for: row)
        let since = row.date("since")
        let until = row.date("until")
        if case .text(let start) = since, case .text(let end) = until, end < start {
            row.problem("until", "\(end) is before since (\(start))")
        }
        if let from, from == to { row.problem("to", "a company cannot be related to itself") }
        let amount = row.dollars("amount_usd")
        guard !row.rejected, let from, let to, let kind, let source else { return .rejected }
        try upsert.bind("from_id", from)
        try upsert.bind("to_id", to)
        try upsert.bind("kind", kind)
        try upsert.bind("source_id", source)
        try upsert.bind("since", since, reader: reader)
        try upsert.bind("until", until, reader: reader)
        try upsert.bind("amount_usd", amount?.value)
        try upsert.bind("note", row.text("note"), reader: reader)
        return try upsert.run()
    }
}
