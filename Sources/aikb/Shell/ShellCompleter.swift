import Output
import Query
import SQLite

/// Tab completion in the shell: dot-commands, table, view and report names,
/// their columns (`companies.na` completes to `companies.name`), formats and SQL
/// keywords. Names are read from the schema at the first Tab.
final class ShellCompleter {
    private let db: Database
    private var objects: [SchemaObject]?

    static let dotCommands = [".tables", ".schema", ".reports", ".format", ".mode", ".timer", ".timeout", ".help", ".quit"]
    static let keywords = [
        "SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "HAVING", "LIMIT", "OFFSET", "JOIN", "LEFT", "INNER",
        "CROSS", "ON", "USING", "AS", "AND", "OR", "NOT", "NULL", "IS", "IN", "LIKE", "GLOB", "BETWEEN", "CASE",
        "WHEN", "THEN", "ELSE", "END", "DISTINCT", "UNION", "ALL", "EXCEPT", "INTERSECT", "WITH", "RECURSIVE",
        "EXISTS", "COUNT", "SUM", "AVG", "MIN", "MAX", "TOTAL", "COALESCE", "ASC", "DESC", "EXPLAIN", "QUERY", "PLAN",
    ]

    init(db: Database) { self.db = db }

    func complete(_ word: String, after before: String) -> [String] {
        let previous = before.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        let lineStart = previous.isEmpty
        if lineStart && word.hasPrefix(".") { return Self.matching(word, in: Self.dotCommands) }
        if let command = previous.first, command.hasPrefix("."), previous.count == 1 {
            switch command {
            case ".schema": return Self.matching(word, in: names())
            case ".format", ".mode": return Self.matching(word, in: OutputFormat.allCases.map(\.rawValue))
            case ".timer": return Self.matching(word, in: ["on", "off"])
            default: return []
            }
        }
        if let dot = word.lastIndex(of: ".") {
            let table = String(word[..<dot])
            let prefix = String(word[word.index(after: dot)...])
            guard let object = schema().first(where: { $0.name.lowercased() == table.lowercased() }) else { return [] }
            return Self.matching(prefix, in: object.columns.map(\.name)).map { table + "." + $0 }
        }
        let last = previous.last?.uppercased()
        if let last, ["FROM", "JOIN", "INTO", "TABLE", "UPDATE"].contains(last) {
            return Self.matching(word, in: names())
        }
        let keywords = word.first.map { $0.isLowercase } == true ? Self.keywords.map { $0.lowercased() } : Self.keywords
        let columns = Array(Set(schema().flatMap { $0.columns.map(\.name) })).sorted()
        return Self.matching(word, in: names() + columns + keywords)
    }

    private func schema() -> [SchemaObject] {
        if let objects { return objects }
        // Completion is a convenience: a schema it cannot read completes nothing.
        let loaded = (try? Schema.objects(in: db)) ?? []
        objects = loaded
        return loaded
    }

    private func names() -> [String] { schema().map(\.name) }

    /// Candidates starting with `prefix`, ignoring case, each once, in order.
    static func matching(_ prefix: String, in candidates: [String]) -> [String] {
        let lowered = prefix.lowercased()
        var seen = Set<String>()
        return candidates.filter { $0.lowercased().hasPrefix(lowered) && seen.insert($0).inserted }
    }
}
