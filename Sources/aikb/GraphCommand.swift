import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite
import Support

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "The ecosystem graph as Graphviz DOT or Mermaid.",
        discussion: """
            Companies are nodes, coloured by sector; edges are investments (green), supply deals (blue),
            backstops and leasebacks (red) and other relationships (dashed), labelled with kinds and amounts.
              aikb graph --around NVIDIA --format dot | dot -Tsvg > ecosystem.svg
            """)

    enum GraphFormat: String, ExpressibleByArgument { case dot, mermaid }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only the neighbourhood of this company (name or alias).") var around: String?
    @Option(help: "Steps from --around (1: direct partners).") var depth = 1
    @Option(help: ArgumentHelp("Edge types or kinds to keep: investment, supply, relationship, leaseback, ...", valueName: "kind,..."))
    var kinds: String?
    @Option(help: ArgumentHelp("Only edges dated on or after this date.", valueName: "date")) var since: String?
    @Option(help: "dot or mermaid.") var format: GraphFormat = .dot

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            var options = Graph.Options()
            options.around = around
            options.depth = depth
            options.kinds = kinds.map { $0.split(separator: ",").map { String($0.trimmingSpaces()) } } ?? []
            options.since = since
            let graph = try Graph.build(from: db, options: options)
            OutputStream.standardOutput.write(format == .dot ? graph.dot() : graph.mermaid())
            OutputStream.standardOutput.flush()
        }
    }
}
