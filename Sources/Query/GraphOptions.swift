import KnowledgeBase

/// Which part of the ecosystem `Graph.build` draws.
public struct GraphOptions: Sendable {
    /// Only the neighbourhood of this company (name or alias).
    public var around: String?
    /// How many steps from `around` (1: its direct partners).
    public var depth = 1
    /// Edge types (investment, supply, relationship) or kinds (leaseback, series_b, ...); empty for all.
    public var kinds: [String] = []
    /// Only edges dated on or after this ISO date.
    public var since: String?
    /// Only the edges with the largest amounts, this many (nil: every edge), so that the
    /// whole ecosystem fits a screen. At least 1.
    public var top: Int?
    /// Business units roll up to their groups (`companies.parent_id`): NVentures' rounds
    /// are NVIDIA's, and a group counts once. false draws each unit on its own.
    public var groups = true

    /// Edges the whole-ecosystem graph keeps unless told otherwise: about what a screen
    /// shows readably (the seeded ecosystem at 30 edges, those with amounts of their own, renders at about 1750x1260 px at 96 dpi).
    public static let defaultTop = 30

    public init() {}

    /// What is wrong with the options' own values, before any is looked up: checked
    /// by Graph.build, and by the command line before it opens anything.
    public var problem: String? {
        if depth < 1 { return "--depth must be at least 1" }
        if let since, !ValueParsing.isoDate(since) { return "--since \(since): expected a date (YYYY-MM-DD, YYYY-MM or YYYY)" }
        if let top, top < 1 { return "--top must be at least 1 (leave it out for every edge)" }
        return nil
    }
}
