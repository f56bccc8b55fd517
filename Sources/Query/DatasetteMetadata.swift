import Output
import SQLite
import Support

/// Datasette's metadata (the JSON of `datasette serve --metadata FILE`, the format of
/// Datasette 0.65) made from aikb's catalog, so that Datasette shows what `aikb schema`
/// and `aikb report show` show: per table and report a title, a description, each
/// column's description (its unit in words where Pint, Datasette's unit library, has
/// none that reads well) and Pint units (`percent`, `MW`); the column that names a
/// row of a table others point to (so a source shows by its title, a company by its
/// name); facets for the columns whose few values make sense to count; and saved
/// reports as canned queries.
public enum DatasetteMetadata {
    /// The metadata for `db`, which Datasette will serve under `databaseName` (the file's
    /// name without its extension, as Datasette names it).
    public static func json(for db: Database, databaseName: String) throws -> String {
        let objects = try Schema.objects(in: db)
        let referenced = Set(try objects.filter { $0.kind == .table }.flatMap { try db.foreignKeys(of: $0.name).map(\.table) })
        var tables: [(String, Node)] = []
        for object in objects {
            var entry: [(String, Node)] = []
            if let title = object.title { entry.append(("title", .string(title))) }
            if let description = object.description, !description.isEmpty { entry.append(("description", .string(description))) }
            let columns = object.columns.compactMap { column -> (String, Node)? in
                guard let text = columnText(column) else { return nil }
                return (column.name, .string(text))
            }
            if !columns.isEmpty { entry.append(("columns", .object(columns))) }
            let units = object.columns.compactMap { column in
                column.unit.flatMap { pintUnits[$0] }.map { (column.name, Node.string($0)) }
            }
            if !units.isEmpty { entry.append(("units", .object(units))) }
            if object.kind == .table, referenced.contains(object.name),
                let label = ["title", "name", "label"].first(where: { name in object.columns.contains { $0.name == name } })
            {
                entry.append(("label_column", .string(label)))
            }
            let facets = try facetColumns(of: object, in: db)
            if !facets.isEmpty { entry.append(("facets", .array(facets.map { .string($0) }))) }
            if !entry.isEmpty { tables.append((object.name, .object(entry))) }
        }
        var queries: [(String, Node)] = []
        try db.prepare("SELECT name, title, description FROM reports WHERE builtin = 0 ORDER BY name").forEachRow { row in
            let name = row.string(at: 0)
            var query: [(String, Node)] = [("sql", .string("SELECT * FROM \(SQL.identifier(name))")), ("title", .string(row.string(at: 1)))]
            if !row.string(at: 2).isEmpty { query.append(("description", .string(row.string(at: 2)))) }
            queries.append((name, .object(query)))
        }
        var database: [(String, Node)] = [
            ("title", .string(title)), ("description", .string(description)), ("tables", .object(tables)),
        ]
        if !queries.isEmpty { database.append(("queries", .object(queries))) }
        let root: Node = .object([
            ("title", .string(title)), ("description", .string(description)),
            ("databases", .object([(databaseName, .object(database))])),
        ])
        return root.text(indent: "") + "\n"
    }

    static let title = "aikb: the AI-compute economy"
    static let description =
        "Who funds whom in AI, who buys or leases whose GPUs, and how the money goes round. Every figure carries its source "
        + "(source_id). Reports are the views with titles; tables hold the facts. Made by aikb datasette --metadata."

    /// aikb's units as Pint (Datasette's unit library) names, where Pint has one that
    /// reads well: Pint would print dollars as "130.1 GUSD" and counts as "5.0 kcount",
    /// so those units are said in the column's description instead.
    static let pintUnits: [String: String] = ["percent": "percent", "mw": "MW"]

    /// Units in words, appended to a description where Pint has no good name for them.
    static let unitWords: [String: String] = [
        "usd": "US dollars", "share": "a fraction: 0.4 is 40%", "count": "a count", "h100e": "H100 equivalents",
        "ratio": "a ratio", "date": "ISO date: YYYY-MM-DD, YYYY-MM or YYYY",
    ]

    private static func columnText(_ column: SchemaColumn) -> String? {
        let words = column.unit.flatMap { unitWords[$0] }
        switch (column.description, words) {
        case (let description?, let words?): return description + " [" + words + "]"
        case (let description?, nil): return description
        case (nil, let words?): return "[" + words + "]"
        case (nil, nil): return nil
        }
    }

    /// At most this many facets per table or report, and only columns with at least 2
    /// and at most `facetValues` values among the first `facetSample` rows.
    static let facetLimit = 3
    static let facetValues = 12
    static let facetSample = 1000

    /// Columns that are worth counting wherever their values are few: the kinds,
    /// sectors, statuses and years of the reports and tables, first in this order.
    static let facetNames = [
        "sector", "sector_id", "year", "edge", "flow", "kind", "round_type", "band", "verdict", "status", "claim_status",
        "nvidia_led", "investor_kind", "role", "amount_status", "value_status", "round_amount_status", "metric",
        "reliability", "language", "country_code", "command", "operation", "scheme", "table_name",
    ]

    /// The columns whose values are few and repeat (a sector, a kind, a status, a
    /// year): those a facet counts usefully. Judged on the first rows, read once per
    /// object; only the columns of `facetNames` (a column's name says more about
    /// whether counting it makes sense than its first values do), in that order.
    private static func facetColumns(of object: SchemaObject, in db: Database) throws -> [String] {
        let numeric: Set<String> = ["usd", "percent", "share", "ratio", "mw", "h100e", "count"]
        let candidates = object.columns.enumerated().filter { _, column in
            facetNames.contains(column.name) && !column.primaryKey && !(column.unit.map(numeric.contains) ?? false)
        }
        guard !candidates.isEmpty else { return [] }
        var values = [Set<String>](repeating: [], count: object.columns.count)
        var longest = [Int](repeating: 0, count: object.columns.count)
        var rows = 0
        let statement = try db.prepare(
            "SELECT * FROM \(SQL.identifier(object.name)) LIMIT " + String(facetSample))
        try statement.forEachRow { row in
            rows += 1
            for (index, _) in candidates {
                let text = row.optionalString(at: index) ?? "\u{0}NULL"
                longest[index] = max(longest[index], text.count)
                if values[index].count <= facetValues { values[index].insert(text) }
            }
        }
        let qualifying = candidates.filter { index, _ in
            (2...facetValues).contains(values[index].count) && values[index].count < rows && longest[index] <= 40
        }.map(\.element.name)
        return Array(facetNames.filter(qualifying.contains).prefix(facetLimit))
    }

    /// JSON with keys in the order given, indented two spaces per level.
    private indirect enum Node {
        case string(String)
        case array([Node])
        case object([(String, Node)])

        func text(indent: String) -> String {
            let inner = indent + "  "
            switch self {
            case .string(let value): return JSON.string(value)
            case .array(let items):
                return "[" + items.map { $0.text(indent: inner) }.joined(separator: ", ") + "]"
            case .object(let members):
                guard !members.isEmpty else { return "{}" }
                return "{\n" + members.map { inner + JSON.string($0.0) + ": " + $0.1.text(indent: inner) }.joined(separator: ",\n")
                    + "\n" + indent + "}"
            }
        }
    }
}
