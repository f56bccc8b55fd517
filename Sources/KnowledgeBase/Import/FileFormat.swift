/// The layout of a file: aikb's own columns, or a Crunchbase bulk export.
public enum FileFormat: String, Sendable {
    case aikb
    case crunchbaseOrganizations = "crunchbase organizations"
    case crunchbaseFundingRounds = "crunchbase funding_rounds"
    case crunchbaseInvestments = "crunchbase investments"

    var kind: ImportKind? {
        switch self {
        case .aikb: nil
        case .crunchbaseOrganizations: .companies
        case .crunchbaseFundingRounds: .rounds
        case .crunchbaseInvestments: .investors
        }
    }
}
