import SQLite
import Support

/// The loop index behind `money_loops`: every cycle of 2 to 5 groups in the money
/// flows, kept in `money_loop_index*` tables because finding cycles among millions of
/// participations cannot be done by a view in under a second.
///
/// `refresh` is called at the end of every aikb run that writes, inside its
/// transaction (Runs.close calls it, so every import, sql --write, undo and migration does). It costs a few
/// index lookups when nothing loops are made of has changed since the last refresh
/// (the signature: row counts, highest ids, the newest history row); otherwise it
/// recomputes the index; the report indexes (ReportIndexes) likewise, each by the
/// tables it is made of. A change made outside aikb shows in the signature, and
/// `isCurrent` says so to readers.
public enum MoneyWeb {
    /// What a refresh did.
    public struct RefreshReport: Sendable, Equatable {
        /// false when nothing loops are made of had changed.
        public var recomputed: Bool
        public var loops: Int
        /// false when the search stopped at `maximumLoops`.
        public var complete: Bool
        /// Groups and edges left after pruning (the graph cycles were searched in).
        public var edges: Int
        /// The report indexes filled anew (those whose tables had changed).
        public var reportIndexes: [String] = []
        /// The companies whose profiles were kept anew (ProfileIndex); nil when they were up to date.
        public var keptProfiles: Int?
    }

    /// The most loops the index holds; past it, the index says it is incomplete.
    public static let maximumLoops = 1_000_000
    /// Loops of more companies than this are not looked for.
    public static let longestLoop = 5

    /// The tables whose changes can change the loops.
    static let tables = ["companies", "funding_rounds", "round_investors", "supply_deals", "relationships"]

    /// Brings the loop index and the report indexes up to date, in the caller's
    /// transaction (or its own): each is recomputed only when the tables it is made of
    /// changed since it was computed, or, with `force`, all of them.
    @discardableResult
    public static func refresh(_ db: Database, force: Bool = false) throws -> RefreshReport {
        let readings = SourceSignature.Readings()
        let now = try SourceSignature.read(of: tables, in: db, readings: readings)
        var report: RefreshReport
        if !force, let stored = try storedState(db), try now.isUnchanged(since: stored.signature, historyID: stored.historyID, in: db) {
            // Nothing since the stored state mattered (notes, say, or a new company): start
            // the next look from now, so what was read is not read again at every close.
            if stored.historyID != now.historyID || stored.signature != now.text {
                try db.execute(
                    "UPDATE money_loop_index_state SET signature = :signature, history_id = :history WHERE id = 1",
                    binding: ["signature": .text(now.text), "history": .integer(now.historyID)])
            }
            report = RefreshReport(recomputed: false, loops: stored.loops, complete: stored.complete, edges: 0)
        } else {
            report = try recompute(db, signature: now)
        }
        report.reportIndexes = try ReportIndexes.refresh(db, force: force, readings: readings)
        report.keptProfiles = try ProfileIndex.refresh(db, force: force, readings: readings)
        return report
    }

    /// Makes the current run's close recompute the loops, the report indexes and the kept profiles made of
    /// `tables` (all of them when nil), for a write whose changes no signature may see:
    /// an INSERT can put a row under a table's highest rowid with an old created_run (a
    /// copy put back, or an undo restoring what a run deleted), and an INSERT OR REPLACE
    /// deletes the row it replaces without any trigger recording it.
    public static func recomputeAtClose(_ db: Database, madeOf tables: Set<String>? = nil) throws {
        for index in try ReportIndexes.all(db) where tables.map({ !$0.isDisjoint(with: index.reads) }) ?? true {
            try db.execute("UPDATE report_indexes SET signature = NULL WHERE index_table = :table", binding: ["table": .text(index.table)])
        }
        if tables.map({ !$0.isDisjoint(with: Self.tables) }) ?? true {
            try db.execute("DELETE FROM money_loop_index_state")
        }
        try ProfileIndex.recomputeAtClose(db, madeOf: tables)
    }

    /// True when the index matches the knowledge tables as far as a reader can tell
    /// cheaply: highest ids and history, not round_investors' row count (reading it
    /// costs 50 ms at 5M rows). A participation added outside aikb to a round that was
    /// there before shows at the next refresh.
    public static func isCurrent(_ db: Database) throws -> Bool {
        guard let stored = try storedState(db) else { return false }
        return try SourceSignature.read(of: tables, in: db, counting: false)
            .isCurrent(since: stored.signature, historyID: stored.historyID, in: db)
    }

    /// Whether the last computation stopped at its limit.
    public static func isComplete(_ db: Database) throws -> Bool {
        try storedState(db)?.complete ?? true
    }

    // MARK: State

    struct State {
        var signature: String
        var historyID: Int64
        var loops: Int
        var complete: Bool
    }

    static func storedState(_ db: Database) throws -> State? {
        try db.prepare("SELECT signature, history_id, loops, complete FROM money_loop_index_state WHERE id = 1").firstRow {
            State(signature: $0.string(at: 0), historyID: $0.int64(at: 1), loops: Int($0.int64(at: 2)), complete: $0.int64(at: 3) == 1)
        }
    }

    // MARK: Computing

    /// A flow as the index keeps it: its fact, and who pays as the fact names it.
    struct FlowKey: Hashable {
        let table: String
        let rowid: Int64
        let payer: Int64
    }

    struct GroupPair: Hashable {
        let payer: Int64
        let payee: Int64
    }

    static func recompute(_ db: Database, signature: SourceSignature) throws -> RefreshReport {
        var flows: [GroupPair: [FlowKey]] = [:]
        // Deals and relationships: few; all of them.
        let others = try db.prepare(
            """
            SELECT gp.group_id, gq.group_id, f.fact_table, f.fact_rowid, f.payer_id
            FROM (SELECT payer_id, payee_id, status, fact_table, fact_rowid FROM deal_flows
                  UNION ALL
                  SELECT payer_id, payee_id, status, fact_table, fact_rowid FROM relationship_flows) f
            JOIN company_groups gp ON gp.company_id = f.payer_id
            JOIN company_groups gq ON gq.company_id = f.payee_id
            WHERE gp.group_id <> gq.group_id AND f.status IS NOT 'cancelled'
            """)
        var payers = Set<Int64>()
        var payees = Set<Int64>()
        try others.forEachRow { row in
            let pair = GroupPair(payer: row.int64(at: 0), payee: row.int64(at: 1))
            flows[pair, default: []].append(FlowKey(table: row.string(at: 2), rowid: row.int64(at: 3), payer: row.int64(at: 4)))
            payers.insert(pair.payer)
            payees.insert(pair.payee)
        }

        // Equity G → H can close a loop only when H pays someone (a deal, a
        // relationship, or equity of its own) and G is paid (a deal, a relationship, or a
        // round it raised). Such edges are read from the paying side: the rounds of every
        // group that pays and who invested in them, from funding_rounds_by_company and
        // round_investors' key alone, keeping the investors whose group is paid. The
        // distinct investors are read by seeking from one to the next in
        // round_investors_by_investor.
        let investorGroups = try db.prepare(
            """
            WITH RECURSIVE investor(id) AS (
                SELECT min(investor_id) FROM round_investors
                UNION ALL
                SELECT (SELECT min(investor_id) FROM round_investors WHERE investor_id > investor.id)
                FROM investor WHERE investor.id IS NOT NULL
            )
            SELECT DISTINCT g.group_id FROM investor JOIN company_groups g ON g.company_id = investor.id
            """)
        var investors = Set<Int64>()
        try investorGroups.forEachRow { investors.insert($0.int64(at: 0)) }
        // Groups with units; every other group is its one company.
        let grouped = Set(try db.allRows("SELECT DISTINCT group_id FROM company_groups WHERE depth > 0").compactMap { row -> Int64? in
            if case .integer(let id) = row[0] { return id }
            return nil
        })
        let members = try db.prepare("SELECT company_id FROM company_groups WHERE group_id = :group", persistent: true)
        func companies(of group: Int64) throws -> [Int64] {
            guard grouped.contains(group) else { return [group] }
            var ids: [Int64] = []
            try members.forEachRow(binding: ["group": .integer(group)]) { ids.append($0.int64(at: 0)) }
            return ids
        }
        let investedIn = try db.prepare(
            """
            SELECT r.id, ri.investor_id FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
            WHERE r.company_id = :company AND r.status IS NOT 'cancelled'
            """,
            persistent: true)
        let company = try investedIn.parameter("company")
        let groupOf = try db.prepare("SELECT group_id FROM company_groups WHERE company_id = :id", persistent: true)
        let raisedAny = try db.prepare("SELECT EXISTS (SELECT 1 FROM funding_rounds WHERE company_id = :id)", persistent: true)
        var groups: [Int64: Int64] = [:]
        var paid: [Int64: Bool] = [:]
        func isPaid(_ group: Int64) throws -> Bool {
            if payees.contains(group) { return true }
            if let known = paid[group] { return known }
            var answer = false
            for id in try companies(of: group) where try raisedAny.firstRow(binding: ["id": .integer(id)], { $0.int64(at: 0) }) == 1 {
                answer = true
                break
            }
            paid[group] = answer
            return answer
        }
        for payee in payers.union(investors).sorted() {
            for member in try companies(of: payee) {
                var found: [(round: Int64, investor: Int64)] = []
                try investedIn.bind(member, to: company)
                try investedIn.forEachRow { found.append(($0.int64(at: 0), $0.int64(at: 1))) }
                for (round, investor) in found {
                    let group: Int64
                    if let known = groups[investor] {
                        group = known
                    } else {
                        group = try groupOf.firstRow(binding: ["id": .integer(investor)]) { $0.int64(at: 0) } ?? investor
                        groups[investor] = group
                    }
                    guard group != payee, try isPaid(group) else { continue }
                    flows[GroupPair(payer: group, payee: payee), default: []]
                        .append(FlowKey(table: "round_investors", rowid: round, payer: investor))
                }
            }
        }

        var finder = LoopFinder(maximumLength: longestLoop)
        for pair in flows.keys { finder.add(from: pair.payer, to: pair.payee) }
        let (cycles, complete) = finder.cycles(limit: maximumLoops)
        try write(cycles, flows: flows, db)
        try db.execute(
            """
            INSERT INTO money_loop_index_state (id, signature, history_id, loops, complete)
            VALUES (1, :signature, :history, :loops, :complete)
            ON CONFLICT (id) DO UPDATE SET signature = excluded.signature, history_id = excluded.history_id,
                loops = excluded.loops, complete = excluded.complete
            """,
            binding: [
                "signature": .text(signature.text), "history": .integer(signature.historyID),
                "loops": .integer(Int64(cycles.count)), "complete": .integer(complete ? 1 : 0),
            ])
        return RefreshReport(recomputed: true, loops: cycles.count, complete: complete, edges: flows.count)
    }

    /// The loop's id: its groups' ids from the smallest, joined by '-'.
    public static func loopID(_ groups: [Int64]) -> String {
        groups.map(String.init).joined(separator: "-")
    }

    private static func write(_ cycles: [[Int64]], flows: [GroupPair: [FlowKey]], _ db: Database) throws {
        try db.execute("DELETE FROM money_loop_index; DELETE FROM money_loop_index_legs; DELETE FROM money_loop_index_flows;")
        let loop = try db.prepare("INSERT INTO money_loop_index (loop_id, length) VALUES (:loop, :length)")
        let leg = try db.prepare(
            "INSERT INTO money_loop_index_legs (loop_id, leg, payer_group, payee_group) VALUES (:loop, :leg, :payer, :payee)")
        let flow = try db.prepare(
            """
            INSERT INTO money_loop_index_flows (payer_group, payee_group, fact_table, fact_rowid, payer_id)
            VALUES (:payer, :payee, :table, :rowid, :payer_id)
            """)
        var used = Set<GroupPair>()
        for cycle in cycles {
            let id = Value.text(loopID(cycle))
            try loop.execute(binding: ["loop": id, "length": .integer(Int64(cycle.count))])
            for (position, payer) in cycle.enumerated() {
                let payee = cycle[(position + 1) % cycle.count]
                used.insert(GroupPair(payer: payer, payee: payee))
                try leg.execute(binding: [
                    "loop": id, "leg": .integer(Int64(position + 1)), "payer": .integer(payer), "payee": .integer(payee),
                ])
            }
        }
        for pair in used {
            for key in Set(flows[pair] ?? []) {
                try flow.execute(binding: [
                    "payer": .integer(pair.payer), "payee": .integer(pair.payee), "table": .text(key.table),
                    "rowid": .integer(key.rowid), "payer_id": .integer(key.payer),
                ])
            }
        }
    }
}
