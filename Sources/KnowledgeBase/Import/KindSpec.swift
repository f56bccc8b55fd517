/// The columns a kind accepts, in snake_case as documented in docs/import-formats.md.
struct KindSpec {
    let kind: ImportKind
    let columns: [String]
    let required: [String]
    /// Required columns that may be replaced by others (investors: round_id or company + round_type).
    let alternatives: [(columns: [String], insteadOf: [String])]

    /// The aikb columns of a kind; nil for the kinds only Epoch AI's files have.
    static func of(_ kind: ImportKind) -> KindSpec? {
        switch kind {
        case .gpuClusters, .dataCenters, .dataCenterTimelines:
            nil
        case .sources:
            KindSpec(
                kind: kind,
                columns: ["source_id", "title", "publisher", "author", "url", "published_on", "language", "kind", "reliability", "notes"],
                required: ["source_id", "title"], alternatives: [])
        case .companies:
            KindSpec(
                kind: kind,
                columns: ["name", "company_id", "aliases", "kind", "sector", "country_code", "founded_on", "origin", "status",
                          "ipo_on", "homepage_url", "description", "categories", "crunchbase_uuid", "parent", "parent_id",
                          "source_id", "notes"],
                required: ["name"], alternatives: [])
        case .rounds:
            KindSpec(
                kind: kind,
                columns: ["round_id", "company", "company_id", "round_type", "round_label", "announced_on", "amount", "currency",
                          "amount_usd", "amount_status", "amount_min_usd", "amount_max_usd", "post_money_valuation_usd",
                          "valuation_status", "status", "confidence", "source_id", "notes"],
                required: ["company", "round_type"], alternatives: [(columns: ["company_id"], insteadOf: ["company"])])
        case .investors:
            KindSpec(
                kind: kind,
                columns: ["round_id", "company", "company_id", "round_type", "announced_on", "investor", "investor_id", "is_lead",
                          "amount_usd", "amount_status", "share_pct", "source_id", "notes"],
                required: ["investor", "company", "round_type"],
                alternatives: [
                    (columns: ["round_id"], insteadOf: ["company", "round_type"]),
                    (columns: ["company_id"], insteadOf: ["company"]),
                    (columns: ["investor_id"], insteadOf: ["investor"]),
                ])
        case .deals:
            KindSpec(
                kind: kind,
                columns: ["deal_id", "supplier", "supplier_id", "customer", "customer_id", "kind", "deal_label", "gpu_model",
                          "gpu_count", "power_mw", "value_usd", "value_status", "value_min_usd", "value_max_usd", "term_months",
                          "announced_on", "terms", "status", "overlaps", "source_id", "notes"],
                required: ["supplier", "customer", "kind"],
                alternatives: [
                    (columns: ["supplier_id"], insteadOf: ["supplier"]), (columns: ["customer_id"], insteadOf: ["customer"]),
                ])
        case .relationships:
            KindSpec(
                kind: kind,
                columns: ["from", "from_id", "to", "to_id", "kind", "since", "until", "amount_usd", "note", "source_id"],
                required: ["from", "to", "kind"],
                alternatives: [(columns: ["from_id"], insteadOf: ["from"]), (columns: ["to_id"], insteadOf: ["to"])])
        case .claims:
            KindSpec(
                kind: kind,
                columns: ["claim_id", "subject", "subject_id", "counterparty", "counterparty_id", "metric", "value", "unit",
                          "period_start", "period_end", "scope", "statement", "status", "source_id", "notes"],
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
