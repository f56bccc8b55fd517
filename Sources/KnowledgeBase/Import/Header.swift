/// A file's header: its column names, matched by name with case, spaces, `_` and
/// `-` ignored.
final class Header {
    let names: [String]
    private let indexByKey: [String: Int]
    /// Lookups by the names the code uses ("announced_on"), so the hot path hashes
    /// a short string instead of normalising it for every field of every row.
    /// Unchecked, as CSVReader's fields are: read for every value of every row, by the
    /// importer's one thread, in accesses that never overlap.
    @exclusivity(unchecked) private var indexByColumn: [String: Int?] = [:]
    init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        // A name given twice is reported by CSVChecks; the first one counts.
        for (position, name) in names.enumerated() where index[Header.normalize(name)] == nil {
            index[Header.normalize(name)] = position
        }
        indexByKey = index
    }

    static func normalize(_ name: String) -> String {
        String(name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "\t" })
    }

    func index(of column: String) -> Int? {
        if let cached = indexByColumn[column] { return cached }
        let index = indexByKey[Header.normalize(column)]
        indexByColumn[column] = index
        return index
    }
    func has(_ column: String) -> Bool { index(of: column) != nil }

    /// Recognises Crunchbase bulk-export files by their own columns.
    var crunchbaseFormat: FileFormat? {
        if has("funding_round_uuid") && has("investor_uuid") { return .crunchbaseInvestments }
        if has("uuid") && has("investment_type") && has("org_uuid") { return .crunchbaseFundingRounds }
        if has("uuid") && has("name") && (has("roles") || has("primary_role")) && !has("investment_type") {
            return .crunchbaseOrganizations
        }
        return nil
    }

    /// Recognises Epoch AI's data sets by their own columns: a file is one of them
    /// when it has the key column and enough of the others (Epoch adds, renames and
    /// reorders columns over time; what a kind relies on is checked apart).
    var epochFormat: FileFormat? {
        func count(_ columns: [String]) -> Int { columns.filter(has).count }
        if count(EpochColumns.roundsSignature) >= 3 || (has("Company") && count(EpochColumns.roundsSignature) >= 2) {
            return .epochFundingRounds
        }
        if count(EpochColumns.clustersSignature) >= 3 { return .epochGPUClusters }
        if has("Data center") && has("Date") && count(EpochColumns.timelinesSignature) >= 1 { return .epochDataCenterTimelines }
        if has("Handle") && count(EpochColumns.dataCentersSignature) >= 2 { return .epochDataCenters }
        if has("Name") && count(EpochColumns.companiesSignature) >= 2 { return .epochCompanies }
        return nil
    }
}
