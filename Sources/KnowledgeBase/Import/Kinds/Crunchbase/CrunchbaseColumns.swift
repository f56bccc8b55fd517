import SQLite

/// The columns each Crunchbase bulk-export file must have; all others are read
/// and ignored.
enum CrunchbaseColumns {
    static func required(for format: FileFormat) -> [String] {
        switch format {
        case .crunchbaseOrganizations: ["uuid", "name"]
        case .crunchbaseFundingRounds: ["uuid", "investment_type", "org_uuid"]
        case .crunchbaseInvestments: ["funding_round_uuid", "investor_uuid"]
        default: []
        }
    }
}
