/// The columns of Epoch AI's data sets, as Epoch names them (matched like every
/// header: case, spaces, `_` and `-` ignored): which ones recognise a file, which
/// ones an importer relies on, and which ones it knows. Any other column of a
/// newer snapshot is listed as not imported; a missing one it relies on is an error.
enum EpochColumns {
    static let roundsSignature = ["Funding (equity)", "Funding (debt)", "Valuation (post-money)", "Close date", "Report date", "Confidence"]
    static let clustersSignature = [
        "Certainty", "H100 equivalents", "Chip type (primary)", "Chip quantity (primary)", "GPU Supplier (primary)",
        "First Operational Date", "Power Capacity (MW)", "Builds Upon", "Superseded by", "Single cluster?",
    ]
    static let timelinesSignature = [
        "Construction status", "Buildings operational", "Power (MW)", "H100 equivalents", "Total capital cost (2025 USD billions)",
    ]
    static let dataCentersSignature = [
        "Construction companies", "Energy companies", "Investors", "Current H100 equivalents", "Current power (MW)", "Address",
    ]
    static let companiesSignature = [
        "Organization (from Organizations)", "Company type", "Product Domain(s)", "Founding date", "Founding source/notes",
    ]

    /// The file Epoch AI publishes in a format, for messages.
    static func fileName(of format: FileFormat) -> String {
        switch format {
        case .epochCompanies: "ai_companies.csv"
        case .epochFundingRounds: "ai_companies_funding_rounds.csv"
        case .epochGPUClusters: "gpu_clusters.csv"
        case .epochDataCenters: "data_centers.csv"
        case .epochDataCenterTimelines: "data_center_timelines.csv"
        default: format.rawValue
        }
    }

    /// The columns an importer cannot do without: the row's key, and a status the
    /// schema requires.
    static func required(for format: FileFormat) -> [String] {
        switch format {
        case .epochCompanies: ["Name"]
        case .epochFundingRounds: ["Id", "Company"]
        case .epochGPUClusters: ["Name", "Status"]
        case .epochDataCenters: ["Handle"]
        case .epochDataCenterTimelines: ["Date", "Data center"]
        default: []
        }
    }

    /// Columns of Epoch's files that are read on purpose and not stored: values
    /// derived from others (logarithms), and attachments whose links expire.
    static let derived: [FileFormat: [String]] = [
        .epochGPUClusters: ["Max OP/s (log)", "16-bit OP/s (log)", "Energy Efficiency (log)"],
        .epochDataCenters: ["Sentinel satellite timelapse"],
    ]

    /// Every column an importer knows in a format.
    static func known(for format: FileFormat) -> [String] {
        let mapped: [String] =
            switch format {
            case .epochCompanies: EpochCompaniesImporter.columns
            case .epochFundingRounds: EpochRoundsImporter.columns
            case .epochGPUClusters: EpochClustersImporter.fields.map(\.header) + EpochClustersImporter.otherColumns
            case .epochDataCenters:
                ["Handle"] + EpochDataCentersImporter.fields.map(\.header) + EpochDataCentersImporter.partyColumns.map(\.header)
            case .epochDataCenterTimelines: EpochTimelinesImporter.fields.map(\.header) + ["Date", "Data center"]
            default: []
            }
        return mapped + (derived[format] ?? [])
    }

    /// `Source 1`, `Source 2` ...: the source URLs of a row, however many a snapshot has.
    static func sourcePosition(_ name: String) -> Int? {
        let key = Header.normalize(name)
        guard key.hasPrefix("source"), let position = Int(key.dropFirst(6)), position >= 1 else { return nil }
        return position
    }

    /// The source-URL columns of a header, by position.
    static func sourceColumns(in header: Header) -> [(position: Int, name: String)] {
        header.names.compactMap { name in sourcePosition(name).map { ($0, name) } }.sorted { $0.position < $1.position }
    }

    /// Header columns the importer of `format` does not know (sources excepted in
    /// the formats that have them).
    static func unknown(in header: Header, for format: FileFormat) -> [String] {
        let known = Set(known(for: format).map(Header.normalize))
        let hasSources = format == .epochGPUClusters || format == .epochFundingRounds
        return header.names.filter { name in
            !known.contains(Header.normalize(name)) && !(hasSources && sourcePosition(name) != nil)
        }
    }

    /// The names of a multi-valued cell: `"OpenAI,Microsoft"` → OpenAI, Microsoft.
    static func names(in cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(separator: ",").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
    }
}
