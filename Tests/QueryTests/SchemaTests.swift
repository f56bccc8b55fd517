import KnowledgeBase
import Query
import SQLite
import Testing

/// The catalog documents every table of the knowledge base, so that `aikb schema` and
/// Datasette show what each column holds, and a migration that adds a table or a
/// column without documenting it fails here.
@Suite struct SchemaTests {
    static let units: Set<String> = ["usd", "percent", "share", "count", "date", "mw", "h100e", "ratio", "text"]

    @Test func everyColumnOfEveryKnowledgeTableIsDocumented() throws {
        let db = try seededDatabase()
        // A user's table (aikb import --table) is the user's, undocumented.
        try db.execute("CREATE TABLE my_data (x TEXT); INSERT INTO imported_tables (name, file) VALUES ('my_data', 'x.csv')")
        let objects = try Schema.objects(in: db)
        let tables = objects.filter { $0.kind == .table && $0.name != "my_data" }
        #expect(tables.count >= 24)
        for table in tables {
            #expect(table.title?.isEmpty == false, "\(table.name) has no title in table_docs")
            #expect(table.description?.isEmpty == false, "\(table.name) has no description in table_docs")
            for column in table.columns {
                #expect(column.description?.isEmpty == false, "\(table.name).\(column.name) is not documented in table_columns")
                if let unit = column.unit { #expect(Self.units.contains(unit)) }
            }
        }
        // No documentation of what does not exist (a renamed or dropped column).
        let stale = try db.allRows(
            """
            SELECT table_name, column_name FROM table_columns
            WHERE column_name NOT IN (SELECT name FROM pragma_table_xinfo(table_name))
            UNION ALL SELECT name, '' FROM table_docs WHERE name NOT IN (SELECT name FROM sqlite_schema WHERE type = 'table')
            """)
        #expect(stale.isEmpty, "\(stale)")
        // Money and dates say so: every *_usd column is usd, every *_on column a date.
        for table in tables {
            for column in table.columns where column.name.hasSuffix("_usd") { #expect(column.unit == "usd", "\(table.name).\(column.name)") }
            for column in table.columns where column.name.hasSuffix("_on") { #expect(column.unit == "date", "\(table.name).\(column.name)") }
        }
    }

    @Test func schemaShowsGeneratedColumnsForeignKeysAndUnits() throws {
        let db = try seededDatabase()
        let deals = try Schema.object("supply_deals", in: db)
        #expect(deals.title == "GPU supply deals")
        #expect(deals.columns.map(\.name) == (try db.columns(of: "supply_deals").map(\.name)))
        let precision = try #require(deals.columns.first { $0.name == "announced_precision" })
        #expect(precision.generated)
        #expect(deals.columns.first { $0.name == "supplier_id" }?.references == "companies(id)")
        #expect(deals.columns.first { $0.name == "power_mw" }?.unit == "mw")
        // A report: the catalog's title, and each column's description and unit.
        let report = try Schema.object("circular_financing", in: db)
        #expect(report.kind == .report)
        #expect(report.title == (try db.strings("SELECT title FROM reports WHERE name = 'circular_financing'").first))
        let documented = try db.allRows(
            "SELECT name, description, unit FROM report_columns WHERE report = 'circular_financing' ORDER BY position")
        #expect(report.columns.map { [Value.text($0.name), $0.description.map { .text($0) } ?? .null, $0.unit.map { .text($0) } ?? .null] } == documented)
        #expect(report.columns.contains { $0.unit == "usd" })
    }
}
