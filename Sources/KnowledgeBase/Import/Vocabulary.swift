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
    public static let roundStatuses: Set<String> = ["closed", "announced", "committed", "stalled", "cancelled"]
    public static let confidences: Set<String> = ["confident", "likely", "uncertain"]
}
