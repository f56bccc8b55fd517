import SQLite

/// The names of one role of a row (a cluster's owners, a data center's investors),
/// in the order written, each with the company it names: replaced as a whole when
/// the file's cell changes, each position updated in place, so the history shows
/// exactly what changed.
final class EpochParties {
    struct Party: Equatable {
        let name: String
        let company: Int64?
        var confidence: String? = nil
    }

    private let db: Database
    private let existing: Statement
    private let upsert: Statement
    private let trim: Statement
    private let hasConfidence: Bool

    /// - Parameters: `table` has (`owner`, role, position, name, company_id[, confidence], source_id, created_run).
    init(db: Database, table: String, owner: String, run: Int64, confidence: Bool) throws {
        self.db = db
        hasConfidence = confidence
        existing = try db.prepare(
            "SELECT position, name, company_id\(confidence ? ", confidence" : ", NULL") FROM \(table) WHERE \(owner) = :owner AND role = :role ORDER BY position",
            persistent: true)
        let extra = confidence ? ", confidence" : ""
        let extraValue = confidence ? ", :confidence" : ""
        let extraSet = confidence ? ", confidence = excluded.confidence" : ""
        let extraDiffers = confidence ? " OR confidence IS NOT excluded.confidence" : ""
        upsert = try db.prepare(
            """
            INSERT INTO \(table) (\(owner), role, position, name, company_id\(extra), source_id, created_run)
            VALUES (:owner, :role, :position, :name, :company_id\(extraValue), :source_id, \(run))
            ON CONFLICT (\(owner), role, position) DO UPDATE SET
                name = excluded.name, company_id = excluded.company_id\(extraSet), source_id = excluded.source_id
            WHERE name IS NOT excluded.name OR company_id IS NOT excluded.company_id\(extraDiffers) OR source_id IS NOT excluded.source_id
            """, persistent: true)
        trim = try db.prepare("DELETE FROM \(table) WHERE \(owner) = :owner AND role = :role AND position > :count", persistent: true)
    }

    /// Makes the role's names these; true when anything changed.
    func replace(owner: Int64, role: String, with parties: [Party], source: String) throws -> Bool {
        var stored: [Party] = []
        var highestPosition: Int64 = 0
        try existing.forEachRow(binding: ["owner": .integer(owner), "role": .text(role)]) {
            highestPosition = max(highestPosition, $0.int64(at: 0))
            stored.append(Party(name: $0.string(at: 1), company: $0.optionalInt64(at: 2), confidence: $0.optionalString(at: 3)))
        }
        guard stored != parties else { return false }
        for (index, party) in parties.enumerated() {
            var values: [String: Value] = [
                "owner": .integer(owner), "role": .text(role), "position": .integer(Int64(index + 1)), "name": .text(party.name),
                "company_id": party.company.map { .integer($0) } ?? .null, "source_id": .text(source),
            ]
            if hasConfidence { values["confidence"] = party.confidence.map { .text($0) } ?? .null }
            try upsert.execute(binding: values)
        }
        // Only when there are names past the new last one: a DELETE of a range collects
        // its rows in an ephemeral table first, and this runs per row of the file.
        if highestPosition > parties.count {
            try trim.execute(binding: ["owner": .integer(owner), "role": .text(role), "count": .integer(Int64(parties.count))])
        }
        return true
    }
}

/// The source URLs of a row (Source 1 ... Source N), by position.
final class EpochURLs {
    private let existing: Statement
    private let upsert: Statement
    private let remove: Statement

    init(db: Database, table: String, owner: String, run: Int64) throws {
        existing = try db.prepare("SELECT position, url FROM \(table) WHERE \(owner) = :owner ORDER BY position", persistent: true)
        upsert = try db.prepare(
            """
            INSERT INTO \(table) (\(owner), position, url, created_run) VALUES (:owner, :position, :url, \(run))
            ON CONFLICT (\(owner), position) DO UPDATE SET url = excluded.url WHERE url IS NOT excluded.url
            """, persistent: true)
        remove = try db.prepare("DELETE FROM \(table) WHERE \(owner) = :owner AND position = :position", persistent: true)
    }

    /// Makes the row's URLs these (position → URL); true when anything changed.
    func replace(owner: Int64, with urls: [(position: Int, url: String)]) throws -> Bool {
        var stored: [Int: String] = [:]
        try existing.forEachRow(binding: ["owner": .integer(owner)]) { stored[Int($0.int64(at: 0))] = $0.string(at: 1) }
        var changed = false
        var wanted = Set<Int>()
        for (position, url) in urls {
            wanted.insert(position)
            if stored[position] == url { continue }
            try upsert.execute(binding: ["owner": .integer(owner), "position": .integer(Int64(position)), "url": .text(url)])
            changed = true
        }
        for position in stored.keys where !wanted.contains(position) {
            try remove.execute(binding: ["owner": .integer(owner), "position": .integer(Int64(position))])
            changed = true
        }
        return changed
    }

    /// The URLs of the current record's source columns.
    static func read(_ row: RowReader, columns: [(position: Int, name: String)]) -> [(position: Int, url: String)] {
        columns.compactMap { column in row.string(column.name).map { (column.position, $0) } }
    }
}
