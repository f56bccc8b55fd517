/// The layout of a file: aikb's own columns, a Crunchbase bulk export, or one of
/// Epoch AI's data sets as Epoch publishes them.
public enum FileFormat: String, Sendable {
    case aikb
    case crunchbaseOrganizations = "crunchbase organizations"
    case crunchbaseFundingRounds = "crunchbase funding_rounds"
    case crunchbaseInvestments = "crunchbase investments"
    case epochCompanies = "epoch ai_companies"
    case epochFundingRounds = "epoch ai_companies_funding_rounds"
    case epochGPUClusters = "epoch gpu_clusters"
    case epochDataCenters = "epoch data_centers"
    case epochDataCenterTimelines = "epoch data_center_timelines"

    var kind: ImportKind? {
        switch self {
        case .aikb: nil
        case .crunchbaseOrganizations, .epochCompanies: .companies
        case .crunchbaseFundingRounds, .epochFundingRounds: .rounds
        case .crunchbaseInvestments: .investors
        case .epochGPUClusters: .gpuClusters
        case .epochDataCenters: .dataCenters
        case .epochDataCenterTimelines: .dataCenterTimelines
        }
    }

    var isEpoch: Bool { rawValue.hasPrefix("epoch ") }

    /// Within a kind, files of a later rank are imported after the others: an Epoch
    /// AI rounds file finds the rounds the knowledge base's own files of the same run
    /// hold (a second source of them, not second rounds).
    var rank: Int { isEpoch ? 1 : 0 }
}
