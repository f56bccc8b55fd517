import KnowledgeBase
import SQLite
import Testing

/// The money web: which way money goes in every kind of fact, groups, and the loops.
@Suite struct MoneyWebTests {
    // MARK: The loop finder on graphs with known cycles

    @Test func everyCycleOnceFromItsSmallestNodeAndNoneLongerThanFive() {
        var finder = LoopFinder(maximumLength: 5)
        // A 3-cycle 1 → 2 → 3 → 1, its reverse 1 → 3 → 2 → 1 (another cycle: money goes the
        // other way round), which also makes the 2-cycles 2 ⇄ 3, 1 ⇄ 2 and 1 ⇄ 3.
        for (a, b) in [(1, 2), (2, 3), (3, 1), (1, 3), (3, 2), (2, 1)] { finder.add(from: Int64(a), to: Int64(b)) }
        // A 6-cycle 10 → 11 → ... → 15 → 10: too long.
        for node in 10...15 { finder.add(from: Int64(node), to: Int64(node == 15 ? 10 : node + 1)) }
        // A 5-cycle, entered from its third node's edges first: still reported from 20.
        for (a, b) in [(22, 23), (23, 24), (24, 20), (20, 21), (21, 22)] { finder.add(from: Int64(a), to: Int64(b)) }
        // A dead end and a self-loop: no cycle.
        finder.add(from: 1, to: 99)
        finder.add(from: 7, to: 7)
        // Duplicate edges count once.
        finder.add(from: 1, to: 2)
        let (cycles, complete) = finder.cycles()
        #expect(complete)
        #expect(cycles.sorted { $0.lexicographicallyPrecedes($1) } == [[1, 2], [1, 2, 3], [1, 3], [1, 3, 2], [2, 3], [20, 21, 22, 23, 24]])
    }

    @Test func theLimitStopsTheSearchAndSaysSo() {
        var finder = LoopFinder()
        for node in 0..<10 {
            finder.add(from: 100, to: Int64(node))
            finder.add(from: Int64(node), to: 100)
        }
        let (cycles, complete) = finder.cycles(limit: 4)
        #expect(cycles.count == 4)
        #expect(!complete)
    }

    // MARK: A synthetic knowledge base, through the real importer

    static let sources = "source_id,title\nT1,Test source\n"
    static let companies = """
        name,kind,parent
        Alpha,startup,
        Beta,startup,
        Gamma,startup,
        Delta,startup,
        Epsilon,startup,
        Phi,startup,
        U1,startup,
        U2,startup,
        U3,startup,
        U4,startup,
        U5,startup,
        U6,startup,
        Group,big_tech,
        Group Cloud,big_tech,Group
        Group Ventures,corporate_venture,Group

        """
    static let rounds = """
        round_id,company,round_type,announced_on,amount_usd,status,source_id
        delta-a,Delta,series_a,2024-01,100000000,closed,T1
        cloud-a,Group Cloud,series_a,2024-02,50000000,closed,T1
        epsilon-a,Epsilon,series_a,2024-03,80000000,committed,T1

        """
    static let investors = """
        round_id,investor,is_lead,amount_usd,source_id
        delta-a,Alpha,yes,40000000,T1
        cloud-a,Group Ventures,yes,,T1
        epsilon-a,Group Ventures,yes,30000000,T1

        """
    // In every kind here the customer pays the supplier.
    static let deals = """
        deal_id,supplier,customer,kind,value_usd,status,source_id,overlaps
        a-b,Beta,Alpha,purchase,10,signed,T1,
        b-c,Gamma,Beta,cloud_capacity,20,delivered,T1,
        b-c-again,Gamma,Beta,cloud_capacity,20,signed,T1,b-c
        c-a,Alpha,Gamma,lease,30,announced,T1,
        d-a,Alpha,Delta,purchase,,rumored,T1,
        u12,U2,U1,purchase,1,signed,T1,
        u23,U3,U2,purchase,1,signed,T1,
        u34,U4,U3,purchase,1,signed,T1,
        u45,U5,U4,purchase,1,signed,T1,
        u56,U6,U5,purchase,1,signed,T1,
        u61,U1,U6,purchase,1,signed,T1,
        inside,Group Cloud,Group Ventures,cloud_capacity,5,signed,T1,
        e-cloud,Group Cloud,Epsilon,cloud_capacity,7,signed,T1,
        phi-a,Phi,Alpha,purchase,9,signed,T1,
        a-phi,Alpha,Phi,purchase,9,cancelled,T1,

        """

    func syntheticDatabase() throws -> Database {
        let db = try migratedDatabase()
        let inputs: [Importer.Input] = [
            .bytes(name: "sources.csv", Array(Self.sources.utf8)), .bytes(name: "companies.csv", Array(Self.companies.utf8)),
            .bytes(name: "rounds.csv", Array(Self.rounds.utf8)), .bytes(name: "investors.csv", Array(Self.investors.utf8)),
            .bytes(name: "deals.csv", Array(Self.deals.utf8)),
        ]
        let result = try Importer(db: db, options: ImportOptions()).run(inputs)
        #expect(result.problemCount == 0, "\(result.problems)")
        return db
    }

    @Test func aSyntheticWebGivesExactlyItsLoops() throws {
        let db = try syntheticDatabase()
        // The importer refreshed the index before its commit.
        let loops = try db.allRows("SELECT companies, length, legs, smallest_leg_usd, unconfirmed_legs FROM money_loops")
        #expect(loops == [
            // Alpha invests in Delta, Delta buys from Alpha (only rumored, no amount).
            [.text("Alpha → Delta"), .integer(2), .text("equity | purchase"), .null, .integer(1)],
            // Group's unit invests in Epsilon (committed), Epsilon buys from another of its units;
            // what the units do with each other is no loop.
            [.text("Epsilon → Group"), .integer(2), .text("cloud_capacity | equity"), .integer(7), .integer(1)],
            // Once, not once per rotation; the repeated deal is a flow of its leg but not summed.
            [.text("Alpha → Beta → Gamma"), .integer(3), .text("purchase | cloud_capacity | lease"), .integer(10), .integer(1)],
        ])
        // The legs name the units where the group is not itself in the fact.
        let legs = try db.allRows(
            """
            SELECT leg, payer, payee, payer_unit, payee_unit, flow, amount_usd, counted, source_id FROM money_loop_legs
            WHERE loop_id IN (SELECT loop_id FROM money_loops WHERE companies = 'Epsilon → Group') ORDER BY leg
            """)
        #expect(legs == [
            [.integer(1), .text("Epsilon"), .text("Group"), .null, .text("Group Cloud"), .text("cloud_capacity"), .integer(7), .integer(1), .text("T1")],
            [.integer(2), .text("Group"), .text("Epsilon"), .text("Group Ventures"), .null, .text("equity"), .integer(30_000_000), .integer(1), .text("T1")],
        ])
        let repeated = try db.allRows(
            "SELECT fact_id, counted FROM money_loop_legs WHERE payer = 'Beta' ORDER BY fact_id")
        #expect(repeated == [[.text("b-c"), .integer(1)], [.text("b-c-again"), .integer(0)]])
        // The loop id is the groups' ids from the smallest, stable across refreshes.
        let ids = try db.strings("SELECT loop_id FROM money_loops")
        try db.transaction { try db.execute("DELETE FROM money_loop_index_state") }
        #expect(try db.transaction { try MoneyWeb.refresh(db) }.recomputed)
        #expect(try db.strings("SELECT loop_id FROM money_loops") == ids)
        let alpha = try db.firstValue("SELECT id FROM companies WHERE name = 'Alpha'")
        let delta = try db.firstValue("SELECT id FROM companies WHERE name = 'Delta'")
        if case .integer(let a)? = alpha, case .integer(let d)? = delta {
            #expect(ids.contains("\(min(a, d))-\(max(a, d))"))
        }
    }

    @Test func refreshIsCheapWhenNothingChangedAndSeesEveryChange() throws {
        let db = try syntheticDatabase()
        #expect(try MoneyWeb.isCurrent(db))
        #expect(try !db.transaction { try MoneyWeb.refresh(db) }.recomputed)
        // A change outside aikb (no refresh): the index says it is behind.
        try db.execute("UPDATE supply_deals SET status = 'cancelled' WHERE external_id = 'd-a'")
        #expect(try !MoneyWeb.isCurrent(db))
        let report = try db.transaction { try MoneyWeb.refresh(db) }
        #expect(report.recomputed)
        #expect(report.loops == 2)
        #expect(try MoneyWeb.isCurrent(db))
        // An import that adds a flow refreshes it itself.
        let deal = "deal_id,supplier,customer,kind,status,source_id\nd-a-2,Alpha,Delta,lease,signed,T1\n"
        #expect(try Importer(db: db, options: ImportOptions()).run([.bytes(name: "more.csv", Array(deal.utf8))]).problemCount == 0)
        #expect(try MoneyWeb.isCurrent(db))
        #expect(try db.firstValue("SELECT count(*) FROM money_loops") == .integer(3))
    }

    // MARK: Which way money goes, for every kind

    /// Who pays in each deal kind: "customer", "supplier" or nil (no money moves), and the flow.
    /// A kind added to deal_kinds without a line here fails.
    static let dealRules: [String: (payer: String, flow: String)?] = [
        "purchase": ("customer", "purchase"), "lease": ("customer", "lease"), "cloud_capacity": ("customer", "cloud_capacity"),
        "capacity_backstop": ("customer", "capacity_backstop"),  // the backstopper pays the provider
        "leaseback": ("customer", "leaseback"),  // the original seller pays to rent back
        "prepayment": ("customer", "prepayment"), "letter_of_intent": ("customer", "purchase"),
        "revenue_share": ("customer", "revenue_share"), "financing_lease": ("customer", "lease"),
        "infrastructure_lease": ("customer", "lease"), "supply_commitment": ("customer", "purchase"),
        "buildout_support": nil, "co_development": nil,
        "warrant": ("supplier", "warrant"),  // the issuer gives the holder equity, in kind
        "financing": ("supplier", "financing"),  // the lender provides the money
        "joint_venture": ("customer", "equity"),  // the member pays into the joint venture
        "acquisition": ("customer", "acquisition"),  // the acquirer pays for the company bought
    ]

    static let relationshipRules: [String: (payer: String, flow: String)?] = [
        "investor_in": ("from", "equity"), "supplier_of": ("to", "purchase"), "customer_of": ("from", "purchase"),
        "partner_of": nil, "backstops": ("from", "capacity_backstop"), "leases_to": ("to", "lease"), "spun_out_of": nil,
        "acquired": ("from", "acquisition"), "acquisition_talks": nil, "divested": nil,
    ]

    @Test func flowsPointTheWayMoneyMovesForEveryKind() throws {
        let db = try migratedDatabase()
        try db.execute(
            """
            INSERT INTO sources (id, title) VALUES ('T1', 'Test');
            INSERT INTO companies (name) VALUES ('Supplier'), ('Customer'), ('From'), ('To'), ('Investor'), ('Startup');
            """)
        let dealKinds = try db.strings("SELECT id FROM deal_kinds ORDER BY id")
        #expect(Set(dealKinds) == Set(Self.dealRules.keys), "a deal kind without a rule here, or a rule for no kind")
        for kind in dealKinds {
            try db.execute(
                """
                INSERT INTO supply_deals (supplier_id, customer_id, kind, source_id, external_id)
                SELECT s.id, c.id, :kind, 'T1', :kind FROM companies s, companies c WHERE s.name = 'Supplier' AND c.name = 'Customer'
                """, binding: ["kind": .text(kind)])
            let flows = try db.allRows(
                "SELECT payer, payee, flow FROM money_flows WHERE fact_table = 'supply_deals' AND kind = :kind",
                binding: ["kind": .text(kind)])
            switch Self.dealRules[kind] ?? nil {
            case nil:
                #expect(flows.isEmpty, "\(kind) moves no money")
            case let rule?:
                let (payer, payee) = rule.payer == "customer" ? ("Customer", "Supplier") : ("Supplier", "Customer")
                #expect(flows == [[.text(payer), .text(payee), .text(rule.flow)]], "\(kind)")
            }
        }
        let relationshipKinds = try db.strings("SELECT id FROM relationship_kinds ORDER BY id")
        #expect(Set(relationshipKinds) == Set(Self.relationshipRules.keys), "a relationship kind without a rule here")
        for kind in relationshipKinds {
            try db.execute(
                """
                INSERT INTO relationships (from_id, to_id, kind, source_id)
                SELECT f.id, t.id, :kind, 'T1' FROM companies f, companies t WHERE f.name = 'From' AND t.name = 'To'
                """, binding: ["kind": .text(kind)])
            let flows = try db.allRows(
                "SELECT payer, payee, flow FROM money_flows WHERE fact_table = 'relationships' AND kind = :kind",
                binding: ["kind": .text(kind)])
            switch Self.relationshipRules[kind] ?? nil {
            case nil:
                #expect(flows.isEmpty, "\(kind) moves no money")
            case let rule?:
                let (payer, payee) = rule.payer == "from" ? ("From", "To") : ("To", "From")
                #expect(flows == [[.text(payer), .text(payee), .text(rule.flow)]], "\(kind)")
            }
        }
        // Equity: from the investor to the company, a closed round read as delivered.
        try db.execute(
            """
            INSERT INTO funding_rounds (company_id, round_type, amount_usd, source_id) SELECT id, 'seed', 5000000, 'T1' FROM companies WHERE name = 'Startup';
            INSERT INTO round_investors (round_id, investor_id, source_id)
            SELECT r.id, i.id, 'T1' FROM funding_rounds r, companies i WHERE i.name = 'Investor';
            """)
        #expect(try db.allRows("SELECT payer, payee, flow, amount_usd, round_amount_usd, status FROM money_flows WHERE fact_table = 'round_investors'")
            == [[.text("Investor"), .text("Startup"), .text("equity"), .null, .integer(5_000_000), .text("delivered")]])
        // Every flow has its kind documented.
        #expect(try db.firstValue(
            """
            SELECT count(*) FROM (SELECT flow FROM deal_kinds UNION SELECT flow FROM relationship_kinds UNION SELECT 'equity')
            WHERE flow IS NOT NULL AND flow NOT IN (SELECT id FROM money_flow_kinds)
            """) == .integer(0))
    }

    // MARK: Groups, kept by triggers, and the search index, kept by aikb

    @Test func groupsFollowEveryChangeOfParent() throws {
        let db = try migratedDatabase()
        try db.execute("INSERT INTO companies (id, name) VALUES (1, 'Top'), (2, 'Middle'), (3, 'Leaf'), (4, 'Other')")
        func groups() throws -> [[Value]] { try db.allRows("SELECT company_id, group_id, depth FROM company_groups ORDER BY 1") }
        #expect(try groups() == [[.integer(1), .integer(1), .integer(0)], [.integer(2), .integer(2), .integer(0)],
                                 [.integer(3), .integer(3), .integer(0)], [.integer(4), .integer(4), .integer(0)]])
        try db.execute("UPDATE companies SET parent_id = 2 WHERE id = 3; UPDATE companies SET parent_id = 1 WHERE id = 2")
        #expect(try groups() == [[.integer(1), .integer(1), .integer(0)], [.integer(2), .integer(1), .integer(1)],
                                 [.integer(3), .integer(1), .integer(2)], [.integer(4), .integer(4), .integer(0)]])
        // Moving the middle moves what is under it.
        try db.execute("UPDATE companies SET parent_id = 4 WHERE id = 2")
        #expect(try groups()[1...2] == [[.integer(2), .integer(4), .integer(1)], [.integer(3), .integer(4), .integer(2)]])
        try db.execute("UPDATE companies SET parent_id = NULL WHERE id = 2; DELETE FROM companies WHERE id = 1")
        #expect(try groups() == [[.integer(2), .integer(2), .integer(0)], [.integer(3), .integer(2), .integer(1)], [.integer(4), .integer(4), .integer(0)]])
        // A new unit of a unit joins the top.
        try db.execute("INSERT INTO companies (id, name, parent_id) VALUES (5, 'New', 3)")
        #expect(try db.allRows("SELECT group_id, depth FROM company_groups WHERE company_id = 5") == [[.integer(2), .integer(2)]])
    }

    @Test func theSearchIndexFollowsNamesAliasesDealsAndNotes() throws {
        let db = try migratedDatabase()
        func found(_ text: String) throws -> [Int64] {
            try db.allRows("SELECT rowid FROM search_index WHERE search_index MATCH :q ORDER BY rowid", binding: ["q": .text("\"\(text)\"")])
                .compactMap { if case .integer(let id) = $0[0] { id } else { nil } }
        }
        try db.execute(
            """
            INSERT INTO sources (id, title) VALUES ('T1', 'Test');
            INSERT INTO companies (id, name, notes) VALUES (1, 'Zephyr Compute', 'formerly a miner'), (2, 'Other', NULL);
            INSERT INTO company_aliases (alias, company_id) VALUES ('ZC Cloud', 1);
            INSERT INTO supply_deals (id, supplier_id, customer_id, kind, deal_label, source_id) VALUES (7, 1, 2, 'lease', 'Polar site', 'T1');
            """)
        // The triggers note the documents (not the FTS5 table: trusted_schema is OFF);
        // the update at a run's close indexes them and clears the notes.
        func pending() throws -> [[Value]] { try db.allRows("SELECT doc FROM search_pending ORDER BY doc") }
        #expect(try pending() == [[.integer(2)], [.integer(4)], [.integer(15)]])
        #expect(try found("phyr").isEmpty)
        try SearchIndex.update(db)
        #expect(try pending().isEmpty)
        #expect(try found("phyr") == [2])
        #expect(try found("zc clo") == [2])
        #expect(try found("miner") == [2])
        #expect(try found("olar si") == [15])
        try db.execute("UPDATE companies SET name = 'Aurora' WHERE id = 1; DELETE FROM company_aliases WHERE alias = 'ZC Cloud'")
        #expect(try pending() == [[.integer(2)]])
        try SearchIndex.update(db)
        #expect(try found("phyr").isEmpty)
        #expect(try found("zc clo").isEmpty)
        #expect(try found("aurora") == [2])
        try db.execute("DELETE FROM supply_deals WHERE id = 7")
        try SearchIndex.update(db)
        #expect(try found("olar si").isEmpty)
    }
}
