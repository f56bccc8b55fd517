import SQLite

/// Epoch AI's `gpu_clusters.csv`, as Epoch publishes it.
///
/// Epoch's rows have no ids and names repeat (257 of 786 rows are "Anonymized
/// Chinese System"), so a cluster is its name plus, among the clusters of that
/// name, which one (`occurrence`). Rows are matched to stored clusters once the whole
/// file is read, name by name: first a stored cluster with exactly the row's values
/// (a re-import changes nothing, whatever the order of rows or columns), then the
/// stored cluster with the most equal values (a revised figure updates its row in
/// place); rows left over are new clusters, and stored clusters the file no longer
/// has are kept.
///
/// Owners become companies when new (`Meta AI` is Meta through an alias); users are
/// linked only to companies that exist; GPU suppliers likewise become companies,
/// except placeholders (Anonymized, Unknown). "Builds upon" and "Superseded by" name
/// other clusters, linked where the name names exactly one.
final class EpochClustersImporter: RowImporter {
    static let statuses = ["existing": "existing", "planned": "planned", "decommissioned": "decommissioned"]
    static let certainties = ["confirmed": "confirmed", "likely": "likely", "unlikely": "unlikely"]
    static let answers = ["yes": "yes", "no": "no", "unclear": "unclear"]
    static let sectors = ["private": "private", "public": "public", "public/private": "public_private", "public_private": "public_private"]

    /// The columns read straight into gpu_clusters.
    static let fields: [EpochField] = [
        EpochField("Status", "status", .word(statuses)),
        EpochField("Certainty", "certainty", .word(certainties)),
        EpochField("Single cluster?", "single_cluster", .word(answers)),
        EpochField("Sector", "sector", .word(sectors)),
        EpochField("Country", "country"),
        EpochField("Location", "location"),
        EpochField("H100 equivalents", "h100_equivalents", .number),
        EpochField("Max OP/s", "max_ops", .number),
        EpochField("8-bit OP/s", "ops_8bit", .number),
        EpochField("16-bit OP/s", "ops_16bit", .number),
        EpochField("32-bit OP/s", "ops_32bit", .number),
        EpochField("Chip type (primary)", "primary_chip_type"),
        EpochField("Chip quantity (primary)", "primary_chip_count", .count(minimum: 0)),
        EpochField("Chip type (secondary)", "secondary_chip_type"),
        EpochField("Chip quantity (secondary)", "secondary_chip_count", .count(minimum: 0)),
        EpochField("Total number of AI chips", "total_chips", .count(minimum: 0)),
        EpochField("Power Capacity (MW)", "power_mw", .number),
        EpochField("Calculated Power Capacity (MW)", "calculated_power_mw", .number),
        EpochField("Reported Power Capacity (MW)", "reported_power_mw", .number),
        EpochField("Hardware Cost", "hardware_cost_usd", .dollars(scale: 1)),
        EpochField("Calculated Cost", "calculated_cost_usd", .dollars(scale: 1)),
        EpochField("Reported Cost", "reported_cost_usd", .dollars(scale: 1)),
        EpochField("Reported Cost (Inflation adjusted)", "reported_cost_adjusted_usd", .dollars(scale: 1)),
        EpochField("Energy Efficiency", "energy_efficiency", .number),
        EpochField("Decommissioned Date (if applicable)", "decommissioned_on", .date),
        EpochField("Builds Upon", "builds_upon"),
        EpochField("Superseded by", "superseded_by"),
        EpochField("Possible Duplicate", "possible_duplicate", .flag),
        EpochField("Possible Duplicate Of", "possible_duplicate_of"),
        EpochField("Include in Standard Analysis", "in_standard_analysis", .flag),
        EpochField("Exclude", "excluded", .flag),
        EpochField("Noteworthy", "noteworthy", .flag),
        EpochField("Rank when first operational", "rank_when_first_operational", .count(minimum: 1)),
        EpochField("Largest existing cluster when first operational", "largest_when_first_operational"),
        EpochField("% of largest cluster when first operational", "share_of_largest", .number),
        EpochField("Note", "note"),
        EpochField("Hardware note", "hardware_note"),
        EpochField("Quote", "quote"),
        EpochField("Certainty Note", "certainty_note"),
        EpochField("Cost Quote", "cost_quote"),
    ]
    /// Columns read with more than one table column each.
    static let otherColumns = [
        "Name", "Owner", "Users", "GPU Supplier (primary)", "GPU supplier (secondary)", "First Operational Date",
        "First Operational Date Note",
    ]

    /// One row of the file, read and checked, written at the end.
    private struct Record {
        let name: String
        /// Aligned with `columns`.
        var values: [Value]
        var owners: [EpochParties.Party]?
        var userNames: [String]?
        var usersPosition: (line: Int, column: Int)
        var urls: [(position: Int, url: String)]?
        var rejected = false
        var id: Int64?
        var inserted = false
        var changed = false
    }

    private let context: ImportContext
    private let header: Header
    private let names: EpochNames
    private let source: String
    private let present: [EpochField]
    /// The gpu_clusters columns this file sets (source_id last).
    private let columns: [String]
    private let sourceColumns: [(position: Int, name: String)]
    private let parties: EpochParties
    private let urls: EpochURLs
    private var records: [Record] = []
    private var outcomes: [RowOutcome] = []

    init(context: ImportContext, header: Header) throws {
        self.context = context
        self.header = header
        source = try EpochDataset.gpuClusters.source(in: context)
        names = try EpochNames(context: context, source: source)
        present = Self.fields.filter { header.has($0.header) }
        var columns = present.map(\.column)
        if header.has("Owner") { columns.append("owners") }
        if header.has("Users") { columns.append("users") }
        if header.has("GPU Supplier (primary)") { columns += ["primary_supplier", "primary_supplier_id"] }
        if header.has("GPU supplier (secondary)") { columns += ["secondary_supplier", "secondary_supplier_id"] }
        if header.has("First Operational Date") || header.has("First Operational Date Note") {
            columns += ["first_operational_on", "first_operational_precision"]
        }
        if header.has("First Operational Date Note") { columns.append("first_operational_note") }
        columns.append("source_id")
        self.columns = columns
        sourceColumns = EpochColumns.sourceColumns(in: header)
        parties = try EpochParties(db: context.db, table: "gpu_cluster_parties", owner: "cluster_id", run: context.run, confidence: false)
        urls = try EpochURLs(db: context.db, table: "gpu_cluster_urls", owner: "cluster_id", run: context.run)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        guard let name = row.requiredString("Name") else { return .rejected }
        if row.string("Status") == nil { row.missing("Status") }
        var values: [Value] = present.map { $0.read(row) }
        if header.has("Owner") { values.append(row.string("Owner").map { .text($0) } ?? .null) }
        if header.has("Users") { values.append(row.string("Users").map { .text($0) } ?? .null) }
        for column in ["GPU Supplier (primary)", "GPU supplier (secondary)"] where header.has(column) {
            let written = row.string(column)
            values.append(written.map { .text($0) } ?? .null)
            let company = try written.flatMap { try names.company($0, column: column, policy: .create(kind: "other"), row: row) }
            values.append(company.map { .integer($0) } ?? .null)
        }
        if header.has("First Operational Date") || header.has("First Operational Date Note") {
            let note = row.string("First Operational Date Note")
            let (date, precision) = Self.firstOperational(date: row.date("First Operational Date"), note: note)
            values.append(date.map { .text($0) } ?? .null)
            values.append(precision.map { .text($0) } ?? .null)
            if header.has("First Operational Date Note") { values.append(note.map { .text($0) } ?? .null) }
        }
        values.append(.text(source))
        var owners: [EpochParties.Party]?
        if header.has("Owner") {
            owners = try EpochColumns.names(in: row.string("Owner")).map { owner in
                EpochParties.Party(name: owner, company: try names.company(owner, column: "Owner", policy: .create(kind: "other"), row: row))
            }
        }
        let record = Record(
            name: name, values: values, owners: owners,
            userNames: header.has("Users") ? EpochColumns.names(in: row.string("Users")) : nil,
            usersPosition: row.position(of: "Users"),
            urls: sourceColumns.isEmpty ? nil : EpochURLs.read(row, columns: sourceColumns))
        if row.rejected { return .rejected }
        records.append(record)
        return .deferred
    }

    var settledOutcomes: [RowOutcome] { outcomes }

    /// The first operational date and its precision: the date column's, else the date
    /// its note states; the precision its note states (`Planned H2 2026`: half, the
    /// date being the half's first month, 2026-07), else the date's own.
    static func firstOperational(date: Cell, note: String?) -> (String?, String?) {
        var stated: (date: String, precision: String)?
        if let note {
            var words = note.split(separator: " ").map(String.init)
            if let first = words.first?.lowercased(), ["planned", "rumored", "expected", "by"].contains(first) { words.removeFirst() }
            if words.count == 1, let date = isoDate(words[0]) {
                stated = (date, date.count == 4 ? "year" : date.count == 7 ? "month" : "day")
            } else if words.count == 2, words[1].count == 4, Int(words[1]) != nil {
                let period = words[0].uppercased()
                if let quarter = ["Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10][period] {
                    stated = (words[1] + "-" + (quarter < 10 ? "0" : "") + String(quarter), "quarter")
                } else if let half = ["H1": "01", "H2": "07"][period] {
                    stated = (words[1] + "-" + half, "half")
                }
            }
        }
        if case .text(let day) = date {
            return (day, stated?.precision ?? (day.count == 4 ? "year" : day.count == 7 ? "month" : "day"))
        }
        return (stated?.date, stated?.precision)
    }

    private static func isoDate(_ text: String) -> String? {
        ValueParsing.isoDate(text) ? text : nil
    }

    // MARK: Writing

    func finish(_ row: RowReader) throws {
        defer { names.flush() }
        // Users: after every owner and supplier of the file exists, so that a user
        // named before its own row as an owner is linked all the same.
        for index in records.indices {
            guard let users = records[index].userNames else { continue }
            var linked: [EpochParties.Party] = []
            for user in users {
                let company = try names.company(user, column: "Users", policy: .linkOnly, row: row, at: records[index].usersPosition)
                linked.append(EpochParties.Party(name: user, company: company))
            }
            usersByRecord[index] = linked
        }
        let stored = try loadStored()
        try match(stored)
        try write(stored)
        outcomes = records.map { $0.rejected ? .rejected : $0.inserted ? .inserted : $0.changed ? .updated : .unchanged }
        records = []
        usersByRecord = [:]
    }

    private var usersByRecord: [Int: [EpochParties.Party]] = [:]

    /// A stored cluster: its id, occurrence and the values of this file's columns.
    private struct Stored {
        let id: Int64
        let occurrence: Int64
        let values: [Value]
        let buildsUpon: Int64?
        let supersededBy: Int64?
    }

    private func loadStored() throws -> [String: [Stored]] {
        var stored: [String: [Stored]] = [:]
        let select = try context.db.prepare(
            "SELECT id, name, occurrence, builds_upon_id, superseded_by_id, \(columns.joined(separator: ", ")) FROM gpu_clusters ORDER BY id")
        try select.forEachRow { row in
            let values = (0..<columns.count).map { row.value(at: 5 + $0) }
            stored[row.string(at: 1), default: []].append(
                Stored(
                    id: row.int64(at: 0), occurrence: row.int64(at: 2), values: values, buildsUpon: row.optionalInt64(at: 3),
                    supersededBy: row.optionalInt64(at: 4)))
        }
        return stored
    }

    /// Pairs each record with a stored cluster of its name (see the type's documentation).
    private func match(_ stored: [String: [Stored]]) throws {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, record) in records.enumerated() {
            if groups[record.name] == nil { order.append(record.name) }
            groups[record.name, default: []].append(index)
        }
        for name in order {
            let members = groups[name]!
            let candidates = stored[name] ?? []
            var free = Set(candidates.indices)
            var unmatched: [Int] = []
            // Exactly the same values.
            var byValues: [[Value]: [Int]] = [:]
            for (position, candidate) in candidates.enumerated() { byValues[candidate.values, default: []].append(position) }
            for member in members {
                if var same = byValues[records[member].values], let position = same.first {
                    same.removeFirst()
                    byValues[records[member].values] = same
                    free.remove(position)
                    records[member].id = candidates[position].id
                } else {
                    unmatched.append(member)
                }
            }
            // The most equal values, the best pairs first.
            var pairs: [(score: Int, member: Int, position: Int)] = []
            for member in unmatched {
                for position in free {
                    let score = zip(records[member].values, candidates[position].values).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
                    pairs.append((score, member, position))
                }
            }
            pairs.sort { ($0.score, -$0.member, -$0.position) > ($1.score, -$1.member, -$1.position) }
            var taken = Set<Int>()
            for pair in pairs where records[pair.member].id == nil && !taken.contains(pair.position) {
                records[pair.member].id = candidates[pair.position].id
                taken.insert(pair.position)
            }
        }
    }

    private func write(_ stored: [String: [Stored]]) throws {
        let db = context.db
        let insert = try db.prepare(
            """
            INSERT INTO gpu_clusters (name, occurrence, \(columns.joined(separator: ", ")), created_run)
            VALUES (:name, :occurrence, \(columns.map { ":" + $0 }.joined(separator: ", ")), \(context.run))
            """)
        let linksSet = header.has("Builds Upon") || header.has("Superseded by")
        let linkColumns = (header.has("Builds Upon") ? ["builds_upon_id"] : []) + (header.has("Superseded by") ? ["superseded_by_id"] : [])
        let updated = columns + linkColumns
        let update = try db.prepare(
            """
            UPDATE gpu_clusters SET \(updated.map { "\($0) = :\($0)" }.joined(separator: ", "))
            WHERE id = :id AND (\(updated.map { "\($0) IS NOT :\($0)" }.joined(separator: " OR ")))
            """)
        let setLinks = linksSet
            ? try db.prepare(
                """
                UPDATE gpu_clusters SET \(linkColumns.map { "\($0) = :\($0)" }.joined(separator: ", "))
                WHERE id = :id AND (\(linkColumns.map { "\($0) IS NOT :\($0)" }.joined(separator: " OR ")))
                """) : nil
        func bindings(_ record: Record) -> [String: Value] {
            Dictionary(uniqueKeysWithValues: zip(columns, record.values))
        }
        // New clusters first, so that links may name them.
        var nextOccurrence: [String: Int64] = [:]
        for (name, clusters) in stored { nextOccurrence[name] = (clusters.map(\.occurrence).max() ?? 0) + 1 }
        var idsByName: [String: [Int64]] = stored.mapValues { $0.map(\.id) }
        for index in records.indices where records[index].id == nil && !records[index].rejected {
            let name = records[index].name
            let occurrence = nextOccurrence[name] ?? 1
            nextOccurrence[name] = occurrence + 1
            var values = bindings(records[index])
            values["name"] = .text(name)
            values["occurrence"] = .integer(occurrence)
            try insert.execute(binding: values)
            records[index].id = db.lastInsertRowID
            records[index].inserted = true
            idsByName[name, default: []].append(db.lastInsertRowID)
        }
        var unresolved: [String: String] = [:]
        func cluster(named text: Value, from id: Int64) -> Value {
            guard case .text(let name) = text else { return .null }
            let ids = idsByName[name] ?? idsByName["\"" + name + "\""] ?? []
            guard ids.count == 1, ids[0] != id else {
                unresolved[name] = ids.isEmpty ? "names no cluster" : ids[0] == id && ids.count == 1 ? "names the cluster itself" : "names \(ids.count) clusters"
                return .null
            }
            return .integer(ids[0])
        }
        func links(_ record: Record, id: Int64) -> [String: Value] {
            var values: [String: Value] = [:]
            for (column, target) in [("builds_upon_id", "builds_upon"), ("superseded_by_id", "superseded_by")]
            where linkColumns.contains(column) {
                values[column] = cluster(named: record.values[columns.firstIndex(of: target)!], from: id)
            }
            return values
        }
        for index in records.indices where !records[index].rejected {
            let record = records[index]
            let id = record.id!
            if record.inserted {
                if let setLinks { try setLinks.execute(binding: links(record, id: id).merging(["id": .integer(id)]) { $1 }) }
            } else {
                var values = bindings(record).merging(links(record, id: id)) { $1 }
                values["id"] = .integer(id)
                try update.execute(binding: values)
                if db.changes > 0 { records[index].changed = true }
            }
            if let owners = record.owners, try parties.replace(owner: id, role: "owner", with: owners, source: source) {
                records[index].changed = true
            }
            if let users = usersByRecord[index], try parties.replace(owner: id, role: "user", with: users, source: source) {
                records[index].changed = true
            }
            if let list = record.urls, try urls.replace(owner: id, with: list) { records[index].changed = true }
        }
        for (name, why) in unresolved.sorted(by: { $0.key < $1.key }) {
            context.notice("a link to \"\(name)\" (Builds Upon or Superseded by) \(why); kept as text only")
        }
    }
}
