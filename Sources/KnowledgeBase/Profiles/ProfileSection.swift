/// The sections of a company's profile (`aikb company NAME`): one SELECT each, `:id`
/// the company, ordered as the profile shows them.
///
/// A company that has units speaks for them: its rounds, investments, flows, claims
/// and sources include theirs (the unit is named on each row); a unit speaks for
/// itself and the units under it. Flows are summed per counterparty group, the way
/// money_loops counts them. Every query starts from the company's own rows and
/// indexes, never from a scan of a whole table. The profile index (ProfileIndex) keeps
/// the rows of the costliest sections for the companies with most flows, filled by
/// these same statements.
public struct ProfileSection: Sendable {
    /// company, rounds, investments, flows, loops, claims, sources.
    public let name: String
    /// The section's title; nil for the company's own, titled by its name.
    public let title: String?
    /// Units of the columns, for people.
    public let units: [String: String]
    /// The SQL, given the LIMIT clause ("" for every row).
    private let text: @Sendable (_ limit: String) -> String

    init(name: String, title: String?, units: [String: String], text: @escaping @Sendable (_ limit: String) -> String) {
        self.name = name
        self.title = title
        self.units = units
        self.text = text
    }

    /// The SELECT, `:id` the company, with at most `limit` rows when given.
    public func sql(limit: Int? = nil) -> String {
        text(limit.map { " LIMIT \($0)" } ?? "")
    }

    /// The section called `name`, if there is one.
    public static func named(_ name: String) -> ProfileSection? {
        all.first { $0.name == name }
    }

    /// The company and the companies under it, as a CTE.
    static let members = """
        WITH RECURSIVE members(id) AS (
            SELECT :id
            UNION
            SELECT c.id FROM members m JOIN companies c ON c.parent_id = m.id
        )
        """

    /// Every section, in the profile's order.
    public static let all: [ProfileSection] = [
        ProfileSection(
            name: "company", title: nil,
            units: ["founded_on": "date", "ipo_on": "date"]
        ) { limit in
            """
            SELECT c.name, '#' || c.id AS id, c.kind, c.sector_id AS sector, c.origin, c.country_code, c.status,
                   c.founded_on, c.ipo_on,
                   CASE WHEN g.id <> c.id THEN g.name END AS "group",
                   p.name AS parent,
                   (SELECT group_concat(u.name, '; ') FROM companies u WHERE u.parent_id = c.id) AS units,
                   (SELECT group_concat(alias, '; ') FROM company_aliases WHERE company_id = c.id) AS aliases,
                   (SELECT group_concat(scheme || ':' || external_id, '; ') FROM company_external_ids WHERE company_id = c.id)
                       AS external_ids,
                   c.homepage_url, c.description, c.notes, c.source_id
            FROM companies c
            JOIN company_groups m ON m.company_id = c.id
            JOIN companies g ON g.id = m.group_id
            LEFT JOIN companies p ON p.id = c.parent_id
            WHERE c.id = :id
            """ + limit
        },
        ProfileSection(
            name: "rounds", title: "Rounds raised",
            units: ["announced_on": "date", "amount_usd": "usd", "post_money_valuation_usd": "usd"]
        ) { limit in
            members + """
            SELECT CASE WHEN r.company_id <> :id THEN c.name END AS unit, coalesce(r.external_id, 'round ' || r.id) AS round_id,
                   r.round_type, r.announced_on, r.status, r.amount_usd, r.post_money_valuation_usd,
                   (SELECT group_concat(i.name, '; ') FROM round_investors ri JOIN companies i ON i.id = ri.investor_id
                    WHERE ri.round_id = r.id AND ri.is_lead = 1) AS leads,
                   (SELECT group_concat(i.name, '; ') FROM round_investors ri JOIN companies i ON i.id = ri.investor_id
                    WHERE ri.round_id = r.id AND ri.is_lead = 0) AS investors,
                   r.source_id
            FROM members m
            CROSS JOIN funding_rounds r ON r.company_id = m.id
            JOIN companies c ON c.id = r.company_id
            ORDER BY r.announced_on IS NULL, r.announced_on DESC
            """ + limit
        },
        ProfileSection(
            name: "investments", title: "Investments made",
            units: ["announced_on": "date", "round_amount_usd": "usd", "own_amount_usd": "usd"]
        ) { limit in
            members + """
            SELECT c.name AS company, CASE WHEN ri.investor_id <> :id THEN i.name END AS unit,
                   coalesce(r.external_id, 'round ' || r.id) AS round_id, r.round_type, r.announced_on, r.status,
                   r.amount_usd AS round_amount_usd, ri.amount_usd AS own_amount_usd,
                   CASE WHEN ri.lead_disputed = 1 THEN 'disputed' WHEN ri.is_lead = 1 THEN 'yes' ELSE 'no' END AS led,
                   ri.source_id
            FROM members m
            CROSS JOIN round_investors ri ON ri.investor_id = m.id
            JOIN funding_rounds r ON r.id = ri.round_id
            JOIN companies c ON c.id = r.company_id
            JOIN companies i ON i.id = ri.investor_id
            ORDER BY r.announced_on IS NULL, r.announced_on DESC
            """ + limit
        },
        // Flows out and in, per counterparty group: the deals and relationships are read
        // through their supplier/customer (from/to) indexes.
        ProfileSection(
            name: "flows", title: "Money flows by counterparty",
            units: ["facts": "count", "amount_usd": "usd"]
        ) { limit in
            members + """
            , flows AS (
                SELECT 'out' AS direction, f.payee_id AS other, f.flow, f.amount_usd, f.counted, f.status
                FROM members m CROSS JOIN equity_flows f ON f.payer_id = m.id
                UNION ALL
                SELECT 'in', f.payer_id, f.flow, f.amount_usd, f.counted, f.status
                FROM members m CROSS JOIN equity_flows f ON f.payee_id = m.id
                UNION ALL
                SELECT CASE WHEN f.payer_id = m.id THEN 'out' ELSE 'in' END,
                       CASE WHEN f.payer_id = m.id THEN f.payee_id ELSE f.payer_id END, f.flow, f.amount_usd, f.counted, f.status
                FROM members m CROSS JOIN deal_flows f ON f.party_a = m.id OR f.party_b = m.id
                UNION ALL
                SELECT CASE WHEN f.payer_id = m.id THEN 'out' ELSE 'in' END,
                       CASE WHEN f.payer_id = m.id THEN f.payee_id ELSE f.payer_id END, f.flow, f.amount_usd, f.counted, f.status
                FROM members m CROSS JOIN relationship_flows f ON f.party_a = m.id OR f.party_b = m.id
            ),
            -- Summed per counterparty group first, under names of their own: in an ORDER BY
            -- term that is an expression (amount_usd IS NULL), SQLite takes a name from the
            -- FROM clause before the result's aliases, so ordering the grouped rows by
            -- "amount_usd IS NULL" read one flow's amount, not the sum's.
            totals AS (
                SELECT f.direction, cg.group_id AS counterparty_group,
                       replace(group_concat(DISTINCT f.flow), ',', ', ') AS flows, count(*) AS facts,
                       sum(CASE WHEN f.counted = 1 AND f.status IS NOT 'cancelled' THEN f.amount_usd END) AS total_usd,
                       replace(group_concat(DISTINCT f.status), ',', ', ') AS statuses
                FROM flows f
                JOIN company_groups cg ON cg.company_id = f.other
                WHERE f.other NOT IN (SELECT id FROM members)
                GROUP BY f.direction, cg.group_id
            )
            SELECT t.direction, g.name AS counterparty, t.flows, t.facts, t.total_usd AS amount_usd, t.statuses
            FROM totals t
            JOIN companies g ON g.id = t.counterparty_group
            ORDER BY t.direction DESC, t.total_usd IS NULL, t.total_usd DESC, g.name
            """ + limit
        },
        // The loops of the company's group, from the loop index: the companies in order and
        // each leg's flows (money_loops has the amounts), only for the loops shown.
        ProfileSection(
            name: "loops", title: "Money loops",
            units: ["length": "count"]
        ) { limit in
            """
            SELECT i.loop_id,
                   (SELECT group_concat(name, ' → ') FROM (
                        SELECT c.name FROM money_loop_index_legs l JOIN companies c ON c.id = l.payer_group
                        WHERE l.loop_id = i.loop_id ORDER BY l.leg)) AS companies,
                   i.length,
                   (SELECT group_concat(flows, ' | ') FROM (
                        SELECT (SELECT replace(group_concat(DISTINCT flow), ',', '+') FROM (
                                    SELECT f.flow FROM money_loop_index_flows e
                                    JOIN equity_flows f ON f.fact_rowid = e.fact_rowid AND f.payer_id = e.payer_id
                                    WHERE e.payer_group = l.payer_group AND e.payee_group = l.payee_group AND e.fact_table = 'round_investors'
                                    UNION ALL
                                    SELECT f.flow FROM money_loop_index_flows e JOIN deal_flows f ON f.fact_rowid = e.fact_rowid
                                    WHERE e.payer_group = l.payer_group AND e.payee_group = l.payee_group AND e.fact_table = 'supply_deals'
                                    UNION ALL
                                    SELECT f.flow FROM money_loop_index_flows e JOIN relationship_flows f ON f.fact_rowid = e.fact_rowid
                                    WHERE e.payer_group = l.payer_group AND e.payee_group = l.payee_group AND e.fact_table = 'relationships'))
                               AS flows
                        FROM money_loop_index_legs l WHERE l.loop_id = i.loop_id ORDER BY l.leg)) AS legs
            FROM (SELECT i.* FROM money_loop_index i
                  WHERE i.loop_id IN (SELECT legs.loop_id FROM money_loop_index_legs legs
                                      JOIN company_groups m ON m.group_id = legs.payer_group WHERE m.company_id = :id)
                  ORDER BY i.length, i.loop_id\(limit)) i
            ORDER BY i.length, i.loop_id
            """
        },
        ProfileSection(
            name: "claims", title: "Claims",
            units: ["period_end": "date"]
        ) { limit in
            members + """
            SELECT cl.id AS claim_id, CASE WHEN cl.subject_id IN (SELECT id FROM members) THEN 'subject' ELSE 'counterparty' END AS role,
                   cl.metric, cl.value_text AS value, cl.unit, cl.period_end, cl.status,
                   (SELECT name FROM companies WHERE id = CASE WHEN cl.subject_id IN (SELECT id FROM members)
                                                          THEN cl.counterparty_id ELSE cl.subject_id END) AS other,
                   cl.source_id
            FROM claims cl
            WHERE cl.subject_id IN (SELECT id FROM members) OR cl.counterparty_id IN (SELECT id FROM members)
            ORDER BY cl.period_end IS NULL, cl.period_end DESC, cl.id
            """ + limit
        },
        // Every source the sections above cite, with how many of the company's facts cite it.
        ProfileSection(
            name: "sources", title: "Sources",
            units: ["facts": "count", "published_on": "date"]
        ) { limit in
            members + """
            , cited(source_id) AS (
                SELECT c.source_id FROM members m JOIN companies c ON c.id = m.id
                UNION ALL SELECT r.source_id FROM members m CROSS JOIN funding_rounds r ON r.company_id = m.id
                UNION ALL SELECT ri.source_id FROM members m CROSS JOIN round_investors ri ON ri.investor_id = m.id
                UNION ALL SELECT d.source_id FROM members m CROSS JOIN supply_deals d ON d.supplier_id = m.id
                UNION ALL SELECT d.source_id FROM members m CROSS JOIN supply_deals d ON d.customer_id = m.id
                UNION ALL SELECT rel.source_id FROM members m CROSS JOIN relationships rel ON rel.from_id = m.id
                UNION ALL SELECT rel.source_id FROM members m CROSS JOIN relationships rel ON rel.to_id = m.id
                UNION ALL SELECT cl.source_id FROM claims cl
                    WHERE cl.subject_id IN (SELECT id FROM members) OR cl.counterparty_id IN (SELECT id FROM members)
            )
            SELECT s.id AS source_id, count(*) AS facts, s.title, s.publisher, s.published_on, s.reliability, s.url
            FROM cited JOIN sources s ON s.id = cited.source_id
            GROUP BY s.id
            ORDER BY facts DESC, s.id
            """ + limit
        },
    ]
}
