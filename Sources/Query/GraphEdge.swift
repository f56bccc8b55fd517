/// The facts of one kind between two companies, merged: `from` pays or invests in `to`
/// (the direction of `ecosystem_edges`), labelled with the kinds and the amounts.
public struct GraphEdge: Sendable {
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
    /// How many facts (rows of `ecosystem_edges`) it merges.
    public let facts: Int

    /// What the edge weighs when only the largest are drawn: a stated amount of its own
    /// (an investor's, a deal's) before any round total (which says only that the
    /// investor was among a large round's many), and more before less.
    var weight: (stated: Int, amount: Int64) { (amountUSD != nil ? 1 : 0, amountUSD ?? roundsUSD ?? 0) }
}
