/// A file's header: its column names, matched by name with case, spaces, `_` and
/// `-` ignored.
final class Header {
    let names: [String]
    private let indexByKey: [String: Int]
    /// Lookups by the names the code uses ("announced_on"), so the hot path hashes
    /// a short string instead of normalising it for every field of every row.
    private var indexByColumn: [String: Int?] = [:]
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
}
