import KnowledgeBase
import SQLite
import Support

/// Value counts per column of a table, view or report: what Datasette shows as facets.
public enum Facets {
    /// Prepares `facet, value, count` rows: for each column its `limit` most frequent
    /// values (most frequent first), under the same `--where` filters as reports.
    public static func query(
        _ object: String, columns: [String], filters: [Filter] = [], limit: Int = 20, in db: Database
    ) throws -> Statement {
        let target = try Schema.object(object, in: db)
        let names = target.columns.map(\.name)
        func checked(_ column: String) throws -> String {
            if let match = names.first(where: { $0 == column }) ?? names.first(where: { $0.lowercased() == column.lowercased() }) {
                return match
            }
            throw KnowledgeBaseError(
                .invalidInput, "\(target.name) has no column \"\(column)\"" + Suggestions.hint(for: column, among: names))
        }
        guard !columns.isEmpty else { throw KnowledgeBaseError(.invalidInput, "name at least one column to facet by") }
        guard limit > 0 else { throw KnowledgeBaseError(.invalidInput, "--limit must be at least 1") }
        var parts: [String] = []
        var parameters = GeneratedParameters()
        let limitPlaceholder = parameters.placeholder(for: .integer(Int64(limit)))
        for column in columns {
            let name = try checked(column)
            let facet = parameters.placeholder(for: .text(name))
            let whereClause = try Filter.clause(filters, checked: checked, parameters: &parameters)
            parts.append(
                """
                SELECT * FROM (SELECT \(facet) AS facet, \(SQL.identifier(name)) AS value, count(*) AS count
                FROM \(SQL.identifier(target.name))\(whereClause)
                GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT \(limitPlaceholder))
                """)
        }
        let statement = try db.prepare(parts.joined(separator: "\nUNION ALL\n"))
        try statement.bind(parameters.values)
        return statement
    }
}
