import KnowledgeBase
import SQLite
import Support

/// `aikb find TEXT`: companies, aliases, deal labels and notes that match, best first.
///
/// Exact names and aliases first, then names and aliases that start with the text
/// (both through the NOCASE indexes), then any that contain it, then deal labels,
/// then notes (the FTS5 trigram index `search_index`: substrings of three characters
/// or more), and, when no name or alias matched, the closest spellings (edit
/// distance, CompanyNames). Each company or deal appears once, where it matched best.
public enum Search {
    public static let columns = ["match", "kind", "name", "detail", "id"]

    /// How a row matched, best first.
    enum Match: Int, Comparable {
        case exact, prefix, name, alias, deal, notes, spelling

        static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }

        var word: String {
            switch self {
            case .exact: "exact"
            case .prefix: "prefix"
            case .name: "name"
            case .alias: "alias"
            case .deal: "deal"
            case .notes: "notes"
            case .spelling: "spelling"
            }
        }
    }

    struct Hit {
        var match: Match
        var kind: String  // company or deal
        var id: Int64
        var name: String
        var detail: String?
        /// The name's length in characters, counted once: ranking compares it often.
        let nameLength: Int

        init(match: Match, kind: String, id: Int64, name: String, detail: String?) {
            (self.match, self.kind, self.id, self.name, self.detail) = (match, kind, id, name, detail)
            nameLength = name.count
        }
    }

    /// Substring matches looked at, at most: enough to rank, few enough to stay fast.
    static let substringCandidates = 200

    /// What is wrong with a limit of matches, if anything: checked by `find` and by the
    /// command line before it opens anything.
    public static func limitProblem(_ limit: Int) -> String? { limit < 1 ? "--limit must be at least 1" : nil }

    /// The matches of `text`, best first, at most `limit` of them.
    public static func find(_ text: String, limit: Int = 20, in db: Database) throws -> [[Value]] {
        let typed = String(text.trimmingSpaces())
        guard !typed.isEmpty else { throw KnowledgeBaseError(.invalidInput, "give some text to find") }
        if let problem = limitProblem(limit) { throw KnowledgeBaseError(.invalidInput, problem) }
        var hits: [String: Hit] = [:]
        func add(_ hit: Hit) {
            let key = hit.kind + ":" + String(hit.id)
            if let known = hits[key], known.match <= hit.match { return }
            hits[key] = hit
        }
        let names = try CompanyNames(db: db)
        let lowered = typed.lowercased()
        let prefix = CompanyNames.likeEscaped(typed) + "%"
        let cap = Value.integer(Int64(max(limit, substringCandidates)))

        try db.prepare("SELECT id, name FROM companies WHERE name = :text LIMIT :cap").forEachRow(binding: ["text": .text(typed), "cap": cap]) {
            add(Hit(match: .exact, kind: "company", id: $0.int64(at: 0), name: $0.string(at: 1), detail: nil))
        }
        try db.prepare(
            "SELECT c.id, c.name, a.alias FROM company_aliases a JOIN companies c ON c.id = a.company_id WHERE a.alias = :text"
        ).forEachRow(binding: ["text": .text(typed)]) {
            add(Hit(match: .exact, kind: "company", id: $0.int64(at: 0), name: $0.string(at: 1), detail: "alias " + $0.string(at: 2)))
        }
        try db.prepare("SELECT id, name FROM companies WHERE name LIKE :prefix ESCAPE '\\' LIMIT :cap")
            .forEachRow(binding: ["prefix": .text(prefix), "cap": cap]) {
                add(Hit(match: .prefix, kind: "company", id: $0.int64(at: 0), name: $0.string(at: 1), detail: nil))
            }
        try db.prepare(
            """
            SELECT c.id, c.name, a.alias FROM company_aliases a JOIN companies c ON c.id = a.company_id
            WHERE a.alias LIKE :prefix ESCAPE '\\' LIMIT :cap
            """
        ).forEachRow(binding: ["prefix": .text(prefix), "cap": cap]) {
            add(Hit(match: .prefix, kind: "company", id: $0.int64(at: 0), name: $0.string(at: 1), detail: "alias " + $0.string(at: 2)))
        }

        // Substrings: the trigram index needs three characters. A document holding the
        // text holds every trigram of it, so the rarest three narrow the search (a
        // trigram in no document means no match at all), and instr() keeps the
        // documents that hold the text itself: the common trigrams' long lists
        // ("com" is in every "Company ...") are never read.
        func substringMatch(_ row: Row) {
            let rowid = row.int64(at: 0)
            let isDeal = rowid % 2 == 1
            let name = row.optionalString(at: 1)
            let aliases = row.optionalString(at: 2)
            let notes = row.optionalString(at: 3)
            let id = rowid / 2
            if isDeal {
                if let name, name.lowercased().contains(lowered) {
                    add(Hit(match: .deal, kind: "deal", id: id, name: name, detail: nil))
                } else if let notes {
                    add(Hit(match: .notes, kind: "deal", id: id, name: name ?? "", detail: snippet(notes, around: lowered)))
                }
            } else if let name, name.lowercased().contains(lowered) {
                add(Hit(match: .name, kind: "company", id: id, name: name, detail: nil))
            } else if let aliases, let alias = aliases.split(separator: ";").map({ String($0.trimmingSpaces()) })
                .first(where: { $0.lowercased().contains(lowered) })
            {
                add(Hit(match: .alias, kind: "company", id: id, name: name ?? "", detail: "alias " + alias))
            } else if let notes {
                add(Hit(match: .notes, kind: "company", id: id, name: name ?? "", detail: snippet(notes, around: lowered)))
            }
        }
        // Folded as `lowered` is (Swift's lowercased; SQLite's lower() for ASCII text).
        let holdsText = ["name", "aliases", "notes"].map { "instr(\(SQL.lower($0, toMatch: typed)), :text) > 0" }
            .joined(separator: " OR ")
        // Documents another client changed since aikb last indexed them are read from
        // the tables themselves (few), and their stale index entries left out.
        let pending = try typed.count >= 3 && SearchIndex.hasPending(db)
        let trigrams = try names.trigrams(of: typed)
        if let rarest = trigrams.first, rarest.documents > 0 {
            let rare = trigrams.prefix(3).map { "\"" + $0.gram.replacingQuotes() + "\"" }.joined(separator: " AND ")
            let statement = try db.prepare(
                """
                SELECT rowid, name, aliases, notes FROM search_index WHERE search_index MATCH :query AND (\(holdsText))
                \(pending ? "AND rowid NOT IN (SELECT doc FROM search_pending)" : "") LIMIT :cap
                """)
            try statement.forEachRow(binding: ["query": .text(rare), "text": .text(lowered), "cap": cap], substringMatch)
        }
        if pending {
            try db.prepare("SELECT * FROM (\(SearchIndex.pendingDocumentsSQL)) WHERE \(holdsText) LIMIT :cap")
                .forEachRow(binding: ["text": .text(lowered), "cap": cap], substringMatch)
        }

        // Misspellings, when no name or alias matched.
        if !hits.values.contains(where: { $0.kind == "company" && $0.match <= .alias }) {
            for (company, distance) in try names.closest(to: typed).prefix(limit) {
                add(Hit(match: .spelling, kind: "company", id: company.id, name: company.name,
                        detail: "\(distance) edit\(distance == 1 ? "" : "s") from \"\(typed)\""))
            }
        }

        let ranked = hits.values.sorted {
            if $0.match != $1.match { return $0.match < $1.match }
            if $0.nameLength != $1.nameLength { return $0.nameLength < $1.nameLength }
            return $0.name < $1.name
        }.prefix(limit)
        return try ranked.map { hit in try row(for: hit, in: db) }
    }

    /// The printed row: companies with their group and sector, deals with their parties.
    static func row(for hit: Hit, in db: Database) throws -> [Value] {
        if hit.kind == "deal" {
            let described = try db.allRows(
                """
                SELECT coalesce(d.external_id, 'deal ' || d.id), s.name || ' → ' || c.name || ', ' || d.kind,
                       coalesce(d.deal_label, coalesce(d.external_id, 'deal ' || d.id))
                FROM supply_deals d JOIN companies s ON s.id = d.supplier_id JOIN companies c ON c.id = d.customer_id
                WHERE d.id = :id
                """, binding: ["id": .integer(hit.id)]
            ).first
            let parties = described?[1] ?? .null
            let detail: Value = hit.detail.map { .text($0) } ?? parties
            return [.text(hit.match.word), .text("deal"), described?[2] ?? .text(hit.name), detail, described?[0] ?? .null]
        }
        var detail = hit.detail
        if detail == nil {
            let group = try db.firstValue(
                """
                SELECT CASE WHEN g.id <> c.id THEN 'unit of ' || g.name END
                FROM companies c JOIN company_groups m ON m.company_id = c.id JOIN companies g ON g.id = m.group_id
                WHERE c.id = :id
                """, binding: ["id": .integer(hit.id)])
            if case .text(let text)? = group { detail = text }
        }
        return [.text(hit.match.word), .text("company"), .text(hit.name), detail.map { .text($0) } ?? .null, .text("#\(hit.id)")]
    }

    /// Up to 60 characters of `text` around the first place `needle` (lower-case) occurs.
    static func snippet(_ text: String, around needle: String) -> String {
        let characters = Array(text)
        let lowered = Array(text.lowercased())
        let target = Array(needle)
        var start = 0
        if target.count <= lowered.count && lowered.count == characters.count {
            for index in 0...(lowered.count - target.count) where Array(lowered[index..<index + target.count]) == target {
                start = index
                break
            }
        }
        let from = max(0, start - 20)
        let to = min(characters.count, from + 60)
        return (from > 0 ? "…" : "") + String(characters[from..<to]) + (to < characters.count ? "…" : "")
    }
}
