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

/// The columns a kind accepts, in snake_case as documented in docs/import-formats.md.
struct KindSpec {
    let kind: ImportKind
    let columns: [String]
    let required: [String]
    /// Required columns that may be replaced by others (investors: round_id or company + round_type).
    let alternatives: [(columns: [String], insteadOf: [String])]

    static func of(_ kind: ImportKind) -> KindSpec {
        switch kind {
        case .sources:
            KindSpec(
                kind: kind,
                columns: ["source_id", "title", "publisher", "author", "url", "published_on", "language", "kind", "reliability", "notes"],
                required: ["source_id", "title"], alternatives: [])
        case .companies:
            KindSpec(
                kind: kind,
                columns: ["name", "aliases", "kind", "sector", "country_code", "founded_on", "origin", "status", "ipo_on",
                          "homepage_url", "description", "categories", "crunchbase_uuid", "source_id", "notes"],
                required: ["name"], alternatives: [])
        case .rounds:
            KindSpec(
                kind: kind,
                columns: ["round_id", "company", "round_type", "round_label", "announced_on", "amount", "currency", "amount_usd",
                          "amount_status", "amount_min_usd", "amount_max_usd", "post_money_valuation_usd", "valuation_status",
                          "source_id", "notes"],
                required: ["company", "round_type"], alternatives: [])
        case .investors:
            KindSpec(
                kind: kind,
                columns: ["round_id", "company", "round_type", "announced_on", "investor", "is_lead", "amount_usd",
                          "amount_status", "share_pct", "source_id", "notes"],
                required: ["investor", "company", "round_type"],
                alternatives: [(columns: ["round_id"], insteadOf: ["company", "round_type"])])
        case .deals:
            KindSpec(
                kind: kind,
                columns: ["deal_id", "supplier", "customer", "kind", "deal_label", "gpu_model", "gpu_count", "power_mw",
                          "value_usd", "value_status", "value_min_usd", "value_max_usd", "term_months", "announced_on",
                          "terms", "status", "source_id", "notes"],
                required: ["supplier", "customer", "kind"], alternatives: [])
        case .relationships:
            KindSpec(
                kind: kind,
                columns: ["from", "to", "kind", "since", "until", "amount_usd", "note", "source_id"],
                required: ["from", "to", "kind"], alternatives: [])
        case .claims:
            KindSpec(
                kind: kind,
                columns: ["claim_id", "subject", "metric", "value", "unit", "period_start", "period_end", "scope",
                          "statement", "status", "source_id", "notes"],
                required: ["claim_id", "metric", "value", "statement"], alternatives: [])
        }
    }

    /// Required columns missing from a header (after alternatives).
    func missing(in header: Header) -> [String] {
        var required = self.required
        for alternative in alternatives where alternative.columns.allSatisfy(header.has) {
            required.removeAll { alternative.insteadOf.contains($0) }
        }
        return required.filter { !header.has($0) }
    }

    /// Header columns this kind does not know.
    func unknown(in header: Header) -> [String] {
        let known = Set(columns.map(Header.normalize))
        return header.names.filter { !known.contains(Header.normalize($0)) }
    }
}

/// A file's header: its column names, matched by name with case, spaces, `_` and
/// `-` ignored.
final class Header {
    let names: [String]
    private let indexByKey: [String: Int]
    /// Lookups by the names the code uses ("announced_on"), so the hot path hashes
    /// a short string instead of normalising it for every field of every row.
    private var indexByColumn: [String: Int?] = [:]
    /// Names that appear more than once, with their positions.
    let duplicates: [(name: String, first: Int, second: Int)]

    init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        var duplicates: [(String, Int, Int)] = []
        for (position, name) in names.enumerated() {
            let key = Header.normalize(name)
            if let first = index[key] {
                duplicates.append((name, first + 1, position + 1))
            } else {
                index[key] = position
            }
        }
        indexByKey = index
        self.duplicates = duplicates
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

/// The closed vocabularies of the schema's CHECK constraints. The tests insert
/// every value (and a wrong one) to keep these lists and the schema in step.
/// Vocabularies kept in tables (sectors, round_types, deal_kinds,
/// relationship_kinds) are read from the database instead.
public enum Vocabulary {
    public static let sourceKinds: Set<String> = [
        "article", "press_release", "filing", "dataset", "report", "reprint", "aggregator", "database", "social_post", "other",
    ]
    public static let reliabilities: Set<String> = ["high", "medium", "low"]
    public static let companyKinds: Set<String> = [
        "startup", "public_company", "big_tech", "investment_firm", "corporate_venture", "government", "sovereign_fund",
        "person", "spv", "nonprofit", "other",
    ]
    public static let companyStatuses: Set<String> = ["private", "public", "acquired", "closed"]
    public static let amountStatuses: Set<String> = ["confirmed", "reported", "estimated", "up_to", "disputed"]
    public static let dealStatuses: Set<String> = ["rumored", "announced", "signed", "delivered", "stalled", "cancelled"]
    public static let claimStatuses: Set<String> = ["stated", "disputed", "contradicted"]
}
