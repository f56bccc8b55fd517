import SQLite
import Support

/// The one way a name someone types becomes a company, for every command: report
/// filters on company-valued columns, facets, `aikb company`, `aikb graph --around`.
///
/// In order: `#ID` (aikb's id); the name (case ignored; of several companies with
/// it, the one spelt exactly so); an alias; a name the text starts (`Mistral` for
/// Mistral AI, when only one company's name starts so); the closest spelling, when
/// one company is closer than any other (`corewave` for CoreWeave). Anything else is
/// an error with suggestions, never a guess among equals. A company-valued column
/// that holds groups gets the company's top parent (`Google` means Alphabet there).
///
/// The importer has its own, stricter matching (CompanyResolver): a file's names are
/// facts and are never corrected; people typing names are.
public final class CompanyNames {
    public struct Company: Sendable, Equatable, Hashable {
        public let id: Int64
        public let name: String
    }

    /// What a column holds: companies as facts name them, or groups' top parents.
    public enum Scope: String, Sendable {
        case company
        case group
    }

    /// How the text named the company.
    public enum Match: Sendable, Equatable {
        case id
        case name
        case alias(String)
        case wordPrefix
        case spelling
    }

    public struct Resolution: Sendable, Equatable {
        public let typed: String
        public let company: Company
        /// Its top parent (the company itself when it has none).
        public let group: Company
        public let match: Match

        /// The company the text stands for in a column of this scope.
        public func value(for scope: Scope) -> Company { scope == .group ? group : company }

        /// What to tell the user on stderr, or nil when the text was the name exactly.
        public func note(for scope: Scope) -> String? {
            let target = value(for: scope)
            var why: [String] = []
            switch match {
            case .alias(let alias): why.append("\(alias) is an alias of \(company.name)")
            case .spelling: why.append("the closest name")
            case .id, .name, .wordPrefix: break
            }
            if scope == .group && group != company { why.append("\(company.name) is a unit of \(group.name)") }
            if typed == target.name && why.isEmpty { return nil }
            return "company \"\(typed)\" is \(target.name)" + (why.isEmpty ? "" : " (" + why.joined(separator: "; ") + ")")
        }
    }

    private let db: Database
    private let byID: Statement
    private let byName: Statement
    private let byAlias: Statement
    private let byPrefix: Statement
    private let groupOf: Statement
    /// Up to this many companies, misspellings are compared with every name and alias;
    /// above, with the names the search index finds sharing its rarest trigrams.
    public var comparedInFull: Int64 = 20_000 { didSet { allNames = nil } }
    private var allNames: [(id: Int64, name: String)]?
    /// The trigram counts of the last text asked about: `aikb find` needs them for its
    /// substring search and again for the misspellings. Kept, as `allNames` is, for the
    /// life of this resolver (one command's); they only choose where to look.
    private var countedTrigrams: (text: String, counts: [(gram: String, documents: Int64)])?

    public init(db: Database) throws {
        self.db = db
        byID = try db.prepare("SELECT id, name FROM companies WHERE id = :id", persistent: true)
        byName = try db.prepare("SELECT id, name FROM companies WHERE name = :name LIMIT 6", persistent: true)
        byAlias = try db.prepare(
            "SELECT c.id, c.name, a.alias FROM company_aliases a JOIN companies c ON c.id = a.company_id WHERE a.alias = :name",
            persistent: true)
        // LIKE on the NOCASE name column reads companies_by_name from the prefix on.
        byPrefix = try db.prepare(
            """
            SELECT id, name FROM companies WHERE name LIKE :prefix ESCAPE '\\'
            UNION SELECT c.id, c.name FROM company_aliases a JOIN companies c ON c.id = a.company_id
            WHERE a.alias LIKE :prefix ESCAPE '\\'
            LIMIT 6
            """, persistent: true)
        groupOf = try db.prepare(
            "SELECT g.id, g.name FROM company_groups m JOIN companies g ON g.id = m.group_id WHERE m.company_id = :id",
            persistent: true)
    }

    /// The company `text` names, or an error (exit 65) saying why not, with suggestions.
    public func resolve(_ text: String) throws -> Resolution {
        let typed = String(text.trimmingSpaces())
        guard !typed.isEmpty else { throw KnowledgeBaseError(.invalidInput, "no company name given") }
        func resolution(_ company: Company, _ match: Match) throws -> Resolution {
            Resolution(typed: typed, company: company, group: try group(of: company), match: match)
        }
        if typed.hasPrefix("#"), let id = Int64(typed.dropFirst()) {
            guard let company = try byID.firstRow(binding: ["id": .integer(id)], Self.company) else {
                throw KnowledgeBaseError(.invalidInput, "no company has the id \(id)")
            }
            return try resolution(company, .id)
        }
        var named: [Company] = []
        try byName.forEachRow(binding: ["name": .text(typed)]) { named.append(Self.company($0)) }
        if named.count > 1 {
            let exact = named.filter { $0.name == typed }
            guard exact.count == 1 else { throw try ambiguity(typed, named) }
            named = exact
        }
        if let company = named.first { return try resolution(company, .name) }
        if let (company, alias) = try byAlias.firstRow(binding: ["name": .text(typed)], { (Self.company($0), $0.string(at: 2)) }) {
            return try resolution(company, .alias(alias))
        }
        var prefixed: [Company] = []
        try byPrefix.forEachRow(binding: ["prefix": .text(Self.likeEscaped(typed) + " %")]) { prefixed.append(Self.company($0)) }
        let distinct = Array(Set(prefixed))
        if distinct.count == 1 { return try resolution(distinct[0], .wordPrefix) }
        if distinct.count > 1 { throw try ambiguity(typed, distinct.sorted { $0.name < $1.name }) }
        let close = try closest(to: typed)
        if let best = close.first, close.count == 1 || close[1].distance > best.distance {
            return try resolution(best.company, .spelling)
        }
        if close.count > 1 {
            let equals = close.filter { $0.distance == close[0].distance }.map(\.company)
            throw KnowledgeBaseError(
                .invalidInput,
                "unknown company \"\(typed)\"; did you mean \(equals.prefix(5).map(\.name).joined(separator: ", "))?")
        }
        let hint = Suggestions.hint(for: typed, among: try candidateNames(for: typed).map(\.name))
        throw KnowledgeBaseError(.invalidInput, "unknown company \"\(typed)\"" + hint + " (aikb find \(typed) searches names, aliases and notes)")
    }

    /// The group a company belongs to: its top parent.
    public func group(of company: Company) throws -> Company {
        try groupOf.firstRow(binding: ["id": .integer(company.id)], Self.company) ?? company
    }

    /// Companies within a misspelling of `text` (by name or alias), closest first.
    public func closest(to text: String) throws -> [(company: Company, distance: Int)] {
        let limit = Suggestions.threshold(for: text)
        var best: [Int64: (company: Company, distance: Int)] = [:]
        for candidate in try candidateNames(for: text) {
            let distance = Suggestions.distance(text, candidate.name, limit: limit)
            guard distance <= limit else { continue }
            if let known = best[candidate.id], known.distance <= distance { continue }
            best[candidate.id] = (try byID.firstRow(binding: ["id": .integer(candidate.id)], Self.company)
                ?? Company(id: candidate.id, name: candidate.name), distance)
        }
        return best.values.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.company.name < $1.company.name }
    }

    /// Names and aliases a misspelling of `text` may be: all of them in a small
    /// knowledge base; else those the search index ranks first by the rare trigrams
    /// they share with it.
    func candidateNames(for text: String) throws -> [(id: Int64, name: String)] {
        if allNames == nil, try db.count(of: "SELECT 1 FROM companies", upTo: comparedInFull) <= comparedInFull {
            allNames = try db.allRows("SELECT id, name FROM companies UNION ALL SELECT company_id, alias FROM company_aliases")
                .compactMap { row in
                    if case .integer(let id) = row[0], case .text(let name) = row[1] { return (id, name) }
                    return nil
                }
        }
        if let allNames { return allNames }
        // The rarest trigrams of the text (search_terms counts the documents holding
        // each): a misspelt name still shares most of them with the right one, and a
        // rare one narrows the candidates to a few thousand at most.
        let present = try trigrams(of: text).filter { $0.documents > 0 }
        guard !present.isEmpty else { return [] }
        func phrase(_ gram: String) -> String { "\"" + gram.replacingQuotes() + "\"" }
        // Two ways in, since a misspelling makes rare trigrams of its own ("compnay" has
        // "ay "): the names holding any of its rare trigrams, and the names holding both
        // of its rarest common ones.
        let rare = present.filter { $0.documents <= Self.rareTrigram }.prefix(6).map { phrase($0.gram) }
        let common = present.filter { $0.documents > Self.rareTrigram }.prefix(2).map { phrase($0.gram) }
        var queries: [String] = []
        if !rare.isEmpty { queries.append(rare.joined(separator: " OR ")) }
        if !common.isEmpty { queries.append(common.joined(separator: " AND ")) }
        // Ranked among the first matches only: a pair of trigrams every "Company N"
        // holds must not make the search rank a million names. Only the best are read
        // (the documents' text is a row of its own, a page read each).
        let statement = try db.prepare(
            """
            SELECT r.doc / 2, s.name, s.aliases FROM (
                SELECT doc, score FROM (
                    SELECT rowid AS doc, bm25(search_index) AS score FROM search_index
                    WHERE search_index MATCH :query AND rowid % 2 = 0 LIMIT \(Self.rankedCandidates))
                ORDER BY score LIMIT 200) r
            JOIN search_index s ON s.rowid = r.doc
            ORDER BY r.score
            """)
        var found: [(id: Int64, name: String)] = []
        for terms in queries {
            try statement.forEachRow(binding: ["query": .text("{name aliases} : (" + terms + ")")]) { row in
                let id = row.int64(at: 0)
                found.append((id, row.string(at: 1)))
                for alias in (row.optionalString(at: 2) ?? "").split(separator: ";") {
                    found.append((id, String(alias.trimmingSpaces())))
                }
            }
        }
        return found
    }

    /// The trigrams of `text` (lower-case, as the search index has them) with the number
    /// of documents holding each, counted up to `rareTrigram + 1` (a count of a common
    /// trigram would read its whole list: "com" is in every "Company ..."), rarest first.
    public func trigrams(of text: String) throws -> [(gram: String, documents: Int64)] {
        if let countedTrigrams, countedTrigrams.text == text { return countedTrigrams.counts }
        let letters = Array(text.lowercased())
        guard letters.count >= 3 else { return [] }
        var grams = Set<String>()
        for start in 0...(letters.count - 3) { grams.insert(String(letters[start..<start + 3])) }
        let frequency = try db.prepareCount(of: "SELECT 1 FROM search_index WHERE search_index MATCH :term", upTo: Self.rareTrigram)
        var counted: [(gram: String, documents: Int64)] = []
        for gram in grams {
            let documents = try frequency.firstRow(binding: ["term": .text("\"" + gram.replacingQuotes() + "\"")]) { $0.int64(at: 0) }
            counted.append((gram, documents ?? 0))
        }
        counted.sort { $0.documents != $1.documents ? $0.documents < $1.documents : $0.gram < $1.gram }
        countedTrigrams = (text, counted)
        return counted
    }

    /// Matches of a misspelling's trigrams ranked at most (the first, in id order).
    static let rankedCandidates = 5_000

    /// A trigram in at most this many documents narrows a search enough.
    public static let rareTrigram: Int64 = 2_000

    /// The error for a name several companies answer to, telling them apart.
    private func ambiguity(_ typed: String, _ companies: [Company]) throws -> KnowledgeBaseError {
        let describe = try db.prepare(
            """
            SELECT name || ' (#' || id || coalesce(', ' || country_code, '') || coalesce(', ' || sector_id, '')
                   || coalesce(', founded ' || founded_on, '') || ')'
            FROM companies WHERE id = :id
            """)
        let described = try companies.prefix(5).compactMap { try describe.firstRow(binding: ["id": .integer($0.id)]) { $0.string(at: 0) } }
        let more = companies.count > 5 ? " and more" : ""
        return KnowledgeBaseError(
            .invalidInput,
            "\"\(typed)\" names \(companies.count) companies: \(described.joined(separator: "; "))\(more); say which by its full name or its id (#ID)")
    }

    private static func company(_ row: Row) -> Company { Company(id: row.int64(at: 0), name: row.string(at: 1)) }

    /// `text` for a LIKE pattern with `\` as the escape character.
    public static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension String {
    /// Doubles the double quotes, for a phrase in an FTS5 query.
    public func replacingQuotes() -> String {
        var out = ""
        for character in self {
            out.append(character)
            if character == "\"" { out.append("\"") }
        }
        return out
    }
}
