import KnowledgeBase
import SQLite
import Support

/// The ecosystem as a graph: companies as nodes (by sector), the rows of the
/// `ecosystem_edges` report as edges, merged per pair and type and labelled with
/// their amounts. Rendered as Graphviz DOT or Mermaid.
public struct Graph: Sendable {
    public struct Node: Sendable, Hashable {
        public let name: String
        public let sector: String?
    }

    public struct Edge: Sendable {
        public let from: String
        public let to: String
        /// investment, supply or relationship.
        public let edge: String
        /// The round types, deal kinds or relationship kinds merged into this edge.
        public let kinds: [String]
        /// The sum of the stated amounts (an investor's own, a deal's value), nil when none is stated.
        public let amountUSD: Int64?
        /// For investments whose investor amount no source states: the sum of the rounds' amounts.
        public let roundsUSD: Int64?
        public let facts: Int
    }

    public struct Options: Sendable {
        /// Only the neighbourhood of this company (name or alias).
        public var around: String?
        /// How many steps from `around` (1: its direct partners).
        public var depth = 1
        /// Edge types (investment, supply, relationship) or kinds (leaseback, series_b, ...); empty for all.
        public var kinds: [String] = []
        /// Only edges dated on or after this ISO date.
        public var since: String?

        public init() {}
    }

    public let nodes: [Node]
    public let edges: [Edge]

    public static func build(from db: Database, options: Options) throws -> Graph {
        var conditions: [String] = []
        var parameters = GeneratedParameters()
        if !options.kinds.isEmpty {
            let marks = options.kinds.map { parameters.placeholder(for: .text($0)) }.joined(separator: ", ")
            conditions.append("(edge IN (\(marks)) OR kind IN (\(marks)))")
        }
        if let since = options.since {
            var bytes = Array(since.utf8)
            guard bytes.withUnsafeMutableBufferPointer({ ValueParsing.isoDate(UnsafeBufferPointer($0)) }) else {
                throw KnowledgeBaseError(.invalidInput, "--since \(since): expected a date (YYYY-MM-DD, YYYY-MM or YYYY)")
            }
            conditions.append("announced_on >= " + parameters.placeholder(for: .text(since)))
        }
        let filter = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
        // A round's amount is not the investor's: keep the two apart (the edge's amount
        // is the investor's own, or a deal's value).
        let select = """
            SELECT from_company, to_company, edge, kind,
                   CASE WHEN amount_is = 'round amount' THEN -amount_usd ELSE amount_usd END,
                   fact_table || ' ' || fact
            FROM ecosystem_edges
            """

        var rows: [(String, String, String, String, Int64?)] = []
        func collect(_ statement: Statement) throws {
            try statement.forEachRow { row in
                rows.append((row.string(at: 0), row.string(at: 1), row.string(at: 2), row.string(at: 3), row.optionalInt64(at: 4)))
            }
        }
        if let around = options.around {
            guard options.depth >= 1 else { throw KnowledgeBaseError(.invalidInput, "--depth must be at least 1") }
            let center = try companyName(around, in: db)
            var seen: Set<String> = [center]
            var frontier: [String] = [center]
            var seenEdges = Set<String>()
            let statement = try db.prepare("\(select) WHERE (from_company = :company OR to_company = :company)\(filter)")
            try statement.bind(parameters.values.merging(["company": .text(center)]) { first, _ in first })
            let company = try statement.parameter("company")
            for _ in 0..<options.depth where !frontier.isEmpty {
                var next: [String] = []
                for name in frontier {
                    try statement.bind(name, to: company)
                    var found: [(edge: (String, String, String, String, Int64?), fact: String)] = []
                    try statement.forEachRow { row in
                        found.append(
                            ((row.string(at: 0), row.string(at: 1), row.string(at: 2), row.string(at: 3), row.optionalInt64(at: 4)),
                             row.string(at: 5)))
                    }
                    // An edge is reached from both its ends: keep it once, by the fact it comes from.
                    for (edge, fact) in found {
                        if seenEdges.insert(fact + "\u{0}" + edge.0 + "\u{0}" + edge.1).inserted { rows.append(edge) }
                        for neighbour in [edge.0, edge.1] where seen.insert(neighbour).inserted { next.append(neighbour) }
                    }
                }
                frontier = next
            }
        } else {
            let statement = try db.prepare("\(select) WHERE 1\(filter)")
            try statement.bind(parameters.values)
            try collect(statement)
        }

        // Merge edges per (from, to, type).
        // Merge edges per (from, to, type). Round amounts arrive negated (see the query).
        var merged: [String: (from: String, to: String, edge: String, kinds: [String], amount: Int64?, rounds: Int64?, facts: Int)] = [:]
        var order: [String] = []
        for (from, to, edge, kind, signed) in rows {
            let key = "\(from)\u{0}\(to)\u{0}\(edge)"
            var entry = merged[key] ?? (from, to, edge, [], nil, nil, 0)
            if merged[key] == nil { order.append(key) }
            if !entry.kinds.contains(kind) { entry.kinds.append(kind) }
            if let signed {
                if signed < 0 { entry.rounds = (entry.rounds ?? 0) - signed } else { entry.amount = (entry.amount ?? 0) + signed }
            }
            entry.facts += 1
            merged[key] = entry
        }
        let edges = order.compactMap { merged[$0] }.map {
            Edge(from: $0.from, to: $0.to, edge: $0.edge, kinds: $0.kinds, amountUSD: $0.amount, roundsUSD: $0.rounds, facts: $0.facts)
        }
        var names: [String] = []
        var seenNames = Set<String>()
        for edge in edges {
            for name in [edge.from, edge.to] where seenNames.insert(name).inserted { names.append(name) }
        }
        let sectors = try sectorsByName(names, in: db)
        return Graph(nodes: names.map { Node(name: $0, sector: sectors[$0] ?? nil) }, edges: edges)
    }

    private static func companyName(_ name: String, in db: Database) throws -> String {
        let found = try db.firstValue(
            """
            SELECT name FROM companies WHERE name = :name
            UNION ALL SELECT c.name FROM company_aliases a JOIN companies c ON c.id = a.company_id WHERE a.alias = :name
            LIMIT 1
            """, binding: ["name": .text(name)])
        if case .text(let canonical)? = found { return canonical }
        let names = try db.strings(
            "SELECT name FROM companies WHERE name LIKE :prefix LIMIT 2000", binding: ["prefix": .text(String(name.prefix(2)) + "%")])
        throw KnowledgeBaseError(.invalidInput, "unknown company \"\(name)\"" + Suggestions.hint(for: name, among: names))
    }

    private static func sectorsByName(_ names: [String], in db: Database) throws -> [String: String?] {
        let statement = try db.prepare("SELECT sector_id FROM companies WHERE name = :name", persistent: true)
        var sectors: [String: String?] = [:]
        for name in names {
            sectors[name] = try statement.firstRow(binding: ["name": .text(name)]) { $0.optionalString(at: 0) } ?? nil
        }
        return sectors
    }

    // MARK: Rendering

    /// Colours per sector (fill) and per edge type (line).
    static let sectorColors: [String: String] = [
        "large_models": "#cfe2ff", "ai_infrastructure": "#d1e7dd", "autonomous_driving": "#fff3cd",
        "humanoid_robots": "#f8d7da", "vertical_ai": "#e2d9f3", "multimodal": "#fde2c8", "developer_tools": "#d2f4ea",
        "data_infrastructure": "#e9ecef", "semiconductors": "#9ec5fe", "cloud_software": "#a6e9d5",
        "quantum": "#f7d6e6", "fusion": "#ffe69c", "energy": "#ffe5d0", "telecommunications": "#dee2e6",
        "financial_services": "#f1f3f5", "other": "#f8f9fa",
    ]

    static func edgeColor(_ edge: Edge) -> String {
        if edge.kinds.contains(where: { ["leaseback", "capacity_backstop"].contains($0) }) { return "#c0392b" }
        switch edge.edge {
        case "investment": return "#2e7d32"
        case "supply": return "#1565c0"
        default: return "#757575"
        }
    }

    static func label(_ edge: Edge) -> String {
        var text = edge.kinds.joined(separator: ", ")
        if let amount = edge.amountUSD { text += " · " + money(amount) }
        if let rounds = edge.roundsUSD { text += (edge.amountUSD == nil ? " · round " : ", rounds ") + money(rounds) }
        return text
    }

    /// $6.6B, $100M, $667.7M.
    public static func money(_ amount: Int64) -> String {
        func scaled(_ value: Double, _ suffix: String) -> String {
            let rounded = (value * 10).rounded() / 10
            let text = rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
            return "$" + text + suffix
        }
        let value = Double(amount)
        if value >= 1e12 { return scaled(value / 1e12, "T") }
        if value >= 1e9 { return scaled(value / 1e9, "B") }
        if value >= 1e6 { return scaled(value / 1e6, "M") }
        if value >= 1e3 { return scaled(value / 1e3, "K") }
        return "$\(amount)"
    }

    /// Graphviz DOT: `aikb graph --format dot | dot -Tsvg > ecosystem.svg`.
    public func dot() -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingAllCharacters(["\\": "\\\\", "\"": "\\\"", "\n": "\\n"]) + "\""
        }
        var out = """
            digraph aikb {
              graph [rankdir=LR, fontname="Helvetica", fontsize=11, overlap=false, splines=true, nodesep=0.25, ranksep=0.9];
              node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, color="#6c757d"];
              edge [fontname="Helvetica", fontsize=8, arrowsize=0.6];

            """
        for node in nodes {
            let fill = node.sector.flatMap { Graph.sectorColors[$0] } ?? "#ffffff"
            let bold = node.name == "NVIDIA" ? ", penwidth=2.5, fontsize=13" : ""
            out += "  \(quoted(node.name)) [fillcolor=\(quoted(fill)), tooltip=\(quoted(node.sector ?? "no sector"))\(bold)];\n"
        }
        out += "\n"
        for edge in edges {
            let style = edge.edge == "relationship" ? ", style=dashed" : ""
            let color = Graph.edgeColor(edge)
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\(quoted(Graph.label(edge))), color=\(quoted(color)), fontcolor=\(quoted(color))\(style)];\n"
        }
        return out + "}\n"
    }

    /// Mermaid, which GitHub renders in Markdown.
    public func mermaid() -> String {
        var ids: [String: String] = [:]
        for (index, node) in nodes.enumerated() { ids[node.name] = "n\(index)" }
        func text(_ value: String) -> String {
            value.replacingAllCharacters(["\"": "#quot;", "\n": " ", "|": "#124;"])
        }
        var out = "flowchart LR\n"
        for node in nodes {
            out += "  \(ids[node.name]!)[\"\(text(node.name))\"]\n"
        }
        for edge in edges {
            let arrow = edge.edge == "relationship" ? "-.->" : "-->"
            out += "  \(ids[edge.from]!) \(arrow)|\"\(text(Graph.label(edge)))\"| \(ids[edge.to]!)\n"
        }
        let sectors = Set(nodes.compactMap(\.sector)).sorted()
        for sector in sectors {
            out += "  classDef \(sector) fill:\(Graph.sectorColors[sector] ?? "#ffffff"),stroke:#6c757d\n"
            let members = nodes.filter { $0.sector == sector }.map { ids[$0.name]! }
            out += "  class \(members.joined(separator: ",")) \(sector)\n"
        }
        return out
    }
}

extension String {
    func replacingAllCharacters(_ map: [Character: String]) -> String {
        var out = ""
        for character in self {
            if let replacement = map[character] { out += replacement } else { out.append(character) }
        }
        return out
    }
}
