import KnowledgeBase
import Query
import SQLite
import Testing

/// Migration 0016: dates held as a month or a year count from their period's first day
/// in the reports' period tests, and neoclouds leaves cancelled deals out of its sums.
@Suite struct PartialDateReportTests {
    static func value(_ db: Database, _ report: String, _ column: String, where filter: String) throws -> Value {
        let statement = try Reports(db: db).query(report, filters: [try Filter.parse(filter)])
        guard let index = statement.columnNames.firstIndex(of: column) else { return .null }
        return try rows(statement).first?[index] ?? .null
    }

    /// A round of a seeded company, with NVIDIA in it, dated `on`.
    static func addNVIDIARound(_ db: Database, on date: String, id: String) throws {
        let binding: [String: Value] = ["id": .text(id), "on": .text(date)]
        try db.execute(
            """
            INSERT INTO funding_rounds (external_id, company_id, round_type, announced_on, source_id)
            VALUES (:id, (SELECT id FROM companies WHERE name = 'CoreWeave'), 'venture', :on, 'S00')
            """,
            binding: binding)
        try db.execute(
            """
            INSERT INTO round_investors (round_id, investor_id, source_id)
            VALUES ((SELECT id FROM funding_rounds WHERE external_id = :id), (SELECT id FROM companies WHERE name = 'NVIDIA'), 'S00')
            """,
            binding: ["id": .text(id)])
        try MoneyWeb.refresh(db)
    }

    @Test func roundsDatedByTheFirstMonthOrYearOfAPeriodCountInIt() throws {
        let db = try seededDatabase()
        // W32: NVIDIA's investments from 2024-01-01 to 2025-12-01.
        let before = try Self.value(db, "claims_vs_data", "derived", where: "claim_id=W32")
        try Self.addNVIDIARound(db, on: "2024-01", id: "test-month-round")
        try Self.addNVIDIARound(db, on: "2024", id: "test-year-round")
        // Outside the period, and a month the period ends before.
        try Self.addNVIDIARound(db, on: "2023-12", id: "test-before-round")
        try Self.addNVIDIARound(db, on: "2025-12-15", id: "test-after-round")
        guard case .integer(let was) = before else { Issue.record("W32 derived \(before)"); return }
        #expect(try Self.value(db, "claims_vs_data", "derived", where: "claim_id=W32") == .integer(was + 2))
        let basis = try db.firstValue("SELECT basis FROM claim_derivations WHERE claim_id = 'W32'")
        guard case .text(let text) = basis else { Issue.record("W32 basis \(String(describing: basis))"); return }
        #expect(text.contains("from 2024-01-01 to 2025-12-01"), "\(text)")
    }

    /// NVIDIA's share of the subject's round, in the claim's period (C18: October 2025),
    /// not in the subject's latest round whenever that was.
    @Test func nvidiasShareOfARoundKeepsToTheClaimsPeriod() throws {
        let db = try seededDatabase()
        let before = try Self.value(db, "claims_vs_data", "derived", where: "claim_id=C18")
        #expect(before != .null)
        try db.execute(
            """
            INSERT INTO funding_rounds (external_id, company_id, round_type, announced_on, amount_usd, source_id)
            SELECT 'test-later-round', subject_id, 'venture', '2026-03-01', 1000000000, 'S00' FROM claims WHERE id = 'C18'
            """)
        try db.execute(
            """
            INSERT INTO round_investors (round_id, investor_id, amount_usd, share_pct, source_id)
            VALUES ((SELECT id FROM funding_rounds WHERE external_id = 'test-later-round'),
                    (SELECT id FROM companies WHERE name = 'NVIDIA'), 100000000, 10, 'S00')
            """)
        #expect(try Self.value(db, "claims_vs_data", "derived", where: "claim_id=C18") == before)
        // A claim without a period, or with an open end, takes the latest round as before.
        try db.execute(
            """
            INSERT INTO claims (id, subject_id, metric, value_text, value, unit, period_start, period_end, statement, source_id)
            SELECT 'T-open', subject_id, metric, value_text, value, unit, NULL, NULL, statement, source_id FROM claims WHERE id = 'C18'
            """)
        #expect(try Self.value(db, "claims_vs_data", "derived", where: "claim_id=T-open") == .real(10))
    }

    @Test func investorActivityCountsARoundOfItsWindowsFirstMonth() throws {
        let db = try seededDatabase()
        guard case .text(let start) = try Self.value(db, "investor_activity", "window_start", where: "investor=NVIDIA") else {
            Issue.record("no window"); return
        }
        #expect(start.hasSuffix("-01"))
        let before = try Self.value(db, "investor_activity", "rounds_in_window", where: "investor=NVIDIA")
        try Self.addNVIDIARound(db, on: String(start.prefix(7)), id: "test-window-month")
        guard case .integer(let was) = before else { Issue.record("rounds_in_window \(before)"); return }
        #expect(try Self.value(db, "investor_activity", "rounds_in_window", where: "investor=NVIDIA") == .integer(was + 1))
        // And the index holds what its view computes.
        #expect(try db.firstValue("SELECT count(*) FROM (SELECT * FROM investor_activity_index EXCEPT SELECT * FROM investor_activity_computed)") == .integer(0))
    }

    @Test func neocloudsLeaveCancelledDealsOutOfTheirSums() throws {
        let db = try seededDatabase()
        let cancelled = try db.firstValue(
            """
            SELECT sum(value_usd) FROM supply_deals d JOIN companies c ON c.id IN (d.supplier_id, d.customer_id)
            WHERE c.name = 'CoreWeave' AND d.status = 'cancelled' AND d.overlaps_deal_id IS NULL
            """)
        #expect(cancelled != .null && cancelled != .integer(0), "the seeds have a cancelled CoreWeave deal")
        let counted = try db.firstValue(
            """
            SELECT sum(value_usd) FROM supply_deals d JOIN companies c ON c.id IN (d.supplier_id, d.customer_id)
            WHERE c.name = 'CoreWeave' AND d.status IS NOT 'cancelled' AND d.overlaps_deal_id IS NULL
            """)
        #expect(try Self.value(db, "neoclouds", "gpu_deals_usd", where: "company=CoreWeave") == counted)
    }
}

/// Migration 0016: the reports that add up NVIDIA's rounds count each round once, when
/// several of its group's companies took part, and keep namesakes apart.
@Suite struct GroupRoundReportTests {
    static func all(_ db: Database, _ report: String) throws -> [[String: Value]] {
        let statement = try Reports(db: db).query(report)
        let names = statement.columnNames
        return try rows(statement).map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
    }

    @Test func aRoundTwoOfNVIDIAsCompaniesJoinedCountsOnce() throws {
        let db = try seededDatabase()
        let reports = ["billion_dollar_rounds", "round_size_bands", "portfolio_by_sector", "stage_and_lead", "neoclouds"]
        var before: [String: [[String: Value]]] = [:]
        for report in reports { before[report] = try Self.all(db, report) }
        // NVentures (NVIDIA's unit) joins Figure AI's Series C, which NVIDIA is in.
        try db.execute(
            """
            INSERT INTO round_investors (round_id, investor_id, source_id)
            VALUES ((SELECT id FROM funding_rounds WHERE external_id = 'figure-ai-2025-09-series-c'),
                    (SELECT id FROM companies WHERE name = 'NVentures'), 'S94')
            """)
        #expect(try Reports(db: db).query("nvidia_rounds", filters: [try Filter.parse("round_id=figure-ai-2025-09-series-c")])
            .columnNames.isEmpty == false)
        #expect(try rows(Reports(db: db).query("nvidia_rounds", filters: [try Filter.parse("round_id=figure-ai-2025-09-series-c")])).count == 2,
                "the drill-down keeps a row per participation")
        for report in reports {
            #expect(try Self.all(db, report) == before[report], "\(report)")
        }
    }

    @Test func namesakesAreKeptApart() throws {
        let db = try seededDatabase()
        let sizeBands = try Self.all(db, "round_size_bands")
        // A second company named Lambda, in AI infrastructure, with an NVIDIA seed round of $5M in 2025.
        try db.execute("INSERT INTO companies (name, kind, sector_id, source_id) VALUES ('Lambda', 'startup', 'ai_infrastructure', 'S00')")
        let namesake = try db.firstValue("SELECT max(id) FROM companies WHERE name = 'Lambda'") ?? .null
        try db.execute(
            """
            INSERT INTO funding_rounds (external_id, company_id, round_type, announced_on, amount_usd, source_id)
            VALUES ('lambda-namesake-seed', :id, 'seed', '2025-06-01', 5000000, 'S00')
            """, binding: ["id": namesake])
        try db.execute(
            """
            INSERT INTO round_investors (round_id, investor_id, amount_usd, source_id)
            VALUES ((SELECT id FROM funding_rounds WHERE external_id = 'lambda-namesake-seed'),
                    (SELECT id FROM companies WHERE name = 'NVIDIA'), 1000000, 'S00')
            """)
        let lambdas = try Self.all(db, "neoclouds").filter { $0["company"] == .text("Lambda") }
        #expect(lambdas.count == 2)
        #expect(Set(lambdas.map { $0["nvidia_known_usd"] ?? .null }) == [.null, .integer(1_000_000)], "\(lambdas)")
        #expect(lambdas.allSatisfy { $0["nvidia_rounds"] == .integer(1) })
        let small = try Self.all(db, "round_size_bands").first { $0["year"] == .integer(2025) && $0["band"] == .text("3: under $100M") }
        let smallBefore = sizeBands.first { $0["year"] == .integer(2025) && $0["band"] == .text("3: under $100M") }
        var companies: Int64 = 0
        if case .integer(let count)? = smallBefore?["companies"] { companies = count }
        #expect(small?["companies"] == .integer(companies + 1), "\(String(describing: small))")
        if case .text(let names)? = small?["company_names"] { #expect(names.contains("Lambda")) } else { Issue.record("no names") }
    }
}
