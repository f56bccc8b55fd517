import Output

#if canImport(Glibc)
import Glibc
#endif

/// How the graph looks, shared by every rendering and its legend: a fill per sector,
/// a colour per kind of edge, labels and line widths.
enum GraphStyle {
    /// Fills per sector: light, and far enough apart to tell in the legend.
    static let sectorColors: [String: String] = [
        "large_models": "#a6cee3", "ai_infrastructure": "#b2df8a", "autonomous_driving": "#fdbf6f",
        "humanoid_robots": "#fb9a99", "vertical_ai": "#cab2d6", "multimodal": "#ffff99", "developer_tools": "#8dd3c7",
        "data_infrastructure": "#d9d9d9", "semiconductors": "#80b1d3", "cloud_software": "#bebada",
        "quantum": "#fccde5", "fusion": "#ffed6f", "energy": "#fdb462", "telecommunications": "#bc80bd",
        "financial_services": "#ccebc5", "other": "#f0f0f0",
    ]
    /// The fill of a company without a sector.
    static let noSectorColor = "#ffffff"

    /// Edge colours, with what each means, in the legend's order.
    static let investment = "#2e7d32"
    static let supply = "#1565c0"
    static let buyBack = "#c0392b"
    static let relationship = "#757575"
    static let edgeLegend: [(color: String, dashed: Bool, meaning: String)] = [
        (investment, false, "investment (investor → company)"),
        (supply, false, "GPU supply (supplier → customer)"),
        (buyBack, false, "NVIDIA buys back: leaseback, capacity backstop"),
        (relationship, true, "other relationship"),
    ]

    /// Deal kinds in which the chip maker buys back what it sold.
    static let buyBackKinds: Set<String> = ["leaseback", "capacity_backstop"]

    static func fill(_ node: GraphNode) -> String {
        node.sector.flatMap { sectorColors[$0] } ?? noSectorColor
    }

    static func color(_ edge: GraphEdge) -> String {
        if edge.kinds.contains(where: buyBackKinds.contains) { return buyBack }
        switch edge.edge {
        case "investment": return investment
        case "supply": return supply
        default: return relationship
        }
    }

    /// Kinds (at most two, then how many more: long labels make wide pictures) and
    /// amounts: "series_b, series_c · $1.5B", "series_b, venture +1 · $667.7M, rounds $1.53B",
    /// "seed · round $30M".
    static func label(_ edge: GraphEdge) -> String {
        let shown = edge.kinds.prefix(2).joined(separator: ", ")
        var text = edge.kinds.count > 2 ? shown + " +\(edge.kinds.count - 2)" : shown
        if let amount = edge.amountUSD { text += " · " + money(amount) }
        if let rounds = edge.roundsUSD { text += (edge.amountUSD == nil ? " · round " : ", rounds ") + money(rounds) }
        return text
    }

    /// The node's text: its name, and the units rolled into it.
    static func label(_ node: GraphNode) -> String {
        node.units.isEmpty ? node.name : node.name + "\n+ " + node.units.joined(separator: ", ")
    }

    /// Money as every format for people prints it: $6.6B, $100M.
    static func money(_ amount: Int64) -> String {
        HumanUnits.text(amount, unit: .usd) ?? String(amount)
    }

    /// Thicker lines for more money of its own (a round's total is not the investor's):
    /// 1 up to $100M, then 1 more per factor of ten, 4 at most ($100B).
    static func penWidth(_ edge: GraphEdge) -> Double {
        let weight = Double(edge.amountUSD ?? 0)
        guard weight > 1e8 else { return 1 }
        return min(4, 1 + log10(weight / 1e8))
    }
}
