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

    /// How many distinct values (NULL counting as one, as in the facets) each column
    /// has under the same filters, so that a caller can say how many `query` left out.
    public static func distinctValues(
        _ object: String, columns: [String], filters: [Filter] = [], in db: Database
    ) throws -> [(column: String, values: Int64)] {
        let target = try Schema.object(object, in: db)
        let names = target.columns.map(\.name)
        func checked(_ column: String) throws -> String {
            if let match = names.first(where: { $0 == column }) ?? names.first(where: { $0.lowercased() == column.lowercased() }) {
                return match
            }
            throw KnowledgeBaseError(
                .invalidInput, "\(target.name) has no column \"\(column)\"" + Suggestions.hint(for: column, among: names))
        }
        return try columns.map { column in
            let name = try checked(column)
            var parameters = GeneratedParameters()
            let whereClause = try Filter.clause(filters, checked: checked, parameters: &parameters)
            let statement = try db.prepare(
                "SELECT count(*) FROM (SELECT 1 FROM \(SQL.identifier(target.name))\(whereClause) GROUP BY \(SQL.identifier(name)))")
            let count = try statement.firstRow(binding: parameters.values) { $0.int64(at: 0) } ?? 0
            return (name, count)
        }
    }
}
