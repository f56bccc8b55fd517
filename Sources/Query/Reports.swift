import KnowledgeBase
import SQLite
import Support

/// A report of the catalog: a view with a title and a description.
public struct ReportInfo: Sendable, Equatable {
    public let name: String
    public let title: String
    public let description: String
    public let builtin: Bool
}

/// A documented column of a report.
public struct ReportColumn: Sendable, Equatable {
    public let name: String
    public let description: String?
    /// What its numbers are (usd, percent, share, count, date, mw, h100e, ratio, text), where documented.
    public let unit: String?
    /// Whether it holds companies (as facts name them) or groups: filters resolve names on it.
    public let refersTo: CompanyNames.Scope?

    public init(name: String, description: String?, unit: String?, refersTo: CompanyNames.Scope? = nil) {
        self.name = name
        self.description = description
        self.unit = unit
        self.refersTo = refersTo
    }
}

/// The named reports: views listed in the `reports` catalog. Running one builds
/// `SELECT * FROM view WHERE ... ORDER BY ... LIMIT ?` in which every value is a bound
/// parameter and every name (report, column) is checked against the catalog and
/// the view before it is quoted into the SQL.
public struct Reports {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// What is wrong with a report's row limit, if anything: checked by `query` and by
    /// the command line before it opens anything.
    public static func limitProblem(_ limit: Int) -> String? { limit < 0 ? "--limit must be 0 or more" : nil }

    public func list() throws -> [ReportInfo] {
        var reports: [ReportInfo] = []
        try db.prepare("SELECT name, title, description, builtin FROM reports ORDER BY builtin DESC, name").forEachRow { row in
            reports.append(
                ReportInfo(
                    name: row.string(at: 0), title: row.string(at: 1), description: row.string(at: 2),
                    builtin: row.int64(at: 3) == 1))
        }
        return reports
    }

    /// The report called `name`, or an error naming the closest reports.
    public func info(_ name: String) throws -> ReportInfo {
        if let report = try list().first(where: { $0.name == name }) { return report }
        let names = try list().map(\.name)
        throw KnowledgeBaseError(
            .invalidInput,
            "unknown report \"\(name)\"" + Suggestions.hint(for: name, among: names) + " (aikb report list shows them all)")
    }

    /// The view's columns, with their documentation where the catalog has it.
    public func columns(of name: String) throws -> [ReportColumn] {
        _ = try info(name)
        var descriptions: [String: (description: String?, unit: String?, refersTo: String?)] = [:]
        try db.prepare("SELECT name, description, unit, refers_to FROM report_columns WHERE report = :report ORDER BY position")
            .forEachRow(binding: ["report": .text(name)]) { row in
                descriptions[row.string(at: 0)] = (row.optionalString(at: 1), row.optionalString(at: 2), row.optionalString(at: 3))
            }
        return try viewColumns(name).map {
            ReportColumn(
                name: $0, description: descriptions[$0]?.description, unit: descriptions[$0]?.unit,
                refersTo: descriptions[$0]?.refersTo.flatMap(CompanyNames.Scope.init(rawValue:)))
        }
    }

    /// The view's definition as stored in the schema.
    public func sql(of name: String) throws -> String {
        _ = try info(name)
        guard let view = try db.schemaObject(named: name), view.kind == .view, let sql = view.sql else {
            throw KnowledgeBaseError(.invalidInput, "report \"\(name)\" is in the catalog but its view is missing")
        }
        return sql
    }

    /// For a report kept in a report index (migration 0013): the index table and the
    /// definition of the view it is filled from, which says how the rows are computed.
    public func computedSQL(of name: String) throws -> (indexTable: String, sql: String)? {
        guard let found = try ReportIndexes.index(of: name, in: db), let view = try db.schemaObject(named: found.view),
            let sql = view.sql
        else { return nil }
        return (found.table, sql)
    }

    private func viewColumns(_ name: String) throws -> [String] {
        try db.columns(of: name).map(\.name)
    }

    /// Prepares a run of a report; the caller steps it (streaming) under any time limit it likes.
    /// Company names in filters on company-valued columns are resolved (CompanyNames);
    /// `resolved` hears what each became ("company \"corewave\" is CoreWeave").
    public func query(
        _ name: String, filters: [Filter] = [], orderBy: [String] = [], descending: Bool = false, limit: Int? = nil,
        resolved: (String) -> Void = { _ in }
    ) throws -> Statement {
        _ = try info(name)
        let described = try self.columns(of: name)
        let columns = described.map(\.name)
        func unknown(_ column: String) -> KnowledgeBaseError {
            KnowledgeBaseError(
                .invalidInput,
                "report \(name) has no column \"\(column)\"" + Suggestions.hint(for: column, among: columns)
                    + " (aikb report show \(name) lists them)")
        }
        func checked(_ column: String) throws -> String {
            if columns.contains(column) { return column }
            if let match = columns.first(where: { $0.lowercased() == column.lowercased() }) { return match }
            throw unknown(column)
        }
        var sql = "SELECT * FROM \(SQL.identifier(name))"
        var parameters = GeneratedParameters()
        var names: CompanyNames?
        sql += try Filter.clause(
            filters, columns: described.map { Filter.Column(name: $0.name, unit: $0.unit, refersTo: $0.refersTo) },
            unknown: unknown, names: { try names ?? { names = try CompanyNames(db: db); return names! }() },
            resolved: resolved, parameters: &parameters)
        if !orderBy.isEmpty {
            let terms = try orderBy.map { SQL.identifier(try checked($0)) + (descending ? " DESC" : "") }
            sql += " ORDER BY " + terms.joined(separator: ", ")
        }
        if let limit {
            if let problem = Self.limitProblem(limit) { throw KnowledgeBaseError(.invalidInput, problem) }
            sql += " LIMIT " + parameters.placeholder(for: .integer(Int64(limit)))
        }
        let statement = try db.prepare(sql)
        try statement.bind(parameters.values)
        return statement
    }

    /// Saves a user's report: the SQL is checked by preparing it (one read-only
    /// statement that returns rows), then stored as a view and a catalog row.
    public func save(name: String, sql: String, title: String?, description: String?) throws {
        guard name.first.map({ $0.isASCII && $0.isLowercase }) == true,
            name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
        else {
            throw KnowledgeBaseError(
                .invalidInput, "\"\(name)\" is not a report name (snake_case: lower-case letters, digits and _, starting with a letter)")
        }
        if try db.schemaObject(named: name) != nil {
            let builtin = try list().first(where: { $0.name == name })?.builtin
            throw KnowledgeBaseError(
                .invalidInput,
                builtin == true
                    ? "\"\(name)\" is a built-in report"
                    : "\"\(name)\" exists already (drop it first with aikb report drop \(name), if it is a saved report)")
        }
        var body = sql
        while let last = body.last, last == ";" || last == " " || last == "\n" || last == "\t" || last == "\r" {
            body.removeLast()
        }
        let statement: Statement
        do {
            statement = try db.prepare(body)
        } catch let error as SQLiteError {
            throw KnowledgeBaseError(.invalidInput, "the report's SQL does not compile: \(error.description)")
        }
        guard statement.isReadOnly, statement.columnCount > 0 else {
            throw KnowledgeBaseError(.invalidInput, "a report must be one SELECT statement that returns rows")
        }
        let columns = statement.columnNames
        try db.transaction {
            try db.execute("CREATE VIEW \(SQL.identifier(name)) AS \(body)")
            try db.execute(
                "INSERT INTO reports (name, title, description, builtin) VALUES (:name, :title, :description, 0)",
                binding: ["name": .text(name), "title": .text(title ?? name), "description": .text(description ?? "")])
            let insertColumn = try db.prepare(
                "INSERT INTO report_columns (report, position, name) VALUES (:report, :position, :name)")
            for (index, column) in columns.enumerated() {
                try insertColumn.execute(binding: [
                    "report": .text(name), "position": .integer(Int64(index + 1)), "name": .text(column),
                ])
            }
        }
    }

    /// Drops a saved report; built-in reports cannot be dropped.
    public func drop(name: String) throws {
        let report = try info(name)
        guard !report.builtin else {
            throw KnowledgeBaseError(.invalidInput, "\(name) is a built-in report and cannot be dropped")
        }
        try db.transaction {
            try db.execute("DROP VIEW IF EXISTS \(SQL.identifier(name))")
            try db.execute("DELETE FROM reports WHERE name = :name", binding: ["name": .text(name)])
        }
    }
}
