import SQLite

/// Epoch AI's `ai_companies_funding_rounds.csv`. Each row is kept as Epoch states it
/// in `epoch_rounds` (keyed by company and Epoch's Id), with its source URLs, and
/// is one round of the knowledge base:
///
/// - a round the knowledge base already holds from another source, when one of the
///   company's rounds is of the same month (of Epoch's close or report date; or of
///   the series Epoch's Id names, within three months) and of the same sort (a
///   secondary sale only matches one): the Epoch row becomes a second source of it in
///   `round_sources`, `corroborates` when the amounts agree within 10% (Epoch's equity,
///   or equity plus debt, against the round's amount), else `disputes`, and the
///   round's amount is then marked disputed, never overwritten;
/// - else another Epoch row's round of that month whose amount it repeats (Epoch
///   lists some rounds twice);
/// - else a round of its own (`external_id` `epoch:COMPANY/ID`).
///
/// "Late discussions" is a commitment (status committed, round type
/// investment_commitment), not a closed round; Confidence goes to the round.
final class EpochRoundsImporter: RowImporter {
    static let columns = [
        "Id", "Company", "Close date", "Status", "Funding (equity)", "Funding (debt)", "Valuation (post-money)", "Report date",
        "Graph note", "Notes", "Type", "Confidence", "Exclude from graph view",
    ]
    /// Epoch's statuses and the knowledge base's.
    static let statuses = ["closed": "closed", "late discussions": "committed", "committed": "committed", "announced": "announced"]
    /// How far two amounts may be apart and still agree: 10% of the larger.
    static let tolerance = 0.10
    /// How many months apart a round of the series Epoch's Id names may be.
    static let seriesMonths = 3

    private let context: ImportContext
    private let header: Header
    private let names: EpochNames
    private let source: String
    private let sourceColumns: [(position: Int, name: String)]
    private let record: Upsert
    private let recordID: Statement
    private let stored: Statement
    private let candidates: Statement
    private let insertRound: Statement
    private let updateRound: Statement
    private let urls: EpochURLs
    /// The rounds whose second sources this file may change, settled at the end.
    private var touchedRounds: Set<Int64> = []

    init(context: ImportContext, header: Header) throws {
        self.context = context
        self.header = header
        let db = context.db
        source = try EpochDataset.aiCompanies.source(in: context)
        names = try EpochNames(context: context, source: source)
        sourceColumns = EpochColumns.sourceColumns(in: header)
        var columns = ["company_id", "epoch_id", "company", "round_id", "link", "source_id"]
        let optional: [(String, [String])] = [
            ("Status", ["status", "status_as_written"]), ("Close date", ["closed_on"]), ("Report date", ["reported_on"]),
            ("Funding (equity)", ["equity_usd"]), ("Funding (debt)", ["debt_usd"]), ("Valuation (post-money)", ["valuation_usd"]),
            ("Type", ["funding_types"]), ("Confidence", ["confidence"]), ("Exclude from graph view", ["exclude_from_graph"]),
            ("Graph note", ["graph_note"]), ("Notes", ["notes"]),
        ]
        for (name, targets) in optional where header.has(name) { columns += targets }
        record = try Upsert(
            db: db, table: "epoch_rounds", columns: columns, conflicts: [("(company_id, epoch_id)", nil)],
            keyColumns: ["company_id", "epoch_id"], classification: .rowid, run: context.run)
        recordID = try db.prepare("SELECT id FROM epoch_rounds WHERE company_id = :company AND epoch_id = :epoch_id", persistent: true)
        stored = try db.prepare(
            """
            SELECT e.round_id, e.link, r.amount_usd
            FROM epoch_rounds e LEFT JOIN funding_rounds r ON r.id = e.round_id
            WHERE e.company_id = :company AND e.epoch_id = :epoch_id
            """, persistent: true)
        candidates = try db.prepare(
            """
            SELECT r.id, r.amount_usd, r.round_type, r.announced_on,
                   EXISTS (SELECT 1 FROM epoch_rounds e WHERE e.round_id = r.id AND e.link = 'created') AS made_here
            FROM funding_rounds r WHERE r.company_id = :company
            """, persistent: true)
        // The round an Epoch row makes: only the columns the file has are written.
        var roundColumns = ["company_id", "round_type", "round_label", "source_id", "external_id"]
        if header.has("Close date") || header.has("Report date") { roundColumns.append("announced_on") }
        if header.has("Funding (equity)") { roundColumns += ["amount", "currency", "amount_usd"] }
        if header.has("Valuation (post-money)") { roundColumns.append("post_money_valuation_usd") }
        if header.has("Status") { roundColumns.append("status") }
        if header.has("Confidence") { roundColumns.append("confidence") }
        if header.has("Notes") { roundColumns.append("notes") }
        insertRound = try db.prepare(
            """
            INSERT INTO funding_rounds (\(roundColumns.joined(separator: ", ")), created_run)
            VALUES (\(roundColumns.map { ":" + $0 }.joined(separator: ", ")), \(context.run))
            """, persistent: true)
        let updatable = roundColumns.filter { $0 != "external_id" }
        updateRound = try db.prepare(
            """
            UPDATE funding_rounds SET \(updatable.map { "\($0) = :\($0)" }.joined(separator: ", "))
            WHERE id = :id AND (\(updatable.map { "\($0) IS NOT :\($0)" }.joined(separator: " OR ")))
            """, persistent: true)
        urls = try EpochURLs(db: db, table: "epoch_round_urls", owner: "epoch_round_id", run: context.run)
    }

    /// One Epoch row, read.
    private struct Figures {
        var equity: Int64?
        var debt: Int64?
        var months: Set<String> = []
        var closed: String?
        var reported: String?
        var series: String?
        var secondary = false

        /// The amount of Epoch's that agrees with `amount`, if one does: the equity,
        /// or the equity with the debt (sources differ on whether a round's debt is in it).
        func agreeing(with amount: Int64?) -> Int64?? {
            guard let amount else { return .some(nil) }
            guard let equity else { return .some(nil) }
            if EpochRoundsImporter.agree(equity, amount) { return .some(equity) }
            if let debt, EpochRoundsImporter.agree(equity + debt, amount) { return .some(equity + debt) }
            return .none
        }
    }

    static func agree(_ a: Int64, _ b: Int64) -> Bool {
        let larger = Double(max(a, b))
        return larger == 0 || Double(abs(a - b)) <= tolerance * larger
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let reader = row.reader
        let epochID = row.requiredString("Id")
        let companyName = row.requiredString("Company")
        var company: Int64?
        if let companyName {
            company = try context.companies.resolve(scheme: EpochCompaniesImporter.scheme, externalID: companyName)
            if company == nil { company = try names.company(companyName, column: "Company", policy: .create(kind: "other"), row: row) }
        }
        var status: String?
        if let written = row.string("Status") {
            status = Self.statuses[written.lowercased()]
            if status == nil {
                row.problem("Status", "unknown status \"\(written)\" (expected Closed, Late discussions or Announced)")
            }
        }
        var figures = Figures()
        figures.equity = row.dollars("Funding (equity)")?.value
        figures.debt = row.dollars("Funding (debt)")?.value
        let valuation = row.dollars("Valuation (post-money)")?.value
        let closed = row.date("Close date")
        let reported = row.date("Report date")
        if case .text(let date) = closed { figures.closed = date }
        if case .text(let date) = reported { figures.reported = date }
        for date in [figures.closed, figures.reported].compactMap({ $0 }) where date.count >= 7 { figures.months.insert(String(date.prefix(7))) }
        let types = EpochColumns.names(in: row.string("Type")).map { $0.lowercased() }
        figures.secondary = types.contains("secondary") && !types.contains("primary")
        let confidence = row.word("Confidence", in: Vocabulary.confidences, what: "confidence")
        let exclude = row.flag("Exclude from graph view")
        guard !row.rejected, let epochID, let companyName, let company else { return .rejected }
        figures.series = Self.series(in: epochID)

        let roundType = Self.roundType(id: epochID, status: status, types: types)
        var changed = false
        var link: String
        var round: Int64?
        let known = try stored.firstRow(binding: ["company": .integer(company), "epoch_id": .text(epochID)]) {
            (round: $0.optionalInt64(at: 0), link: $0.string(at: 1), amount: $0.optionalInt64(at: 2))
        }
        if let known, let storedRound = known.round {
            round = storedRound
            switch known.link {
            case "created", "repeats": link = known.link
            default: link = figures.agreeing(with: known.amount) == nil ? "disputes" : "corroborates"
            }
        } else {
            (link, round) = try match(company: company, figures)
        }
        if link == "created" {
            var values: [String: Value] = [
                "company_id": .integer(company), "round_type": .text(roundType), "round_label": .text(epochID),
                "source_id": .text(source),
            ]
            let announced = figures.closed ?? figures.reported
            if header.has("Close date") || header.has("Report date") { values["announced_on"] = announced.map { .text($0) } ?? .null }
            if header.has("Funding (equity)") {
                values["amount"] = figures.equity.map { .integer($0) } ?? .null
                values["currency"] = figures.equity == nil ? .null : .text("USD")
                values["amount_usd"] = figures.equity.map { .integer($0) } ?? .null
            }
            if header.has("Valuation (post-money)") { values["post_money_valuation_usd"] = valuation.map { .integer($0) } ?? .null }
            if header.has("Status") { values["status"] = .text(status ?? "closed") }
            if header.has("Confidence") { values["confidence"] = confidence.map { .text($0) } ?? .null }
            if header.has("Notes") { values["notes"] = row.string("Notes").map { .text($0) } ?? .null }
            if let round {
                values["id"] = .integer(round)
                try updateRound.execute(binding: values)
                changed = context.db.changes > 0
            } else {
                values["external_id"] = .text("epoch:\(companyName)/\(epochID)")
                try insertRound.execute(binding: values)
                round = context.db.lastInsertRowID
            }
        }
        if let round { touchedRounds.insert(round) }

        try record.bind("company_id", company)
        try record.bind("epoch_id", epochID)
        try record.bind("company", companyName)
        try record.bind("round_id", round)
        try record.bind("link", link)
        try record.bind("source_id", source)
        try record.bind("status", status ?? "closed")
        try record.bind("status_as_written", row.string("Status"))
        try record.bind("closed_on", closed, reader: reader)
        try record.bind("reported_on", reported, reader: reader)
        try record.bind("equity_usd", figures.equity)
        try record.bind("debt_usd", figures.debt)
        try record.bind("valuation_usd", valuation)
        try record.bind("funding_types", row.string("Type"))
        try record.bind("confidence", confidence)
        try record.bind("exclude_from_graph", (exclude ?? false) ? 1 : 0)
        try record.bind("graph_note", row.string("Graph note"))
        try record.bind("notes", row.string("Notes"))
        var outcome = try record.run()
        if !sourceColumns.isEmpty,
            let id = try recordID.firstRow(binding: ["company": .integer(company), "epoch_id": .text(epochID)], { $0.int64(at: 0) })
        {
            changed = try urls.replace(owner: id, with: EpochURLs.read(row, columns: sourceColumns)) || changed
        }
        if outcome == .unchanged && changed { outcome = .updated }
        return outcome
    }

    /// The round a new Epoch row is, and how: see the type's documentation.
    private func match(company: Int64, _ figures: Figures) throws -> (String, Int64?) {
        var agreeing: [(id: Int64, gap: Int64)] = []
        var repeated: Int64?
        var disagreeing: [(id: Int64, gap: Int64)] = []
        try candidates.forEachRow(binding: ["company": .integer(company)]) { candidate in
            let id = candidate.int64(at: 0)
            let amount = candidate.optionalInt64(at: 1)
            let type = candidate.string(at: 2)
            guard let announced = candidate.optionalString(at: 3), announced.count >= 7 else { return }
            let madeHere = candidate.int64(at: 4) != 0
            let secondary = type == "secondary_market" || type == "post_ipo_secondary"
            guard secondary == figures.secondary else { return }
            let month = String(announced.prefix(7))
            let sameMonth = figures.months.contains(month)
            let sameSeries = figures.series == type && figures.months.contains { Self.monthsApart($0, month) <= Self.seriesMonths }
            guard sameMonth || sameSeries else { return }
            let gap = abs((amount ?? 0) - (figures.equity ?? 0))
            if figures.agreeing(with: amount) != nil {
                if madeHere { repeated = repeated ?? id } else { agreeing.append((id, gap)) }
            } else if !madeHere {
                disagreeing.append((id, gap))
            }
        }
        if let best = agreeing.min(by: { $0.gap < $1.gap }) { return ("corroborates", best.id) }
        if let repeated { return ("repeats", repeated) }
        if let best = disagreeing.min(by: { $0.gap < $1.gap }) { return ("disputes", best.id) }
        return ("created", nil)
    }

    static func monthsApart(_ a: String, _ b: String) -> Int {
        func index(_ month: String) -> Int {
            let parts = month.split(separator: "-")
            return (Int(parts[0]) ?? 0) * 12 + (parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
        }
        return abs(index(a) - index(b))
    }

    /// The series an Epoch Id names ("May 2024 24B Series B" → series_b).
    static func series(in id: String) -> String? {
        let words = id.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard let index = words.firstIndex(of: "series"), index + 1 < words.count else { return nil }
        let letter = words[index + 1].filter { $0 != "+" }
        guard letter.count == 1, let ascii = letter.first?.asciiValue, ascii >= UInt8(ascii: "a"), ascii <= UInt8(ascii: "j") else { return nil }
        return "series_" + letter
    }

    /// The round type of a round an Epoch row makes: a commitment while in late
    /// discussions; the series or seed its Id names; else by its Type (Secondary,
    /// Debt, Other), a venture round by default.
    static func roundType(id: String, status: String?, types: [String]) -> String {
        if status == "committed" { return "investment_commitment" }
        if let series = series(in: id) { return series }
        if id.lowercased().split(separator: " ").contains("seed") { return "seed" }
        if types.contains("secondary") && !types.contains("primary") { return "secondary_market" }
        if types == ["debt"] { return "debt_financing" }
        if types == ["other"] { return "undisclosed" }
        return "venture"
    }

    /// Every round this file links to gets its second source from Epoch AI as the
    /// file's rows now say: one row of round_sources whatever the number of Epoch rows
    /// (corroborates unless one disputes), and a disputed amount where one disputes.
    func finish(_ row: RowReader) throws {
        names.flush()
        let db = context.db
        let records = try db.prepare(
            """
            SELECT e.epoch_id, e.link, e.equity_usd, e.debt_usd, e.valuation_usd, e.confidence, r.amount_usd
            FROM epoch_rounds e JOIN funding_rounds r ON r.id = e.round_id
            WHERE e.round_id = :round AND e.source_id = :source AND e.link IN ('corroborates', 'disputes')
            ORDER BY e.id
            """)
        let upsert = try db.prepare(
            """
            INSERT INTO round_sources (round_id, source_id, role, amount_usd, note, created_run)
            VALUES (:round, :source, :role, :amount, :note, \(context.run))
            ON CONFLICT (round_id, source_id) DO UPDATE SET role = excluded.role, amount_usd = excluded.amount_usd, note = excluded.note
            WHERE role IS NOT excluded.role OR amount_usd IS NOT excluded.amount_usd OR note IS NOT excluded.note
            """)
        let remove = try db.prepare("DELETE FROM round_sources WHERE round_id = :round AND source_id = :source")
        let dispute = try db.prepare(
            "UPDATE funding_rounds SET amount_status = 'disputed' WHERE id = :round AND amount_status IS NOT 'disputed'")
        let confide = try db.prepare(
            "UPDATE funding_rounds SET confidence = :confidence WHERE id = :round AND confidence IS NULL")
        for round in touchedRounds.sorted() {
            var disputes = false
            var amount: Int64?
            var confidence: String?
            var notes: [String] = []
            try records.forEachRow(binding: ["round": .integer(round), "source": .text(source)]) { record in
                var figures = Figures()
                figures.equity = record.optionalInt64(at: 2)
                figures.debt = record.optionalInt64(at: 3)
                let stated = figures.agreeing(with: record.optionalInt64(at: 6))
                if record.string(at: 1) == "disputes" { disputes = true }
                if amount == nil { amount = (stated ?? nil) ?? figures.equity }
                confidence = confidence ?? record.optionalString(at: 5)
                var parts: [String] = []
                if let equity = figures.equity { parts.append("equity \(Self.money(equity))") }
                if let debt = figures.debt { parts.append("debt \(Self.money(debt))") }
                if let valuation = record.optionalInt64(at: 4) { parts.append("valuation \(Self.money(valuation))") }
                notes.append("'\(record.string(at: 0))'" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"))
            }
            let values: [String: Value] = ["round": .integer(round), "source": .text(source)]
            guard !notes.isEmpty else {
                try remove.execute(binding: values)
                continue
            }
            let note = "Epoch AI's " + (notes.count == 1 ? "round " : "rounds ") + notes.joined(separator: "; ")
                + (disputes ? "; the amounts disagree by more than 10%" : "")
            try upsert.execute(binding: values.merging([
                "role": .text(disputes ? "disputes" : "corroborates"), "amount": amount.map { .integer($0) } ?? .null, "note": .text(note),
            ]) { $1 })
            if disputes { try dispute.execute(binding: ["round": .integer(round)]) }
            if !disputes, let confidence {
                try confide.execute(binding: ["round": .integer(round), "confidence": .text(confidence)])
            }
        }
        touchedRounds = []
    }

    /// $6.6B, $500M, $16.3M, $950K: as the notes of a second source say it.
    static func money(_ value: Int64) -> String {
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (size, suffix) in units where Double(value) >= size {
            var text = String(Double(Int((Double(value) / size * 100).rounded())) / 100)
            if text.hasSuffix(".0") { text.removeLast(2) }
            return "$" + text + suffix
        }
        return "$\(value)"
    }
}
