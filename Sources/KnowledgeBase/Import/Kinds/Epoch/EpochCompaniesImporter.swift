import SQLite

/// Epoch AI's `ai_companies.csv`: the companies of its rounds file. Each row is the
/// company its Name is (by `epoch:NAME` in company_external_ids, else by name or
/// alias; created when new), keeps what Epoch says of it in `epoch_companies`, and
/// gives the company its founding date where it had none (Epoch never overwrites
/// what the knowledge base holds).
final class EpochCompaniesImporter: RowImporter {
    static let columns = [
        "Name", "Organization (from Organizations)", "Company type", "Product Domain(s)", "Founding date", "Founding source/notes",
    ]
    /// Epoch's key of a company, as an id in company_external_ids (`epoch:OpenAI`).
    static let scheme = "epoch"

    private let context: ImportContext
    private let names: EpochNames
    private let source: String
    private let upsert: Upsert
    private let fillFounded: Statement
    private let setSector: Statement
    private let fields: [(header: String, column: String)] = [
        ("Organization (from Organizations)", "organization"), ("Company type", "company_type"),
        ("Product Domain(s)", "product_domains"), ("Founding source/notes", "founding_source"),
    ]
    private let present: [(header: String, column: String)]

    init(context: ImportContext, header: Header) throws {
        self.context = context
        source = try EpochDataset.aiCompanies.source(in: context)
        names = try EpochNames(context: context, source: source)
        present = fields.filter { header.has($0.header) }
        var columns = ["name", "company_id", "source_id"] + present.map(\.column)
        if header.has("Founding date") { columns.append("founded_on") }
        upsert = try Upsert(
            db: context.db, table: "epoch_companies", columns: columns, conflicts: [("(name)", nil)], keyColumns: ["name"],
            classification: .insertFirst, run: context.run)
        fillFounded = try context.db.prepare(
            "UPDATE companies SET founded_on = :founded_on WHERE id = :id AND founded_on IS NULL", persistent: true)
        setSector = try context.db.prepare(
            "UPDATE companies SET sector_id = 'large_models' WHERE id = :id AND sector_id IS NULL AND created_run = :run",
            persistent: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        guard let name = row.requiredString("Name") else { return .rejected }
        let founded = row.date("Founding date")
        var company = try context.companies.resolve(scheme: Self.scheme, externalID: name)
        if company == nil { company = try names.company(name, column: "Name", policy: .create(kind: "other"), row: row) }
        guard !row.rejected, let company else { return .rejected }
        var key = name
        var changed = try key.withUTF8 { try context.companies.link(scheme: Self.scheme, externalID: $0, to: company) }
        // Epoch's "Foundation" companies build foundation models: a company this
        // import created gets that sector (one it already knew keeps its own).
        if row.string("Company type")?.lowercased() == "foundation" {
            try setSector.execute(binding: ["id": .integer(company), "run": .integer(context.run)])
        }
        if case .text(let date) = founded {
            try fillFounded.execute(binding: ["founded_on": .text(date), "id": .integer(company)])
            changed = changed || context.db.changes > 0
        }
        try upsert.bind("name", name)
        try upsert.bind("company_id", company)
        try upsert.bind("source_id", source)
        for field in present { try upsert.bind(field.column, row.string(field.header)) }
        try upsert.bind("founded_on", founded, reader: row.reader)
        let outcome = try upsert.run()
        return outcome == .unchanged && changed ? .updated : outcome
    }

    func finish(_ row: RowReader) throws { names.flush() }
}
