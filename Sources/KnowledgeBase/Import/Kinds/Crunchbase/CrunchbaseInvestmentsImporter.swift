import SQLite
import Support

/// Crunchbase `investments.csv`: who took part in which round.
final class CrunchbaseInvestmentsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert
    private let roundByExternalID: Statement
    /// The usual case, a new participation of a round and an investor both known by
    /// their uuids, in one statement: both are looked up inside the INSERT. Anything
    /// else (a known row, an investor known by name only, an unknown uuid) takes the
    /// lookups and `upsert`, which also say what is wrong.
    private let insertNew: Statement
    /// The same with the investor already known (`ImportContext.crunchbaseInvestors`).
    private let insertNewOfInvestor: Statement

    init(context: ImportContext, header: Header) throws {
        self.context = context
        upsert = try Upsert(
            db: context.db, table: "round_investors", columns: ["round_id", "investor_id", "is_lead", "source_id"],
            conflicts: [("(round_id, investor_id)", nil)], keyColumns: ["round_id", "investor_id"],
            classification: .insertFirst, run: context.run)
        roundByExternalID = try context.db.prepare(
            "SELECT id FROM funding_rounds WHERE external_id = :round_uuid", persistent: true)
        // VALUES with the lookups inside, not INSERT ... SELECT (see
        // CrunchbaseOrganizationsImporter): an unknown uuid leaves a NOT NULL key NULL,
        // and OR IGNORE skips the row.
        let round = "(SELECT id FROM funding_rounds WHERE external_id = :round_uuid)"
        insertNew = try context.db.prepare(
            """
            INSERT OR IGNORE INTO round_investors (round_id, investor_id, is_lead, source_id, created_run)
            VALUES (\(round),
                    (SELECT company_id FROM company_external_ids WHERE scheme = 'crunchbase' AND external_id = :investor_uuid),
                    :is_lead, :source_id, \(context.run))
            """, persistent: true)
        insertNewOfInvestor = try context.db.prepare(
            """
            INSERT OR IGNORE INTO round_investors (round_id, investor_id, is_lead, source_id, created_run)
            VALUES (\(round), :investor_id, :is_lead, :source_id, \(context.run))
            """, persistent: true)
        roundUUID = try roundByExternalID.parameter("round_uuid")
        newParticipation = try NewParticipation(insertNew, investor: "investor_uuid")
        newParticipationOfInvestor = try NewParticipation(insertNewOfInvestor, investor: "investor_id")
    }

    /// The parameters of the two one-statement INSERTs (the investor by uuid, or by id).
    private struct NewParticipation {
        let round, investor, isLead, source: Statement.Parameter
        init(_ statement: Statement, investor: String) throws {
            round = try statement.parameter("round_uuid")
            self.investor = try statement.parameter(investor)
            isLead = try statement.parameter("is_lead")
            source = try statement.parameter("source_id")
        }
    }
    private let roundUUID: Statement.Parameter
    private let newParticipation: NewParticipation
    private let newParticipationOfInvestor: NewParticipation

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let lead: Int64 = row.boolean("is_lead_investor") == .yes ? 1 : 0
        let source = try context.source(for: row)
        if !row.rejected, let source, let round = row.bytes("funding_round_uuid"), !round.isEmpty,
            let investor = row.bytes("investor_uuid"), !investor.isEmpty
        {
            let known = try knownInvestor(investor)
            let statement = known == nil ? insertNew : insertNewOfInvestor
            let new = known == nil ? newParticipation : newParticipationOfInvestor
            try statement.bindNoCopy(utf8: round, to: new.round)
            if let known { try statement.bind(known, to: new.investor) } else { try statement.bindNoCopy(utf8: investor, to: new.investor) }
            try statement.bind(lead, to: new.isLead)
            try statement.bind(source, to: new.source)
            try statement.execute()
            if context.db.changes > 0 { return .inserted }
        }
        let round = try self.round(row)
        let investor = try self.investor(row)
        guard !row.rejected, let round, let investor, let source else { return .rejected }
        try upsert.bind("round_id", round)
        try upsert.bind("investor_id", investor)
        try upsert.bind("is_lead", lead)
        try upsert.bind("source_id", source)
        return try upsert.run()
    }

    /// The investor by its uuid alone, through `crunchbaseInvestors` (bulk imports):
    /// a seek into company_external_ids only the first time an investor appears.
    private func knownInvestor(_ uuid: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        guard let cache = context.crunchbaseInvestors else { return nil }
        if let id = cache.id(for: uuid) { return id }
        guard let id = try context.companies.resolve(scheme: "crunchbase", externalID: uuid) else { return nil }
        cache.remember(uuid, id)
        return id
    }

    private func round(_ row: RowReader) throws -> Int64? {
        guard let uuid = row.requiredBytes("funding_round_uuid") else { return nil }
        try roundByExternalID.bindNoCopy(utf8: uuid, to: roundUUID)
        if let round = try roundByExternalID.firstRow({ $0.int64(at: 0) }) { return round }
        row.problem(
            "funding_round_uuid",
            "unknown funding round \(String(decoding: uuid, as: UTF8.self)); import funding_rounds.csv in the same run or before")
        return nil
    }

    /// The investor; people (investor_type "person") are created as persons.
    private func investor(_ row: RowReader) throws -> Int64? {
        let isPerson = row.string("investor_type")?.lowercased().containsBytes("person") ?? false
        return try crunchbaseCompany(
            row, context: context, uuidColumn: "investor_uuid", nameColumn: "investor_name",
            createAs: isPerson ? "person" : "investment_firm", unknown: "investor",
            hint: "people are not in organizations.csv: use --create-missing")
    }
}
