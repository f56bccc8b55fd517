/// What a CSV file holds, and in which order kinds are imported (a kind only refers
/// to kinds before it).
public enum ImportKind: String, Sendable, CaseIterable, Comparable {
    case sources, companies, rounds, investors, deals, relationships, claims
    /// Epoch AI's GPU clusters, frontier data centers and their timelines: formats of
    /// their own (no aikb columns), after the companies they name.
    case gpuClusters = "gpu_clusters"
    case dataCenters = "data_centers"
    case dataCenterTimelines = "data_center_timelines"

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
        case .gpuClusters: "gpu_clusters"
        case .dataCenters: "data_centers"
        case .dataCenterTimelines: "data_center_timeline"
        }
    }

    /// The Epoch AI format of a kind that has no aikb columns.
    var onlyFormat: FileFormat? {
        switch self {
        case .gpuClusters: .epochGPUClusters
        case .dataCenters: .epochDataCenters
        case .dataCenterTimelines: .epochDataCenterTimelines
        default: nil
        }
    }
}
