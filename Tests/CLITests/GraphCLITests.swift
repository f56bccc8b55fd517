import Foundation
import Testing

/// aikb graph: the whole ecosystem pruned to what a screen shows, a legend, groups,
/// and pictures through the real Graphviz.
@Suite struct GraphCLITests {
    static let database: String = {
        let path = temporaryDirectory() + "/kb.sqlite"
        _ = try? aikb("init", db: path)
        return path
    }()

    /// The `from -> to` pairs of a DOT text.
    func edges(_ dot: String) -> [String] {
        dot.split(separator: "\n").filter { $0.contains(" -> ") }.map { line in
            String(line.trimmingCharacters(in: .whitespaces).prefix { $0 != "[" }).trimmingCharacters(in: .whitespaces)
        }
    }

    /// A PNG's width and height, from its header.
    func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes[1...3] == [0x50, 0x4E, 0x47] else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test func theWholeEcosystemKeepsItsLargestEdgesAndNamesWhatItLeftOut() throws {
        let all = try aikb("graph", "--top", "0", db: Self.database)
        let whole = try aikb("graph", db: Self.database)
        #expect(whole.status == 0, "\(whole.stderr)")
        let total = edges(all.stdout).count
        #expect(total > 30)
        #expect(edges(whole.stdout).count == 30)
        #expect(Set(edges(whole.stdout)).isSubset(of: Set(edges(all.stdout))))
        #expect(whole.stdout.contains("The 30 largest of \(total) edges by amount"))
        #expect(!all.stdout.contains("largest of"), "nothing left out, nothing to say")
        // The largest stated amount between two companies is the one edge --top 1 keeps.
        let largest = try sqlite3(
            Self.database,
            """
            SELECT '"' || from_company || '" -> "' || to_company || '"' FROM ecosystem_edges
            WHERE amount_is IS NOT 'round amount' GROUP BY from_company, to_company, edge ORDER BY sum(amount_usd) DESC LIMIT 1
            """)
        #expect(edges(try aikb("graph", "--top", "1", db: Self.database).stdout) == [String(largest.stdout.dropLast())])
    }

    /// --kinds takes edge types and kinds in any case; one the knowledge base does not
    /// know is an error naming the closest (it drew an empty graph, exit 0).
    @Test func kindsAreCheckedAndSinceCountsMonthDatedEdges() throws {
        let investments = try aikb("graph", "--top", "0", "--kinds", "investment", "--format", "dot", db: Self.database)
        #expect(investments.status == 0, "\(investments.stderr)")
        #expect(!edges(investments.stdout).isEmpty)
        #expect(try aikb("graph", "--top", "0", "--kinds", "Investment", "--format", "dot", db: Self.database).stdout == investments.stdout)
        let typo = try aikb("graph", "--kinds", "lease-back", "--format", "dot", db: Self.database)
        #expect(typo.status == 65)
        #expect(typo.stdout.isEmpty)
        #expect(typo.stderr == "aikb: --kinds lease-back: not an edge type (investment, supply, relationship) or a round, deal or relationship kind; did you mean leaseback?\n")
        // --since counts an edge dated by its month from the month's first day, as --where
        // does: an edge dated 2025-03 alone between its pair is drawn --since 2025-03-01.
        let edge = try sqlite3(
            Self.database,
            """
            SELECT e.announced_on || '|"' || e.from_company || '" -> "' || e.to_company || '"' FROM ecosystem_edges e
            WHERE length(e.announced_on) = 7 AND NOT EXISTS (
                SELECT 1 FROM ecosystem_edges o WHERE o.from_company = e.from_company AND o.to_company = e.to_company
                AND o.announced_on >= e.announced_on || '-01')
            LIMIT 1
            """)
        let parts = edge.stdout.dropLast().split(separator: "|", maxSplits: 1).map(String.init)
        #expect(parts.count == 2, "the seeds have such an edge")
        guard parts.count == 2 else { return }
        let drawn = try aikb("graph", "--top", "0", "--units", "--since", parts[0] + "-01", "--format", "dot", db: Self.database)
        #expect(drawn.status == 0, "\(drawn.stderr)")
        #expect(edges(drawn.stdout).contains(parts[1]), "\(parts[1]) --since \(parts[0])-01")
    }

    @Test func theLegendNamesTheSectorsAndTheEdgeColours() throws {
        let dot = try aikb("graph", db: Self.database).stdout
        #expect(dot.contains("legend [shape=plaintext"))
        for meaning in ["investment (investor → company)", "GPU supply (supplier → customer)", "NVIDIA buys back", "other relationship"] {
            #expect(dot.contains(meaning), "\(meaning)")
        }
        // Every sector drawn is boxed and named in the legend by its name in the sectors table.
        let named = try sqlite3(Self.database, "SELECT name FROM sectors WHERE id IN ('semiconductors', 'large_models')").stdout
        for name in named.split(separator: "\n") {
            #expect(dot.contains("<TD ALIGN=\"LEFT\">\(name)</TD>"), "\(name)")
            #expect(dot.contains("label=\"\(name)\"; fontsize=10"), "\(name)")
        }
        let mermaid = try aikb("graph", "--format", "mermaid", db: Self.database).stdout
        #expect(mermaid.contains("subgraph legend [Sectors]"))
        #expect(mermaid.contains("linkStyle 0 stroke:"))
    }

    @Test func svgAndPngFitAScreen() throws {
        // Through the real Graphviz: a screen of 1920 x 1440 pixels at 96 dpi holds the picture.
        let svg = try aikb("graph", "--format", "svg", db: Self.database)
        #expect(svg.status == 0, "\(svg.stderr)")
        let header = try #require(svg.stdout.range(of: #"<svg width="(\d+)pt" height="(\d+)pt""#, options: .regularExpression))
        let numbers = svg.stdout[header].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count == 2)
        #expect(numbers[0] * 96 / 72 <= 1920 && numbers[1] * 96 / 72 <= 1440, "\(numbers) pt")
        #expect(svg.stdout.contains("<title>NVIDIA</title>"))
        let directory = temporaryDirectory()
        let png = try run("/bin/sh", ["-c", "\"$0\" graph --db \"$1\" --format png > \"$2\"", aikbBinary, Self.database, directory + "/g.png"])
        #expect(png.status == 0, "\(png.stderr)")
        let size = try #require(pngSize(try Data(contentsOf: URL(fileURLWithPath: directory + "/g.png"))))
        #expect(size.0 <= 1920 && size.1 <= 1440, "\(size)")
        #expect(size.0 >= 800, "big enough to read")
    }

    @Test func withoutGraphvizSvgIsAClearErrorAndDotStillWorks() throws {
        let missing = try run(aikbBinary, ["graph", "--db", Self.database, "--format", "svg"], environment: ["PATH": "/nonexistent"])
        #expect(missing.status == 69)
        #expect(missing.stderr.hasPrefix("aikb: --format svg and png need Graphviz's dot, which is not installed (Debian: apt-get install graphviz;"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(missing.stdout.isEmpty)
        let dot = try run(aikbBinary, ["graph", "--db", Self.database, "--format", "dot"], environment: ["PATH": "/nonexistent"])
        #expect(dot.status == 0)
    }

    @Test func businessUnitsAreDrawnAsTheirGroups() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        // NVentures, NVIDIA's venture arm (a unit in the seeds), with an amount of its own
        // in a round no company of NVIDIA's group is in.
        let target = try sqlite3(
            path,
            """
            SELECT c.name FROM funding_rounds r JOIN companies c ON c.id = r.company_id
            WHERE r.company_id NOT IN (SELECT r2.company_id FROM round_investors ri JOIN funding_rounds r2 ON r2.id = ri.round_id
                                       JOIN company_groups m ON m.company_id = ri.investor_id
                                       JOIN companies n ON n.id = m.group_id WHERE n.name = 'NVIDIA')
              AND (SELECT count(*) FROM companies n WHERE n.name = c.name) = 1
            ORDER BY r.id LIMIT 1
            """
        ).stdout.dropLast()
        #expect(!target.isEmpty)
        let setup = try sqlite3(
            path,
            """
            INSERT INTO round_investors (round_id, investor_id, amount_usd, source_id)
            SELECT r.id, (SELECT id FROM companies WHERE name = 'NVentures'), 1000000, r.source_id
            FROM funding_rounds r JOIN companies c ON c.id = r.company_id WHERE c.name = '\(target)' ORDER BY r.id LIMIT 1;
            SELECT changes();
            """)
        #expect(setup.stdout == "1\n", "\(setup.stderr)")
        #expect(try sqlite3(path, "SELECT p.name FROM companies c JOIN companies p ON p.id = c.parent_id WHERE c.name = 'NVentures'").stdout == "NVIDIA\n")
        let grouped = try aikb("graph", "--top", "0", db: path).stdout
        #expect(!grouped.contains("\"NVentures\""))
        #expect(grouped.contains("\"NVIDIA\" [label=\"NVIDIA\\n+ NVentures\""))
        #expect(grouped.contains("\"NVIDIA\" -> \"\(target)\""))
        let units = try aikb("graph", "--top", "0", "--units", db: path).stdout
        #expect(units.contains("\"NVentures\" -> \"\(target)\""))
        #expect(!units.contains("\"NVIDIA\" -> \"\(target)\""))
        #expect(units.contains("\"NVIDIA\" [label=\"NVIDIA\","))
        // The neighbourhood of a unit is its group's.
        let around = try aikb("graph", "--around", "NVentures", db: path).stdout
        #expect(around.contains("\"NVIDIA\" -> \"\(target)\""))
        #expect(around.contains("\"NVIDIA\" -> \"OpenAI\""))
    }
}
