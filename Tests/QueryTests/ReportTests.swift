import KnowledgeBase
import Query
import SQLite
import Testing

#if canImport(Glibc)
import Glibc
import TestScratch
#endif

/// A seeded knowledge base file, built once per test through the real open path.
func seededDatabase() throws -> Database {
    let directory = Scratch.directory("query-")
    let (db, report) = try KnowledgeBase.open(path: directory + "/kb.sqlite", access: .write)
    #expect(report.created)
    return db
}

func rows(_ statement: Statement) throws -> [[Value]] {
    var rows: [[Value]] = []
    try statement.forEachRow { rows.append($0.values) }
    return rows
}

@Suite struct ReportTests {
    @Test func catalogDocumentsEveryColumnOfEveryBuiltInReport() throws {
        let db = try seededDatabase()
        let reports = Reports(db: db)
        let list = try reports.list()
        #expect(list.filter(\.builtin).count == 25)
        for report in list where report.builtin {
            let documented = try db.allRows("SELECT name FROM report_columns WHERE report = :report ORDER BY position", binding: ["report": .text(report.name)])
            let actual = try db.allRows("SELECT name FROM pragma_table_info(:report)", binding: ["report": .text(report.name)])
            #expect(documented == actual, "\(report.name)")
            #expect(try reports.columns(of: report.name).allSatisfy { $0.description != nil }, "\(report.name)")
            #expect(!report.description.isEmpty)
        }
    }

    @Test func billionDollarRoundsHoldTheSeededRounds() throws {
        let db = try seededDatabase()
        let statement = try Reports(db: db).query(
            "billion_dollar_rounds", filters: [try Filter.parse("round_id=openai-2024-10-venture")])
        let found = try rows(statement)
        #expect(found.count == 1)
        #expect(found.first?[7] == .integer(6_600_000_000))  // round_amount_usd
        #expect(found.first?[9] == .integer(100_000_000))  // nvidia_amount_usd
        // Nothing under $1B gets in.
        let small = try Reports(db: db).query("billion_dollar_rounds", filters: [try Filter.parse("round_amount_usd<1000000000")])
        #expect(try rows(small).isEmpty)
    }

    @Test func circularFinancingSumsTheDealsBehindIt() throws {
        let db = try seededDatabase()
        func pair(_ hub: String, _ name: String) throws -> [String: Value] {
            let statement = try Reports(db: db).query(
                "circular_financing", filters: [Filter(column: "hub", op: .equal, value: hub), Filter(column: "company", op: .equal, value: name)])
            let names = statement.columnNames
            let found = try rows(statement)
            #expect(found.count == 1, "\(hub) \(name)")
            return Dictionary(uniqueKeysWithValues: zip(names, found.first ?? []))
        }
        let coreweave = try pair("NVIDIA", "CoreWeave")
        #expect(coreweave["hub_equity_usd"] == .integer(2_350_000_000))  // $100M (2023) + $250M (IPO) + $2B (2026)
        // What NVIDIA pays CoreWeave is money going out, kept apart: not in the ratio,
        // which reads as money come back. Nothing stated came back, so no ratio.
        #expect(coreweave["hub_pays_usd"] == .integer(7_600_000_000))  // $1.3B Osprey + $6.3B backstop
        #expect(coreweave["back_to_hub_usd"] == .null)
        #expect(coreweave["circular_ratio"] == .null)
        let lambda = try pair("NVIDIA", "Lambda")
        #expect(lambda["hub_pays_usd"] == .integer(1_500_000_000))  // $1.3B + $200M leasebacks
        let xai = try pair("NVIDIA", "xAI")
        #expect(xai["via_hub_vehicles_usd"] == .integer(25_400_000_000))  // $20B GPU SPV + $5.4B VCI lease
        #expect(xai["hub_equity_usd"] == .integer(2_000_000_000))
        #expect(xai["circular_ratio"] == .real(12.7))  // 25.4 / 2
        let openai = try pair("NVIDIA", "OpenAI")
        #expect(openai["hub_in_usd"] == .integer(130_100_000_000))  // $100M + $30B + up to $100B (stalled)
        let nscale = try pair("nvidia", "Nscale")
        #expect(nscale["hub_commitments_usd"] == .integer(667_700_000))
        // Any hub: Amazon's $50B into OpenAI against OpenAI's $38B + $100B AWS contracts (Amazon Web Services, its unit).
        let amazon = try pair("Amazon", "OpenAI")
        #expect(amazon["bought_from_hub_usd"] == .integer(138_000_000_000))
        #expect(amazon["circular_ratio"] == .real(2.76))
        // Each figure has its facts, with sources, in the drill-down.
        let flows = try Reports(db: db).query(
            "circular_financing_flows",
            filters: [Filter(column: "hub", op: .equal, value: "NVIDIA"), Filter(column: "company", op: .equal, value: "CoreWeave"),
                      try Filter.parse("flow=hub_pays")])
        let facts = try rows(flows)
        #expect(facts.count == 2)
        #expect(facts.allSatisfy { if case .text(let source) = $0[10] { source.hasPrefix("S") } else { false } })
    }

    @Test func claimsAreHeldAgainstTheData() throws {
        let db = try seededDatabase()
        let statement = try Reports(db: db).query("claims_vs_data", orderBy: ["claim_id"])
        let names = statement.columnNames
        let all = try rows(statement).map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
        #expect(all.count == 89)
        let reflection = all.first { $0["claim_id"] == .text("C18") }
        #expect(reflection?["derived"] == .real(40))
        #expect(reflection?["verdict"] == .text("matches"))
        #expect(all.first { $0["claim_id"] == .text("C21") }?["verdict"] == .text("cannot derive"))
        #expect(all.first { $0["claim_id"] == .text("C01") }?["verdict"] == .text("below claim"))
    }

    @Test func filtersOrderAndLimit() throws {
        let db = try seededDatabase()
        let reports = Reports(db: db)
        let contains = try rows(reports.query("nvidia_rounds", filters: [try Filter.parse("company~OPENai")], orderBy: ["announced_on"]))
        #expect(contains.map { $0[0] } == Array(repeating: .text("OpenAI"), count: 3))
        #expect(contains.map { $0[5] } == [.text("2024-10-02"), .text("2025-09-22"), .text("2026-02-27")])
        // ~ folds every letter's case, not only ASCII ones (Crusoe's notes say "Öl- und Gas").
        for text in ["notes~ÖL- UND", "notes~öl- und"] {
            let crusoe = try rows(Facets.query("companies", columns: ["name"], filters: [try Filter.parse(text)], in: db))
            #expect(crusoe.map { $0[1] } == [.text("Crusoe")], "\(text)")
        }
        // A number compares as a number with numbers, as text with text.
        let big = try rows(reports.query("nvidia_rounds", filters: [try Filter.parse("round_amount_usd>=1e11")]))
        #expect(big.count == 2)
        let recent = try rows(reports.query("nvidia_rounds", filters: [try Filter.parse("announced_on>2025")]))
        #expect(recent.allSatisfy { if case .text(let date) = $0[5] { date >= "2026" } else { false } })
        #expect(!recent.isEmpty)
        let limited = try rows(reports.query("nvidia_rounds", orderBy: ["round_amount_usd"], descending: true, limit: 1))
        #expect(limited.first?[0] == .text("OpenAI"))
        #expect(limited.count == 1)
    }

    /// A date filter's value stands for its period, and a date held as a year or month
    /// counts from its first day: every operator against the rows filtered here by that
    /// rule, for values of each precision, on the seeds' rounds (38 dated by month or year).
    @Test func dateFiltersCompareWholePeriods() throws {
        let db = try seededDatabase()
        let reports = Reports(db: db)
        let all = try rows(reports.query("nvidia_rounds"))
        let dateColumn = 5
        func date(_ row: [Value]) -> String? { if case .text(let text) = row[dateColumn] { text } else { nil } }
        #expect(all.contains { (date($0)?.count ?? 10) < 10 }, "the seeds' NVIDIA rounds include some dated by month or year")
        func first(_ d: String) -> String { d.count == 4 ? d + "-01-01" : d.count == 7 ? d + "-01" : d }
        func last(_ d: String) -> String {
            switch d.count {
            case 4: return d + "-12-31"
            case 7:
                let year = Int(d.prefix(4))!, month = Int(d.suffix(2))!
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
                return d + "-" + String([31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
            default: return d
            }
        }
        func within(_ d: String?, _ v: String) -> Bool { d.map { first($0) >= first(v) && first($0) <= last(v) } ?? false }
        let rules: [(String, (String?, String) -> Bool)] = [
            (">=", { d, v in d.map { first($0) >= first(v) } ?? false }),
            (">", { d, v in d.map { first($0) > last(v) } ?? false }),
            ("<=", { d, v in d.map { first($0) <= last(v) } ?? false }),
            ("<", { d, v in d.map { first($0) < first(v) } ?? false }),
            ("=", { d, v in within(d, v) }),  // >= and <= at once
            ("!=", { d, v in !within(d, v) }),
        ]
        for value in ["2025", "2024", "2025-01", "2025-03", "2024-02", "2025-03-01", "2024-12-31", "2025-01-01"] {
            for (op, rule) in rules {
                let filtered = try rows(reports.query("nvidia_rounds", filters: [try Filter.parse("announced_on\(op)\(value)")]))
                let expected = all.filter { rule(date($0), value) }
                #expect(filtered.count == expected.count, "announced_on\(op)\(value): \(filtered.count) rows, expected \(expected.count)")
                // Whole rows, shown by their round and date.
                func shown(_ rows: [[Value]]) -> [String] { rows.map { "\($0[2]) \(date($0) ?? "-")" }.sorted() }
                #expect(Set(filtered.map { "\($0)" }) == Set(expected.map { "\($0)" }),
                        "announced_on\(op)\(value): only in the result \(Set(shown(filtered)).subtracting(shown(expected)).sorted()), missing \(Set(shown(expected)).subtracting(shown(filtered)).sorted())")
            }
        }
        // A year held as a number (the reports' year column, unit date) compares as one.
        for (filter, keep) in [("year<=2025", { (y: Int64) in y <= 2025 }), ("year>2024", { $0 > 2024 }), ("year=2025", { $0 == 2025 }),
                               ("year<2025", { $0 < 2025 })] as [(String, (Int64) -> Bool)] {
            let filtered = try rows(reports.query("nvidia_rounds", filters: [try Filter.parse(filter)]))
            let expected = all.filter { if case .integer(let year) = $0[6] { keep(year) } else { false } }
            #expect(filtered.count == expected.count && !expected.isEmpty, "\(filter): \(filtered.count), expected \(expected.count)")
        }
        // A time (the runs' started_at) is in its day.
        guard case .text(let started)? = try db.firstValue("SELECT started_at FROM runs ORDER BY id LIMIT 1") else {
            Issue.record("no run"); return
        }
        let day = String(started.prefix(10))
        let runs = try db.firstValue("SELECT count(*) FROM runs WHERE substr(started_at, 1, 10) = :day", binding: ["day": .text(day)])
        for filter in ["started_at=\(day)", "started_at<=\(day)", "started_at>=\(day)", "started_at=\(day.prefix(7))"] {
            let counted = try rows(Facets.query("runs", columns: ["command"], filters: [try Filter.parse(filter)], in: db))
                .reduce(Int64(0)) { total, row in if case .integer(let n) = row[2] { total + n } else { total } }
            #expect(Value.integer(counted) == runs, "\(filter)")
        }
        #expect(try rows(Facets.query("runs", columns: ["command"], filters: [try Filter.parse("started_at>\(day)")], in: db)).isEmpty)
        // The cases the text comparison got wrong: all of 2025, and a year-dated round in it.
        let upTo2025 = try rows(reports.query("nvidia_rounds", filters: [try Filter.parse("announced_on<=2025")]))
        #expect(upTo2025.contains { date($0)?.hasPrefix("2025-") == true })
        #expect(!upTo2025.contains { date($0)?.hasPrefix("2026") == true })
    }

    /// source_usage counts every row that cites a source: the sum of its facts is the
    /// rows of every table with a foreign key to sources, but for the import log and the
    /// parties of a cluster or data center (parts of the fact they belong to). A table
    /// that cites sources and is not counted fails here.
    @Test func sourceUsageCountsEveryCitingTable() throws {
        let db = try seededDatabase()
        let notFacts: Set<String> = ["import_log", "gpu_cluster_parties", "data_center_parties"]
        var citing: [String] = []
        for row in try db.allRows(
            """
            SELECT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND f."table" = 'sources' AND f."from" = 'source_id'
            """)
        {
            if case .text(let table) = row[0], !notFacts.contains(table) { citing.append(table) }
        }
        #expect(citing.count >= 12, "\(citing)")
        let expected = try db.firstValue(
            "SELECT " + citing.map { "(SELECT count(*) FROM \($0) WHERE source_id IN (SELECT id FROM sources))" }.joined(separator: " + "))
        #expect(try db.firstValue("SELECT sum(facts) FROM source_usage") == expected)
        let clusters = try rows(Reports(db: db).query("source_usage", filters: [try Filter.parse("source_id=epoch-gpu-clusters")]))
        let columns = try Reports(db: db).query("source_usage").columnNames
        guard let other = columns.firstIndex(of: "other_facts"), let row = clusters.first else {
            Issue.record("no other_facts or no Epoch source"); return
        }
        #expect(row[other] == (try db.firstValue("SELECT count(*) FROM gpu_clusters WHERE source_id = 'epoch-gpu-clusters'")))
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let db = try seededDatabase()
        let report = #expect(throws: KnowledgeBaseError.self) { try Reports(db: db).query("circular_financng") }
        #expect(report?.message.contains("did you mean circular_financing") == true)
        let column = #expect(throws: KnowledgeBaseError.self) {
            try Reports(db: db).query("nvidia_portfolio", filters: [try Filter.parse("compnay=OpenAI")])
        }
        #expect(column?.message == "report nvidia_portfolio has no column \"compnay\"; did you mean company? (aikb report show nvidia_portfolio lists them)")
        #expect(throws: KnowledgeBaseError.self) { try Filter.parse("no operator here") }
    }

    @Test func injectionThroughValuesAndNamesDoesNothing() throws {
        let db = try seededDatabase()
        let reports = Reports(db: db)
        let before = try db.firstValue("SELECT count(*) FROM companies")
        for value in ["x' OR '1'='1", "x\"; DROP TABLE companies; --", "') OR 1=1 --"] {
            // A company column: the value is a name that names no company, an error before anything runs.
            #expect(throws: KnowledgeBaseError.self) {
                try reports.query("nvidia_portfolio", filters: [Filter(column: "company", op: .equal, value: value)])
            }
            #expect(try rows(reports.query("nvidia_portfolio", filters: [Filter(column: "company", op: .contains, value: value)])).isEmpty)
            #expect(try rows(reports.query("nvidia_rounds", filters: [Filter(column: "round_type", op: .equal, value: value)])).isEmpty)
        }
        #expect(throws: KnowledgeBaseError.self) { try reports.query("nvidia_portfolio; DROP TABLE companies") }
        #expect(throws: KnowledgeBaseError.self) {
            try reports.query("nvidia_portfolio", filters: [Filter(column: "company\" = company OR \"x", op: .equal, value: "1")])
        }
        #expect(throws: KnowledgeBaseError.self) { try reports.query("nvidia_portfolio", orderBy: ["1; DROP TABLE companies"]) }
        #expect(try db.firstValue("SELECT count(*) FROM companies") == before)
    }

    @Test func savedReportsAreViewsBesideTheBuiltInOnes() throws {
        let db = try seededDatabase()
        let reports = Reports(db: db)
        try reports.save(
            name: "big_deals", sql: "SELECT kind, value_usd FROM supply_deals WHERE value_usd >= 5e9 ORDER BY value_usd DESC;",
            title: "Big deals", description: "Supply deals of $5B or more")
        #expect(try reports.list().contains { $0.name == "big_deals" && !$0.builtin && $0.title == "Big deals" })
        let first = try rows(reports.query("big_deals", limit: 1))
        #expect(first == [[.text("joint_venture"), .integer(500_000_000_000)]])  // Stargate LLC's intended $500B
        #expect(try db.firstValue("SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name = 'big_deals'") == .integer(1))
        #expect(try reports.columns(of: "big_deals").map(\.name) == ["kind", "value_usd"])

        let bad = #expect(throws: KnowledgeBaseError.self) { try reports.save(name: "broken", sql: "SELEC 1", title: nil, description: nil) }
        #expect(bad?.message.contains("near \"SELEC\": syntax error") == true)
        #expect(throws: KnowledgeBaseError.self) { try reports.save(name: "writer", sql: "DELETE FROM companies", title: nil, description: nil) }
        #expect(throws: KnowledgeBaseError.self) { try reports.save(name: "two", sql: "SELECT 1; DROP TABLE companies", title: nil, description: nil) }
        #expect(throws: KnowledgeBaseError.self) { try reports.save(name: "Bad-Name", sql: "SELECT 1", title: nil, description: nil) }
        #expect(throws: KnowledgeBaseError.self) { try reports.save(name: "circular_financing", sql: "SELECT 1", title: nil, description: nil) }
        #expect(throws: KnowledgeBaseError.self) { try reports.save(name: "companies", sql: "SELECT 1", title: nil, description: nil) }

        #expect(throws: KnowledgeBaseError.self) { try reports.drop(name: "circular_financing") }
        try reports.drop(name: "big_deals")
        #expect(try !reports.list().contains { $0.name == "big_deals" })
        #expect(try db.firstValue("SELECT count(*) FROM report_columns WHERE report = 'big_deals'") == .integer(0))
    }

    @Test func companyScopedQueriesUseIndexes() throws {
        let db = try seededDatabase()
        func plan(_ sql: String) throws -> String {
            try db.allRows("EXPLAIN QUERY PLAN " + sql).map { "\($0[3])" }.joined(separator: "\n")
        }
        // NVIDIA's rounds start from its row and its investor index, never a scan of all participations.
        let rounds = try plan("SELECT * FROM nvidia_rounds WHERE company = 'OpenAI'")
        #expect(rounds.contains("round_investors_by_investor"), "\(rounds)")
        #expect(!rounds.contains("SCAN ri"), "\(rounds)")
        // Flows of one company start from its name; of one group from its members.
        let flows = try plan("SELECT * FROM money_flows WHERE payer = 'CoreWeave'")
        #expect(flows.contains("companies_by_name") && flows.contains("round_investors_by_investor"), "\(flows)")
        let group = try plan("SELECT * FROM money_flows WHERE payee_group = 'Alphabet'")
        #expect(group.contains("company_groups_by_group") && !group.contains("SCAN ri"), "\(group)")
        let portfolio = try plan("SELECT * FROM nvidia_portfolio")
        #expect(portfolio.contains("round_investors_by_investor") && !portfolio.contains("SCAN ri"), "\(portfolio)")
        let commitments = try plan("SELECT * FROM commitments WHERE company = 'OpenAI'")
        #expect(commitments.contains("companies_by_name") && !commitments.contains("SCAN ri") && !commitments.contains("SCAN d"), "\(commitments)")
        let edges = try plan("SELECT * FROM ecosystem_edges WHERE from_company = 'NVIDIA'")
        #expect(edges.contains("USING INDEX"), "\(edges)")
        let usage = try plan("SELECT * FROM source_usage WHERE source_id = 'S15'")
        #expect(usage.contains("funding_rounds_by_source"), "\(usage)")
    }

    /// Migration 0017: portfolio's latest valuation is read from the end of the company's
    /// rounds index, with no sort per pair, undated rounds last, and a tie on the date
    /// going to the later-recorded round.
    @Test func portfolioTakesTheLatestValuationFromTheIndex() throws {
        let db = try seededDatabase()
        try db.execute("INSERT INTO companies (name, kind, sector_id, source_id) VALUES ('Valued Co', 'startup', 'ai_infrastructure', 'S00')")
        let company = try db.firstValue("SELECT id FROM companies WHERE name = 'Valued Co'") ?? .null
        let rounds: [(String, String, Value, Int64)] = [
            ("valued-a", "series_a", .text("2025-03-01"), 1_000_000_000), ("valued-b", "series_b", .text("2025-03-01"), 2_000_000_000),
            ("valued-c", "series_c", .null, 9_000_000_000), ("valued-d", "seed", .text("2024-01-01"), 500_000_000),
        ]
        for (id, type, date, valuation) in rounds {
            try db.execute(
                """
                INSERT INTO funding_rounds (external_id, company_id, round_type, announced_on, post_money_valuation_usd, source_id)
                VALUES (:id, :company, :type, :date, :valuation, 'S00')
                """, binding: ["id": .text(id), "company": company, "type": .text(type), "date": date, "valuation": .integer(valuation)])
        }
        try db.execute(
            """
            INSERT INTO round_investors (round_id, investor_id, source_id)
            VALUES ((SELECT id FROM funding_rounds WHERE external_id = 'valued-d'), (SELECT id FROM companies WHERE name = 'NVIDIA'), 'S00')
            """)
        let statement = try Reports(db: db).query(
            "portfolio", filters: [try Filter.parse("investor=NVIDIA"), try Filter.parse("company=Valued Co")])
        let names = statement.columnNames
        let found = try rows(statement).map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
        #expect(found.count == 1)
        #expect(found.first?["latest_valuation_usd"] == .integer(2_000_000_000), "\(found)")
        #expect(found.first?["latest_valuation_on"] == .text("2025-03-01"))
        // One temporary b-tree for ORDER BY is left: the pair's rounds in date order, undated last.
        let plan = try db.allRows("EXPLAIN QUERY PLAN SELECT * FROM portfolio WHERE investor = 'NVIDIA'").map { "\($0[3])" }
        #expect(plan.filter { $0.contains("TEMP B-TREE FOR ORDER BY") }.count == 1, "\(plan)")
    }
}
