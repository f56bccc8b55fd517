/// What a CSV file holds, and in which order kinds are imported (a kind only refers
/// to kinds before it).
public enum ImportKind: String, Sendable, CaseIterable, Comparable {
    case sources, companies, rounds, investors, deals, relationships, claims

    public static func < (a: ImportKind, b: ImportKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The table a kind fills.
    public var table: String {
        switch self {
        case .sources: "sources"
        case .companies: "companies"
        case .rounds: "funding_rounds"
        case .investors: "round_investors"
        case .deals: "supply_deals"
        case .relationships: "relationships"
        case .claims: "claims"
        }
    }
}
