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
}

/// The named reports: views listed in the `reports` catalog. Running one builds
/// `SELECT * FROM view WHERE ... ORDER BY ... LIMIT ?` in which every value is a bound
/// parameter and every name (report, column) is checked against the catalog and
/// the view before it is quoted into the SQL.
public struct Reports {
    public let db: Database

    public init(db: Database) { self.db = db }

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
        var descriptions: [String: (description: String?, unit: String?)] = [:]
        try db.prepare("SELECT name, description, unit FROM report_columns WHERE report = :report ORDER BY position")
            .forEachRow(binding: ["report": .text(name)]) { row in
                descriptions[row.string(at: 0)] = (row.optionalString(at: 1), row.optionalString(at: 2))
            }
        return try viewColumns(name).map {
            ReportColumn(name: $0, description: descriptions[$0]?.description, unit: descriptions[$0]?.unit)
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

    private func viewColumns(_ name: String) throws -> [String] {
        try db.columns(of: name).map(\.name)
    }

    /// Prepares a run of a report; the caller steps it (streaming) under any time limit it likes.
    public func query(
        _ name: String, filters: [Filter] = [], orderBy: [String] = [], descending: Bool = false, limit: Int? = nil
    ) throws -> Statement {
        _ = try info(name)
        let columns = try viewColumns(name)
        func checked(_ column: String) throws -> String {
            if columns.contains(column) { return column }
            if let match = columns.first(where: { $0.lowercased() == column.lowercased() }) { return match }
            throw KnowledgeBaseError(
                .invalidInput,
                "report \(name) has no column \"\(column)\"" + Suggestions.hint(for: column, among: columns)
                    + " (aikb report show \(name) lists them)")
        }
        var sql = "SELECT * FROM \(SQL.identifier(name))"
        var parameters = GeneratedParameters()
        sql += try Filter.clause(filters, checked: checked, parameters: &parameters)
        if !orderBy.isEmpty {
            let terms = try orderBy.map { SQL.identifier(try checked($0)) + (descending ? " DESC" : "") }
            sql += " ORDER BY " + terms.joined(separator: ", ")
        }
        if let limit {
            guard limit >= 0 else { throw KnowledgeBaseError(.invalidInput, "--limit must be 0 or more, not \(limit)") }
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

/// A `--where` filter: `COL=VALUE`, `COL!=VALUE`, `COL>VALUE`, `COL>=VALUE`,
/// `COL<VALUE`, `COL<=VALUE` or `COL~TEXT` (contains, ignoring case).
public struct Filter: Sendable, Equatable {
    public enum Operator: String, Sendable, CaseIterable {
        case equal = "=", notEqual = "!=", greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
        case contains = "~"
    }

    public let column: String
    public let op: Operator
    public let value: String

    public init(column: String, op: Operator, value: String) {
        self.column = column
        self.op = op
        self.value = value
    }

    /// Parses `COL<op>VALUE`; the column is everything before the first operator.
    public static func parse(_ text: String) throws -> Filter {
        // Scalars, not Characters: a character may join an operator to what precedes it
        // (U+0603 followed by "~" is one grapheme), and the operator must still be found.
        let scalars = text.unicodeScalars
        let operators = "=<>!~".unicodeScalars
        guard let index = scalars.firstIndex(where: { operators.contains($0) }) else {
            throw KnowledgeBaseError(
                .invalidInput, "--where \(text): expected COL=VALUE, COL>VALUE, COL<VALUE or COL~TEXT (also >=, <=, !=)")
        }
        let column = String(String(String.UnicodeScalarView(scalars[..<index])).trimmingSpaces())
        let rest = Array(scalars[index...])
        let second = rest.count > 1 ? rest[1] : nil
        let op: Operator
        if rest[0] == ">" && second == "=" { op = .greaterOrEqual }
        else if rest[0] == "<" && second == "=" { op = .lessOrEqual }
        else if rest[0] == "!" && second == "=" { op = .notEqual }
        else if let single = Operator(rawValue: String(rest[0])), single != .notEqual { op = single }
        else { throw KnowledgeBaseError(.invalidInput, "--where \(text): unknown operator (use =, !=, >, >=, <, <= or ~)") }
        guard !column.isEmpty else { throw KnowledgeBaseError(.invalidInput, "--where \(text): no column before the operator") }
        var value = String.UnicodeScalarView()
        value.append(contentsOf: rest.dropFirst(op.rawValue.unicodeScalars.count))
        return Filter(column: column, op: op, value: String(value))
    }

    /// " WHERE a AND b" (or ""), each column checked first, the values added to `parameters`.
    static func clause(
        _ filters: [Filter], checked: (String) throws -> String, parameters: inout GeneratedParameters
    ) throws -> String {
        guard !filters.isEmpty else { return "" }
        var conditions: [String] = []
        for filter in filters {
            conditions.append(filter.condition(column: SQL.identifier(try checked(filter.column)), parameters: &parameters))
        }
        return " WHERE " + conditions.joined(separator: " AND ")
    }

    /// The SQL condition (column already quoted), its values added to `parameters`.
    /// A number is compared as a number with numbers and as text with text, so
    /// `amount_usd>1e9` and `announced_on>2024` both mean what they say.
    func condition(column: String, parameters: inout GeneratedParameters) -> String {
        let number: Value? = Int64(value).map { .integer($0) } ?? Double(value).flatMap { $0.isFinite ? .real($0) : nil }
        let text = parameters.placeholder(for: .text(value))
        switch op {
        case .contains:
            return "instr(lower(CAST(\(column) AS TEXT)), lower(\(text))) > 0"
        case .equal:
            guard let number else { return "\(column) = \(text)" }
            return "(\(column) = \(parameters.placeholder(for: number)) OR \(column) = \(text))"
        case .notEqual:
            guard let number else { return "\(column) IS NOT \(text)" }
            return "(\(column) IS NOT \(parameters.placeholder(for: number)) AND \(column) IS NOT \(text))"
        case .greater, .greaterOrEqual, .less, .lessOrEqual:
            guard let number else { return "\(column) \(op.rawValue) \(text)" }
            return
                "CASE WHEN typeof(\(column)) IN ('integer', 'real') THEN \(column) \(op.rawValue) \(parameters.placeholder(for: number)) ELSE \(column) \(op.rawValue) \(text) END"
        }
    }
}
