import KnowledgeBase
import SQLite
import Support

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

    /// The filter as `--where` takes it, parsing back to the same filter (a value that
    /// starts with "=" after "=" is written with "==", which parses as "=").
    public var text: String {
        // Scalars, not Characters: "=" and a combining mark after it are one Character.
        column + op.rawValue + (op == .equal && value.unicodeScalars.first == "=" ? "=" : "") + value
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
        // `==` is `=` as programmers write it: its second "=" is not part of the value
        // (which a name resolver would otherwise match to the closest name).
        let doubled = op == .equal && second == "="
        var value = String.UnicodeScalarView()
        value.append(contentsOf: rest.dropFirst(op.rawValue.unicodeScalars.count + (doubled ? 1 : 0)))
        return Filter(column: column, op: op, value: String(value))
    }

    /// What a filter needs to know of a column: its unit (a date, a number) and whether
    /// it holds companies or groups (then names are resolved, see CompanyNames).
    public struct Column: Sendable, Equatable {
        public let name: String
        public let unit: String?
        public let refersTo: CompanyNames.Scope?

        public init(name: String, unit: String? = nil, refersTo: CompanyNames.Scope? = nil) {
            self.name = name
            self.unit = unit
            self.refersTo = refersTo
        }
    }

    /// Units whose values are numbers.
    static let numberUnits: Set<String> = ["usd", "percent", "share", "count", "mw", "h100e", "ratio"]

    /// " WHERE a AND b" (or ""), each column checked against `columns` (an unknown one is
    /// `unknown(name)`'s error), each value against the column's unit, company names
    /// resolved (`resolved` hears what they became); the values added to `parameters`.
    static func clause(
        _ filters: [Filter], columns: [Column], unknown: (String) -> KnowledgeBaseError, names: () throws -> CompanyNames,
        resolved: (String) -> Void, parameters: inout GeneratedParameters
    ) throws -> String {
        guard !filters.isEmpty else { return "" }
        var conditions: [String] = []
        for filter in filters {
            guard let column = columns.first(where: { $0.name == filter.column })
                ?? columns.first(where: { $0.name.lowercased() == filter.column.lowercased() })
            else { throw unknown(filter.column) }
            let value = try filter.checkedValue(for: column, names: names, resolved: resolved)
            let checked = Filter(column: column.name, op: filter.op, value: value)
            conditions.append(
                column.unit == "date" && filter.op != .contains
                    ? checked.dateCondition(column: SQL.identifier(column.name), parameters: &parameters)
                    : checked.condition(column: SQL.identifier(column.name), parameters: &parameters))
        }
        return " WHERE " + conditions.joined(separator: " AND ")
    }

    /// The value to compare with: checked against the column's unit, a company's name
    /// resolved. One line saying what is wrong otherwise.
    func checkedValue(for column: Column, names: () throws -> CompanyNames, resolved: (String) -> Void) throws -> String {
        guard op != .contains else { return value }
        let shown = "--where " + Filter(column: column.name, op: op, value: value).text
        if column.unit == "date" {
            guard ValueParsing.isoDate(value) else {
                throw KnowledgeBaseError(
                    .invalidInput, "\(shown): \(column.name) is a date; expected YYYY-MM-DD, YYYY-MM or YYYY, a real one")
            }
        } else if let unit = column.unit, Self.numberUnits.contains(unit) {
            guard Int64(value) != nil || Double(value).map({ $0.isFinite }) == true else {
                throw KnowledgeBaseError(.invalidInput, "\(shown): \(column.name) is a number (\(unit)); \"\(value)\" is not one")
            }
        }
        if let scope = column.refersTo, op == .equal || op == .notEqual {
            let resolution = try names().resolve(value)
            if let note = resolution.note(for: scope) { resolved(note) }
            return resolution.value(for: scope).name
        }
        return value
    }

    /// The SQL condition on a date column: the value stands for its period (a year, a
    /// month or a day), and a date held as a year or a month counts from its first day,
    /// a time (`2026-12-02T05:45:03.196Z`, the runs' and history's) as its day. So
    /// `announced_on<=2025` keeps all of 2025, `>=2025-03` starts on March 1 (and keeps
    /// rows dated `2025-03`), `<2025` ends before it, and `=2025` is `>=2025` and
    /// `<=2025` at once. A year held as a number (the reports' `year`) compares as one.
    func dateCondition(column: String, parameters: inout GeneratedParameters) -> String {
        let period = DatePeriod(text: value)
        // Built only when used: each placeholder made must appear in the SQL.
        // On or after the first day: the text from it on, and the year and month forms
        // that start on it (which sort before it as text).
        func onOrAfter() -> String {
            let first = parameters.placeholder(for: .text(period.first))
            let forms = period.shorterFormsStartingOnItsFirstDay.map { parameters.placeholder(for: .text($0)) }
            return forms.isEmpty ? "\(column) >= \(first)" : "(\(column) >= \(first) OR \(column) IN (\(forms.joined(separator: ", "))))"
        }
        // On or before the last day: the text up to it, and the times of that day.
        func onOrBefore() -> String {
            let last = parameters.placeholder(for: .text(period.last))
            return "(\(column) <= \(last) OR \(column) LIKE \(parameters.placeholder(for: .text(period.last + "T%"))))"
        }
        let text: String
        switch op {
        case .greaterOrEqual: text = onOrAfter()
        case .greater: text = "(\(column) IS NOT NULL AND NOT \(onOrBefore()))"
        case .lessOrEqual: text = onOrBefore()
        case .less: text = "(\(column) IS NOT NULL AND NOT \(onOrAfter()))"
        case .equal: text = "(\(onOrAfter()) AND \(onOrBefore()))"
        case .notEqual: text = "(\(column) IS NULL OR NOT (\(onOrAfter()) AND \(onOrBefore())))"
        case .contains: return condition(column: column, parameters: &parameters)
        }
        // Only a year can meet a year held as a number; a month or a day stays a plain
        // comparison that an index can serve.
        guard value.count == 4 else { return text }
        return "CASE WHEN typeof(\(column)) IN ('integer', 'real') THEN \(condition(column: column, parameters: &parameters)) ELSE \(text) END"
    }

    /// The SQL condition (column already quoted), its values added to `parameters`.
    /// A number is compared as a number with numbers and as text with text, so
    /// `amount_usd>1e9` means what it says (dates: dateCondition).
    func condition(column: String, parameters: inout GeneratedParameters) -> String {
        let number: Value? = Int64(value).map { .integer($0) } ?? Double(value).flatMap { $0.isFinite ? .real($0) : nil }
        let text = parameters.placeholder(for: .text(value))
        switch op {
        case .contains:
            return "instr(\(SQL.lower("CAST(\(column) AS TEXT)", toMatch: value)), \(SQL.lower(text, toMatch: value))) > 0"
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
