/// `sources` rows, keyed by `source_id`.
final class SourcesImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert

    init(context: ImportContext, header: Header) throws {
        self.context = context
        let optional = ["publisher", "author", "url", "published_on", "language", "kind", "reliability", "notes"]
        let columns = ["id", "title"] + optional.filter(header.has)
        upsert = try Upsert(
            db: context.db, table: "sources", columns: columns, conflicts: [("(id)", nil)], keyColumns: ["id"],
            classification: .rowid, run: context.run)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        let id = row.requiredString("source_id")
        _ = row.requiredString("title")
        try upsert.bind("id", id)
        try upsert.bind("title", row.text("title"), reader: reader)
        for column in ["publisher", "author", "url", "notes"] {
            try upsert.bind(column, row.text(column), reader: reader)
        }
        try upsert.bind("published_on", row.date("published_on"), reader: reader)
        if let language = row.string("language") {
            if language.count < 2 || language.count > 12 || language.contains(" ") {
                row.problem("language", "\"\(language)\" is not a language tag (expected e.g. en, de, zh, pt-BR)")
            }
            try upsert.bind("language", language)
        } else {
            try upsert.bind("language", nil as String?)
        }
        try upsert.bind("kind", row.word("kind", in: Vocabulary.sourceKinds, what: "source kind"))
        try upsert.bind("reliability", row.word("reliability", in: Vocabulary.reliabilities, what: "reliability"))
        guard !row.rejected, let id else { return .rejected }
        let outcome = try upsert.run()
        context.sourceImported(id)
        return outcome
    }
}
