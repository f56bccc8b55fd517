/// Mermaid, which GitHub renders in Markdown: nodes filled by sector, edges coloured
/// as in DOT, and a legend of the sectors as a subgraph.
extension Graph {
    public func mermaid() -> String {
        var ids: [String: String] = [:]
        for (index, node) in nodes.enumerated() { ids[node.name] = "n\(index)" }
        func text(_ value: String) -> String {
            value.replacingAll("\"", with: "#quot;").replacingAll("\n", with: "<br>").replacingAll("|", with: "#124;")
        }
        var out = "flowchart LR\n"
        for node in nodes {
            out += "  \(ids[node.name]!)[\"\(text(GraphStyle.label(node)))\"]\n"
        }
        var linkStyles: [String] = []
        for (index, edge) in edges.enumerated() {
            let arrow = edge.edge == "relationship" ? "-.->" : "-->"
            out += "  \(ids[edge.from]!) \(arrow)|\"\(text(GraphStyle.label(edge)))\"| \(ids[edge.to]!)\n"
            linkStyles.append("  linkStyle \(index) stroke:\(GraphStyle.color(edge)),color:\(GraphStyle.color(edge))\n")
        }
        out += linkStyles.joined()
        if !sectors.isEmpty {
            out += "  subgraph legend [Sectors]\n"
            for sector in sectors { out += "    legend_\(sector.id)[\"\(text(sector.name))\"]\n" }
            out += "  end\n"
        }
        for sector in sectors {
            out += "  classDef \(sector.id) fill:\(GraphStyle.sectorColors[sector.id] ?? GraphStyle.noSectorColor),stroke:#6c757d\n"
            let members = nodes.filter { $0.sector == sector.id }.map { ids[$0.name]! } + ["legend_\(sector.id)"]
            out += "  class \(members.joined(separator: ",")) \(sector.id)\n"
        }
        return out
    }
}
