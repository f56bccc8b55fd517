import KnowledgeBase
import SQLite
import Support

/// Value counts per column of a table, view or report: what Datasette shows as facets.
public enum Facets {
    /// What is wrong with a limit of values per column, if anything: checked by `query`
    /// and by the command line before it opens anything.
    public static func limitProblem(_ limit: Int) -> String? { limit < 1 ? "--limit must be at least 1" : nil }

    /// Prepares `facet, value, count` rows: for each column its `limit` most frequent
    /// values (most frequent first), under the same `--where` filters as reports.
    /// Company names in filters on company-valued report columns are resolved as in
    /// reports (CompanyNames); `resolved` hears what each became.
    public static func query(
        _ object: String, columns: [String], filters: [Filter] = [], limit: Int = 20, in db: Database,
        resolved: (String) -> Void = { _ in }
    ) throws -> Statement {
        let target = try Target(object, in: db)
        guard !columns.isEmpty else { throw KnowledgeBaseError(.invalidInput, "name at least one column to facet by") }
        if let problem = limitProblem(limit) { throw KnowledgeBaseError(.invalidInput, problem) }
        var parts: [String] = []
        var parameters = GeneratedParameters()
        let limitPlaceholder = parameters.placeholder(for: .integer(Int64(limit)))
        for column in columns {
            let name = try target.checked(column)
            let facet = parameters.placeholder(for: .text(name))
            let whereClause = try target.whereClause(filters, resolved: parts.isEmpty ? resolved : { _ in }, parameters: &parameters)
            parts.append(
                """
                SELECT * FROM (SELECT \(facet) AS facet, \(SQL.identifier(name)) AS value, count(*) AS count
                FROM \(SQL.identifier(target.object.name))\(whereClause)
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
        let target = try Target(object, in: db)
        return try columns.map { column in
            let name = try target.checked(column)
            var parameters = GeneratedParameters()
            let whereClause = try target.whereClause(filters, resolved: { _ in }, parameters: &parameters)
            let statement = try db.prepare(
                "SELECT count(*) FROM (SELECT 1 FROM \(SQL.identifier(target.object.name))\(whereClause) GROUP BY \(SQL.identifier(name)))")
            let count = try statement.firstRow(binding: parameters.values) { $0.int64(at: 0) } ?? 0
            return (name, count)
        }
    }

    /// The object counted in, with what both queries check and resolve the same way:
    /// its column names (case-insensitively, with suggestions) and its filters.
    private final class Target {
        let object: SchemaObject
        private let db: Database
        private let names: [String]
        private let filterColumns: [Filter.Column]
        private var companyNames: CompanyNames?

        init(_ name: String, in db: Database) throws {
            self.db = db
            object = try Schema.object(name, in: db)
            names = object.columns.map(\.name)
            filterColumns = try Facets.filterColumns(of: object, in: db)
        }

        func unknown(_ column: String) -> KnowledgeBaseError {
            KnowledgeBaseError(
                .invalidInput, "\(object.name) has no column \"\(column)\"" + Suggestions.hint(for: column, among: names))
        }

        func checked(_ column: String) throws -> String {
            if let match = names.first(where: { $0 == column }) ?? names.first(where: { $0.lowercased() == column.lowercased() }) {
                return match
            }
            throw unknown(column)
        }

        func whereClause(_ filters: [Filter], resolved: (String) -> Void, parameters: inout GeneratedParameters) throws -> String {
            try Filter.clause(filters, columns: filterColumns, unknown: unknown, names: resolver, resolved: resolved, parameters: &parameters)
        }

        /// Read only when a filter names a company.
        private func resolver() throws -> CompanyNames {
            if let companyNames { return companyNames }
            let made = try CompanyNames(db: db)
            companyNames = made
            return made
        }
    }

    /// A report's columns as its catalog documents them; a table's by table_columns'
    /// units, else its declared numeric types.
    static func filterColumns(of target: SchemaObject, in db: Database) throws -> [Filter.Column] {
        var documented: [String: (unit: String?, refersTo: String?)] = [:]
        let sql = target.kind == .table
            ? "SELECT column_name, unit, NULL FROM table_columns WHERE table_name = :name"
            : "SELECT name, unit, refers_to FROM report_columns WHERE report = :name"
        try db.prepare(sql).forEachRow(binding: ["name": .text(target.name)]) { row in
            documented[row.string(at: 0)] = (row.optionalString(at: 1), row.optionalString(at: 2))
        }
        return target.columns.map { column in
            let declared = column.type.uppercased()
            let numeric = target.kind == .table && (declared == "INTEGER" || declared == "REAL") ? "count" : nil
            return Filter.Column(
                name: column.name, unit: documented[column.name]?.unit ?? numeric,
                refersTo: documented[column.name]?.refersTo.flatMap(CompanyNames.Scope.init(rawValue:)))
        }
    }
}
