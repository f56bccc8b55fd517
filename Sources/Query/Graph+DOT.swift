/// Graphviz DOT: `aikb graph --format svg > ecosystem.svg`, or `--format dot | dot -Tsvg`.
/// Companies are grouped in one box per sector, and a legend names the sectors'
/// fills and the edges' colours. `size` (inches, at Graphviz's 96 dpi for PNG) scales
/// a larger drawing down to a 1920 × 1440 screen; a smaller one stays as drawn.
extension Graph {
    public func dot() -> String {
        var out = """
            digraph aikb {
              graph [rankdir=LR, fontname="Helvetica", fontsize=12, splines=true, nodesep=0.12, ranksep=0.5, newrank=true, pad=0.2, size="20,15"];
              node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, color="#6c757d", margin="0.08,0.03"];
              edge [fontname="Helvetica", fontsize=8, arrowsize=0.6];

            """
        var bySector: [String: [GraphNode]] = [:]
        for node in nodes { bySector[node.sector ?? "", default: []].append(node) }
        func nodeLine(_ node: GraphNode, indent: String) -> String {
            let bold = node.name == "NVIDIA" ? ", penwidth=2.5, fontsize=13" : ""
            return "\(indent)\(Self.quoted(node.name)) [label=\(Self.quoted(GraphStyle.label(node))), fillcolor=\(Self.quoted(GraphStyle.fill(node))), "
                + "tooltip=\(Self.quoted(node.sector ?? "no sector"))\(bold)];\n"
        }
        for sector in sectors {
            guard let members = bySector[sector.id] else { continue }
            out += "  subgraph \(Self.quoted("cluster_" + sector.id)) {\n"
            out += "    label=\(Self.quoted(sector.name)); fontsize=10; fontcolor=\"#495057\"; style=\"rounded,dashed\"; color=\"#adb5bd\";\n"
            for node in members { out += nodeLine(node, indent: "    ") }
            out += "  }\n"
        }
        for node in bySector[""] ?? [] { out += nodeLine(node, indent: "  ") }
        out += "\n"
        for edge in edges {
            let style = edge.edge == "relationship" ? ", style=dashed" : ""
            let color = Self.quoted(GraphStyle.color(edge))
            out += "  \(Self.quoted(edge.from)) -> \(Self.quoted(edge.to)) [label=\(Self.quoted(GraphStyle.label(edge))), "
                + "color=\(color), fontcolor=\(color), penwidth=\(GraphStyle.penWidth(edge))\(style)];\n"
        }
        if !nodes.isEmpty { out += "\n  legend [shape=plaintext, style=\"\", margin=0, label=<\(legendTable())>];\n" }
        return out + "}\n"
    }

    /// The legend as a Graphviz HTML-like table: sector fills, edge colours, and what was left out.
    private func legendTable() -> String {
        func html(_ text: String) -> String {
            text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
        }
        var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Sectors</B></TD></TR>"
        for sector in sectors {
            rows += "<TR><TD BGCOLOR=\"\(GraphStyle.sectorColors[sector.id] ?? GraphStyle.noSectorColor)\" WIDTH=\"24\"></TD>"
                + "<TD ALIGN=\"LEFT\">\(html(sector.name))</TD></TR>"
        }
        rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Edges</B> (thicker: more money)</TD></TR>"
        for (color, dashed, meaning) in GraphStyle.edgeLegend {
            let line = dashed ? "- - -" : "━━━"
            rows += "<TR><TD><FONT COLOR=\"\(color)\">\(line)</FONT></TD><TD ALIGN=\"LEFT\">\(html(meaning))</TD></TR>"
        }
        if omittedEdges > 0 {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">The \(edges.count) largest of \(edges.count + omittedEdges) edges by amount</TD></TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">\(rows)</TABLE>"
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n") + "\""
    }
}
