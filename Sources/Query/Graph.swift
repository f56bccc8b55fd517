import KnowledgeBase
import SQLite
import Support

/// The ecosystem as a graph: companies as nodes (by sector), the rows of the
/// `ecosystem_edges` report as edges, merged per pair and type and labelled with
/// their amounts; business units rolled up to their groups, and, where asked, only
/// the largest edges, so that the picture fits a screen. Rendered as Graphviz DOT
/// (`Graph+DOT.swift`) or Mermaid (`Graph+Mermaid.swift`).
public struct Graph: Sendable {
    public let nodes: [GraphNode]
    public let edges: [GraphEdge]
    /// Every sector a node has, with its name, in the order of the `sectors` table (for the legend).
    public let sectors: [(id: String, name: String)]
    /// Edges left out by `GraphOptions.top` (0 when none were).
    public let omittedEdges: Int

    /// The edge types, and the round, deal and relationship kinds, --kinds may name.
    static let edgeTypes = ["investment", "supply", "relationship"]

    /// A --kinds value as the knowledge base spells it (any case); an unknown one is an
    /// error naming the closest, not an empty graph.
    static func known(kind: String, in db: Database) throws -> String {
        var all = edgeTypes
        for table in ["round_types", "deal_kinds", "relationship_kinds"] {
            try db.prepare("SELECT id FROM \(table) ORDER BY id").forEachRow { all.append($0.string(at: 0)) }
        }
        if let match = all.first(where: { $0.lowercased() == kind.lowercased() }) { return match }
        throw KnowledgeBaseError(
            .invalidInput,
            "--kinds \(kind): not an edge type (\(edgeTypes.joined(separator: ", "))) or a round, deal or relationship kind"
                + Suggestions.hint(for: kind, among: all))
    }

    /// `resolved` hears how `--around`'s name was resolved where that is not plain
    /// (an alias, a misspelling, a unit of a group).
    public static func build(from db: Database, options: GraphOptions, resolved: (String) -> Void = { _ in }) throws -> Graph {
        if let problem = options.problem { throw KnowledgeBaseError(.invalidInput, problem) }
        var conditions: [String] = []
        var parameters = GeneratedParameters()
        if !options.kinds.isEmpty {
            let kinds = try options.kinds.map { try known(kind: $0, in: db) }
            let marks = kinds.map { parameters.placeholder(for: .text($0)) }.joined(separator: ", ")
            conditions.append("(edge IN (\(marks)) OR kind IN (\(marks)))")
        }
        if let since = options.since {
            // As --where announced_on>=SINCE: a month- or year-dated edge counts from its first day.
            conditions.append(
                Filter(column: "announced_on", op: .greaterOrEqual, value: since).dateCondition(column: "announced_on", parameters: &parameters))
        }
        let filter = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
        let groups = options.groups ? try Groups(db) : Groups()
        // A round's amount is not the investor's: keep the two apart (the edge's amount
        // is the investor's own, or a deal's value).
        let select = """
            SELECT from_company, to_company, edge, kind,
                   CASE WHEN amount_is = 'round amount' THEN -amount_usd ELSE amount_usd END,
                   fact_table || ' ' || fact
            FROM ecosystem_edges
            """

        typealias Fact = (from: String, to: String, edge: String, kind: String, signedAmount: Int64?)
        var rows: [Fact] = []
        if let around = options.around {
            let resolution = try CompanyNames(db: db).resolve(around)
            let scope: CompanyNames.Scope = options.groups ? .group : .company
            if let note = resolution.note(for: scope) { resolved(note) }
            let center = groups.top(of: resolution.value(for: scope).name)
            var seen: Set<String> = [center]
            var frontier: [String] = [center]
            var seenFacts = Set<String>()
            let statement = try db.prepare("\(select) WHERE (from_company = :company OR to_company = :company)\(filter)")
            try statement.bind(parameters.values.merging(["company": .text(center)]) { first, _ in first })
            let company = try statement.parameter("company")
            for _ in 0..<options.depth where !frontier.isEmpty {
                var next: [String] = []
                // A group's neighbourhood is that of all its units.
                for name in frontier.flatMap({ groups.members(of: $0) }) {
                    try statement.bind(name, to: company)
                    var found: [(fact: Fact, id: String)] = []
                    try statement.forEachRow { row in
                        found.append(
                            ((row.string(at: 0), row.string(at: 1), row.string(at: 2), row.string(at: 3), row.optionalInt64(at: 4)),
                             row.string(at: 5)))
                    }
                    // An edge is reached from both its ends: keep it once, by the fact it comes from.
                    for (fact, id) in found where seenFacts.insert(id + "\u{0}" + fact.from + "\u{0}" + fact.to).inserted {
                        rows.append(fact)
                        for neighbour in [groups.top(of: fact.from), groups.top(of: fact.to)] where seen.insert(neighbour).inserted {
                            next.append(neighbour)
                        }
                    }
                }
                frontier = next
            }
        } else {
            let statement = try db.prepare("\(select) WHERE 1\(filter)")
            try statement.bind(parameters.values)
            try statement.forEachRow { row in
                rows.append((row.string(at: 0), row.string(at: 1), row.string(at: 2), row.string(at: 3), row.optionalInt64(at: 4)))
            }
        }

        // Merge edges per (from, to, type), units drawn as their groups; a unit's edge
        // to its own group (NVentures and NVIDIA) is inside the node. Round amounts
        // arrive negated (see the query).
        var merged: [String: (from: String, to: String, edge: String, kinds: [String], amount: Int64?, rounds: Int64?, facts: Int)] = [:]
        var order: [String] = []
        for fact in rows {
            let from = groups.top(of: fact.from)
            let to = groups.top(of: fact.to)
            guard from != to else { continue }
            let key = "\(from)\u{0}\(to)\u{0}\(fact.edge)"
            var entry = merged[key] ?? (from, to, fact.edge, [], nil, nil, 0)
            if merged[key] == nil { order.append(key) }
            if !entry.kinds.contains(fact.kind) { entry.kinds.append(fact.kind) }
            if let signed = fact.signedAmount {
                if signed < 0 { entry.rounds = (entry.rounds ?? 0) - signed } else { entry.amount = (entry.amount ?? 0) + signed }
            }
            entry.facts += 1
            merged[key] = entry
        }
        var edges = order.compactMap { merged[$0] }.map {
            GraphEdge(from: $0.from, to: $0.to, edge: $0.edge, kinds: $0.kinds, amountUSD: $0.amount, roundsUSD: $0.rounds, facts: $0.facts)
        }
        var omitted = 0
        if let top = options.top, edges.count > top {
            // The largest edges (the first to come among equal ones), drawn in the order they came.
            let largest = edges.indices.sorted { a, b in
                edges[a].weight != edges[b].weight ? edges[a].weight > edges[b].weight : a < b
            }
            let kept = Set(largest.prefix(top))
            omitted = edges.count - kept.count
            edges = edges.indices.filter(kept.contains).map { edges[$0] }
        }

        var names: [String] = []
        var seenNames = Set<String>()
        for edge in edges {
            for name in [edge.from, edge.to] where seenNames.insert(name).inserted { names.append(name) }
        }
        let sectorOf = try sectorsByName(names, in: db)
        let nodes = names.map { GraphNode(name: $0, sector: sectorOf[$0] ?? nil, units: groups.units(of: $0)) }
        let present = Set(nodes.compactMap(\.sector))
        var sectors: [(id: String, name: String)] = []
        try db.prepare("SELECT id, name FROM sectors ORDER BY rowid").forEachRow { row in
            if present.contains(row.string(at: 0)) { sectors.append((row.string(at: 0), row.string(at: 1))) }
        }
        return Graph(nodes: nodes, edges: edges, sectors: sectors, omittedEdges: omitted)
    }

    private static func sectorsByName(_ names: [String], in db: Database) throws -> [String: String?] {
        let statement = try db.prepare("SELECT sector_id FROM companies WHERE name = :name", persistent: true)
        var sectors: [String: String?] = [:]
        for name in names {
            sectors[name] = try statement.firstRow(binding: ["name": .text(name)]) { $0.optionalString(at: 0) } ?? nil
        }
        return sectors
    }

    /// Which company is a unit of which group, by name (as `ecosystem_edges` names them):
    /// the top of each `parent_id` chain.
    private struct Groups {
        private var topOf: [String: String] = [:]
        private var unitsOf: [String: [String]] = [:]

        init() {}

        init(_ db: Database) throws {
            var parentOf: [String: String] = [:]
            try db.prepare(
                "SELECT c.name, p.name FROM companies c JOIN companies p ON p.id = c.parent_id ORDER BY c.name"
            ).forEachRow { row in parentOf[row.string(at: 0)] = row.string(at: 1) }
            for unit in parentOf.keys.sorted() {
                var top = unit
                var visited: Set<String> = [unit]
                while let parent = parentOf[top], visited.insert(parent).inserted { top = parent }
                topOf[unit] = top
                unitsOf[top, default: []].append(unit)
            }
        }

        func top(of name: String) -> String { topOf[name] ?? name }
        func units(of group: String) -> [String] { unitsOf[group] ?? [] }
        /// The group and its units: the names its facts are recorded under.
        func members(of group: String) -> [String] { [group] + units(of: group) }
    }
}
