import SQLite

/// Epoch AI's `data_centers.csv`: frontier data centers, keyed by Epoch's Handle,
/// with the companies around each by role. Names carry Epoch's confidence tag
/// (`Amazon #confident`), kept per name. Owners, investors, construction and energy
/// companies become companies when new; users are linked only to companies that
/// exist (after the whole file, so that order does not matter).
final class EpochDataCentersImporter: RowImporter {
    static let fields: [EpochField] = [
        EpochField("Title", "title"),
        EpochField("Project", "project"),
        EpochField("Address", "address"),
        EpochField("Latitude", "latitude"),
        EpochField("Longitude", "longitude"),
        EpochField("Current H100 equivalents", "h100_equivalents", .number),
        EpochField("Current power (MW)", "power_mw", .number),
        EpochField("Current total capital cost (2025 USD billions)", "capital_cost_usd", .dollars(scale: 1e9)),
    ]
    /// The party columns: Epoch's column, the cell's table column, the role.
    static let partyColumns: [(header: String, column: String, role: String)] = [
        ("Owner", "owners", "owner"), ("Users", "users", "user"), ("Investors", "investors", "investor"),
        ("Construction companies", "construction_companies", "construction"), ("Energy companies", "energy_companies", "energy"),
    ]
    static let confidences: Set<String> = ["confident", "likely", "speculative"]

    private let context: ImportContext
    private let header: Header
    private let names: EpochNames
    private let source: String
    private let present: [EpochField]
    private let roles: [(header: String, column: String, role: String)]
    private let upsert: Upsert
    private let idOf: Statement
    private let parties: EpochParties
    /// Per data center of the file: its id, outcome so far, and its users to link at the end.
    private var pending: [(id: Int64, outcome: RowOutcome, users: [(String, String?)]?, position: (line: Int, column: Int))] = []
    private var outcomes: [RowOutcome] = []

    init(context: ImportContext, header: Header) throws {
        self.context = context
        self.header = header
        source = try EpochDataset.dataCenters.source(in: context)
        names = try EpochNames(context: context, source: source)
        present = Self.fields.filter { header.has($0.header) }
        roles = Self.partyColumns.filter { header.has($0.header) }
        var columns = ["handle", "source_id"] + present.map(\.column) + roles.map(\.column)
        if header.has("Latitude") { columns.append("latitude_deg") }
        if header.has("Longitude") { columns.append("longitude_deg") }
        upsert = try Upsert(
            db: context.db, table: "data_centers", columns: columns, conflicts: [("(handle)", nil)], keyColumns: ["handle"],
            classification: .rowid, run: context.run)
        idOf = try context.db.prepare("SELECT id FROM data_centers WHERE handle = :handle", persistent: true)
        parties = try EpochParties(db: context.db, table: "data_center_parties", owner: "data_center_id", run: context.run, confidence: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        guard let handle = row.requiredString("Handle") else { return .rejected }
        let values = present.map { $0.read(row) }
        let latitude = Self.degrees(row, "Latitude", hemispheres: ("N", "S"), limit: 90)
        let longitude = Self.degrees(row, "Longitude", hemispheres: ("E", "W"), limit: 180)
        var named: [(role: String, parties: [EpochParties.Party])] = []
        var users: [(String, String?)]?
        for role in roles {
            let tagged = try Self.tagged(EpochColumns.names(in: row.string(role.header)), row: row, column: role.header)
            if role.role == "user" {
                users = tagged
                continue
            }
            var list: [EpochParties.Party] = []
            for (name, confidence) in tagged {
                let company = try names.company(name, column: role.header, policy: .create(kind: "other"), row: row)
                list.append(EpochParties.Party(name: name, company: company, confidence: confidence))
            }
            named.append((role.role, list))
        }
        if row.rejected { return .rejected }
        try upsert.bind("handle", handle)
        try upsert.bind("source_id", source)
        for (field, value) in zip(present, values) { try upsert.bind(field.column, value) }
        for role in roles { try upsert.bind(role.column, row.string(role.header)) }
        try upsert.bind("latitude_deg", latitude)
        try upsert.bind("longitude_deg", longitude)
        var outcome = try upsert.run()
        guard let id = try idOf.firstRow(binding: ["handle": .text(handle)], { $0.int64(at: 0) }) else { return .rejected }
        for (role, list) in named where try parties.replace(owner: id, role: role, with: list, source: source) {
            if outcome == .unchanged { outcome = .updated }
        }
        pending.append((id, outcome, users, row.position(of: "Users")))
        return .deferred
    }

    var settledOutcomes: [RowOutcome] { outcomes }

    func finish(_ row: RowReader) throws {
        defer { names.flush() }
        for entry in pending {
            var outcome = entry.outcome
            if let users = entry.users {
                var list: [EpochParties.Party] = []
                for (name, confidence) in users {
                    let company = try names.company(name, column: "Users", policy: .linkOnly, row: row, at: entry.position)
                    list.append(EpochParties.Party(name: name, company: company, confidence: confidence))
                }
                if try parties.replace(owner: entry.id, role: "user", with: list, source: source), outcome == .unchanged {
                    outcome = .updated
                }
            }
            outcomes.append(outcome)
        }
        pending = []
    }

    /// Names with Epoch's confidence tag taken off: `Amazon #confident` → (Amazon, confident).
    static func tagged(_ names: [String], row: RowReader, column: String) throws -> [(String, String?)] {
        names.map { written in
            guard let hash = written.lastIndex(of: "#") else { return (written, nil) }
            let tag = written[written.index(after: hash)...].lowercased()
            let name = String(written[..<hash].trimmingSpaces())
            guard confidences.contains(tag), !name.isEmpty else {
                row.problem(column, "\"\(written)\": unknown tag #\(tag) (expected #confident, #likely or #speculative)")
                return (written, nil)
            }
            return (name, tag)
        }
    }

    /// Decimal degrees from `32°35'25"N` (degrees, minutes, seconds, hemisphere) or a
    /// plain number; nil when the column is blank or absent, a problem when unreadable.
    static func degrees(_ row: RowReader, _ column: String, hemispheres: (Character, Character), limit: Double) -> Double? {
        guard let text = row.string(column) else { return nil }
        if let plain = ValueParsing.decimal(Substring(text)), abs(plain) <= limit { return plain }
        var body = Substring(text.trimmingSpaces())
        var sign = 1.0
        if let last = body.last?.uppercased().first, last == hemispheres.0 || last == hemispheres.1 {
            sign = last == hemispheres.1 ? -1 : 1
            body = body.dropLast()
        }
        let parts = body.split(whereSeparator: { "°'\"′″ ".contains($0) })
        var value = 0.0
        var scale = 1.0
        for part in parts {
            guard let number = ValueParsing.decimal(part), scale >= 1.0 / 3600, number >= 0 else { value = .nan; break }
            value += number * scale
            scale /= 60
        }
        guard !parts.isEmpty, value.isFinite, value <= limit else {
            row.problem(column, "\"\(text)\" is not a coordinate (expected e.g. 32°35'25\"N or 32.59)")
            return nil
        }
        return sign * value
    }
}
