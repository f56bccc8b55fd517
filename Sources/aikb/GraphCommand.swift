import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite
import Support

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "The ecosystem graph as SVG or PNG (through Graphviz), Graphviz DOT or Mermaid.",
        discussion: HelpText.reflowed("""
            Companies are nodes, filled by sector and boxed per sector; edges are investments (green),
            GPU supply deals (blue), what NVIDIA buys back (leasebacks, capacity backstops: red) and
            other relationships (dashed), labelled with kinds and amounts, thicker for more money; a
            legend names the colours. Business units are drawn as their groups (NVentures as NVIDIA)
            unless --units is given. The whole ecosystem keeps its \(GraphOptions.defaultTop) largest edges by amount, so that
            it fits a screen (--top 0 for every edge); --around draws every edge of a neighbourhood.
              aikb graph --format svg > ecosystem.svg
              aikb graph --around NVIDIA --format png > nvidia.png
            svg and png need Graphviz's dot (Debian: apt-get install graphviz).
            """))

    enum GraphFormat: String, ExpressibleByArgument, CaseIterable { case dot, mermaid, svg, png }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only the neighbourhood of this company (name or alias).") var around: String?
    @Option(parsing: .unconditional, help: "Steps from --around (1: direct partners).") var depth = 1
    @Option(help: ArgumentHelp("Edge types or kinds to keep: investment, supply, relationship, leaseback, ...", valueName: "kind,..."))
    var kinds: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Only edges dated on or after this date.", valueName: "date")) var since: String?
    @Option(parsing: .unconditional,
        help: ArgumentHelp(
            "Only the N edges with the largest amounts (0: every edge; default: \(GraphOptions.defaultTop), or every edge with --around).",
            valueName: "n"))
    var top: Int?
    @Flag(help: "Draw business units on their own instead of as their groups (companies.parent_id).") var units = false
    @Option(help: "svg, png (both through Graphviz's dot), dot or mermaid.") var format: GraphFormat = .dot

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be 0 (every edge) or more") }
        var values = GraphOptions()
        values.depth = depth
        values.since = since
        if let problem = values.problem { throw ValidationError(problem) }
        if format == .png && Terminal.stdoutIsTerminal {
            throw ValidationError("--format png writes an image: send it to a file (aikb graph --format png > ecosystem.png)")
        }
    }

    func run() throws {
        try reportingErrors {
            // Before any work: svg and png cannot be made without Graphviz.
            let dot = [.svg, .png].contains(format) ? try Self.graphviz() : nil
            let db = try database.open(.read)
            var options = GraphOptions()
            options.around = around
            options.depth = depth
            options.kinds = kinds.map { $0.split(separator: ",").map { String($0.trimmingSpaces()) } } ?? []
            options.since = since
            let limit = top ?? (around == nil ? GraphOptions.defaultTop : 0)
            options.top = limit == 0 ? nil : limit
            options.groups = !units
            let graph = try Graph.build(from: db, options: options, resolved: { Terminal.error("aikb: " + $0) })
            if let dot {
                let (status, errors) = try dot.run(["-T" + format.rawValue], input: graph.dot())
                guard status == 0 else {
                    let first = errors.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
                    throw CommandFailure("Graphviz's dot failed: \(first)", status: ExitStatus.internalError)
                }
                return
            }
            OutputStream.standardOutput.write(format == .dot ? graph.dot() : graph.mermaid())
            OutputStream.standardOutput.flush()
        }
    }

    static func graphviz() throws -> ExternalProgram {
        guard let dot = ExternalProgram.find("dot") else {
            throw CommandFailure(
                "--format svg and png need Graphviz's dot, which is not installed (Debian: apt-get install graphviz; "
                    + "macOS: brew install graphviz); --format dot prints the graph for rendering elsewhere",
                status: ExitStatus.unavailable)
        }
        return dot
    }
}
