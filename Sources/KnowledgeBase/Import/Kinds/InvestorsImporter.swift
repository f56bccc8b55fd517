import SQLite

/// `round_investors` rows: the round (by round_id, or company + round_type +
/// announced_on) and the investor. Keyed by round + investor.
final class InvestorsImporter: RowImporter {
    private let context: ImportContext
    private let upsert: Upsert
    private let roundByExternalID: Statement
    private let roundByNaturalKey: Statement
    private let roundID: Statement.Parameter

    init(context: ImportContext, header: Header) throws {
        self.context = context
        var columns = ["round_id", "investor_id", "source_id"]
        for column in ["is_lead", "amount_usd", "amount_status", "share_pct", "notes"] where header.has(column) {
            columns.append(column)
        }
        if header.has("is_lead") { columns.append("lead_disputed") }
        if header.has("amount_usd") && !header.has("amount_status") { columns.append("amount_status") }
        upsert = try Upsert(
            db: context.db, table: "round_investors", columns: columns, conflicts: [("(round_id, investor_id)", nil)],
            keyColumns: ["round_id", "investor_id"],
            classification: .insertFirst, run: context.run)
        roundByExternalID = try context.db.prepare(
            "SELECT id FROM funding_rounds WHERE external_id = :round_id", persistent: true)
        roundByNaturalKey = try context.db.prepare(
            """
            SELECT id FROM funding_rounds
            WHERE company_id = :company_id AND round_type = :round_type AND announced_on IS :announced_on LIMIT 2
            """, persistent: true)
        roundID = try roundByExternalID.parameter("round_id")
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let round = try self.round(row)
        let investor = try context.company("investor", in: row, createAs: "investment_firm")
        let source = try context.source(for: row)
        let lead = row.boolean("is_lead", allowDisputed: true)
        let amount = row.dollars("amount_usd")
        let status = row.word("amount_status", in: Vocabulary.amountStatuses, what: "amount status")
        let share = row.real("share_pct", above: 0, atMost: 100, suffixes: ["%": 1])
        guard !row.rejected, let round, let investor, let source else { return .rejected }
        try upsert.bind("round_id", round)
        try upsert.bind("investor_id", investor)
        try upsert.bind("source_id", source)
        try upsert.bind("is_lead", lead == .yes ? 1 : 0)
        try upsert.bind("lead_disputed", lead == .disputed ? 1 : 0)
        try upsert.bind("amount_usd", amount?.value)
        try upsert.bind("amount_status", status ?? amount?.status)
        try upsert.bind("share_pct", share, reader: row.reader)
        try upsert.bind("notes", row.text("notes"), reader: row.reader)
        return try upsert.run()
    }

    /// The round a row names, or nil with a problem.
    private func round(_ row: RowReader) throws -> Int64? {
        if let id = row.bytes("round_id"), !id.isEmpty {
            try roundByExternalID.bindNoCopy(utf8: id, to: roundID)
            if let round = try roundByExternalID.firstRow({ $0.int64(at: 0) }) { return round }
            row.problem("round_id", "unknown round \"\(String(decoding: id, as: UTF8.self))\" (no round has this round_id)")
            return nil
        }
        guard row.has("company") else {
            row.problem("round_id", "missing value (name the round by round_id, or by company + round_type + announced_on)")
            return nil
        }
        let company = try context.company("company", in: row, createAs: "startup")
        let type = row.requiredWord("round_type", in: context.roundTypes, what: "round type", table: "round_types")
        let date = row.date("announced_on")
        guard let company, let type else { return nil }
        var matches: [Int64] = []
        let announced: Value = if case .text(let day) = date { .text(day) } else { .null }
        try roundByNaturalKey.forEachRow(binding: ["company_id": .integer(company), "round_type": .text(type), "announced_on": announced]) {
            matches.append($0.int64(at: 0))
        }
        guard let id = matches.first else {
            row.problem("company", "no \(type) round of \"\(row.string("company") ?? "")\" announced on \(row.string("announced_on") ?? "(no date)"); import the round first")
            return nil
        }
        if matches.count > 1 {
            row.problem("company", "several \(type) rounds of \"\(row.string("company") ?? "")\" match; name the round by round_id")
            return nil
        }
        return id
    }
}
