import KnowledgeBase
import SQLite
import Support

/// `aikb company NAME`: one company's profile as result sets, one per section (their
/// SQL is ProfileSection's).
public enum CompanyProfile {
    public struct Section {
        /// company, rounds, investments, flows, loops, claims, sources.
        public let name: String
        public let title: String
        public let statement: Statement
        /// Units of the columns, for people.
        public let units: [String: String]
    }

    public static let sectionNames = ProfileSection.all.map(\.name)

    /// The sections' statements, `only` one when given, each with at most `limit` rows.
    /// The costliest sections of a company with many flows are read from the profile
    /// index while it is current (ProfileIndex), computed otherwise.
    public static func sections(
        of company: CompanyNames.Company, only: String? = nil, limit: Int? = nil, in db: Database
    ) throws -> [Section] {
        if let only, !sectionNames.contains(only) {
            throw KnowledgeBaseError(
                .invalidInput,
                "no section \"\(only)\"" + Suggestions.hint(for: only, among: sectionNames) + " (sections: \(sectionNames.joined(separator: ", ")))")
        }
        let wanted = ProfileSection.all.filter { only == nil || only == $0.name }
        let kept = try wanted.contains { ProfileIndex.sections.contains($0.name) } && ProfileIndex.keptSections(for: company.id, in: db)
        var sections: [Section] = []
        for section in wanted {
            let sql = kept && ProfileIndex.sections.contains(section.name)
                ? try ProfileIndex.keptSQL(of: section.name, limit: limit, in: db) : section.sql(limit: limit)
            let statement = try db.prepare(sql)
            try statement.bind(["id": .integer(company.id)].filter { statement.optionalParameter($0.key) != nil })
            sections.append(Section(name: section.name, title: section.title ?? company.name, statement: statement, units: section.units))
        }
        return sections
    }
}
