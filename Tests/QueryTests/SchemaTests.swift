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
            UNION ALL SELECT name, '' FROM table_docs WHERE name NOT IN (SELECT name FROM sqlite_schema WHERE type IN ('table', 'view'))
            """)
        #expect(stale.isEmpty, "\(stale)")
        // Every view is documented: a report by the reports table, a view a report index is
        // filled from as its report, every other view by table_docs.
        for view in objects where view.kind != .table {
            #expect(view.title?.isEmpty == false, "\(view.name) has no title")
            #expect(view.description?.isEmpty == false, "\(view.name) has no description")
        }
        // Money and dates say so: every *_usd column is usd, every *_on column a date.
        for table in tables {
            for column in table.columns where column.name.hasSuffix("_usd") { #expect(column.unit == "usd", "\(table.name).\(column.name)") }
            for column in table.columns where column.name.hasSuffix("_on") { #expect(column.unit == "date", "\(table.name).\(column.name)") }
        }
    }

    /// Every file is opened with `trusted_schema = OFF`: each view and each trigger of
    /// aikb's schema must call only innocuous functions and no virtual table (FTS5 is
    /// not innocuous in SQLite 3.40, nor are its JSON functions). Preparing a statement
    /// is what SQLite refuses ("unsafe use of ..."), so every view is read and every
    /// trigger fired, inside a transaction rolled back.
    @Test func everyViewAndTriggerRunsUnderAnUntrustedSchema() throws {
        let db = try seededDatabase()
        #expect(try db.firstValue("PRAGMA trusted_schema") == .integer(0))
        for view in try db.strings("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name") {
            #expect(throws: Never.self, "\(view)") { _ = try db.allRows("SELECT * FROM \(SQL.identifier(view)) LIMIT 1") }
        }
        let tables = try db.strings("SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'trigger' ORDER BY 1")
        #expect(tables.contains("companies") && tables.contains("funding_rounds"))
        try db.execute("PRAGMA foreign_keys = OFF; SAVEPOINT fire")  // a delete is only to fire triggers
        for table in tables {
            let quoted = SQL.identifier(table)
            // An update of every column of one row, and its delete: the AFTER UPDATE and
            // DELETE triggers are compiled (and run) whatever their WHEN clause says.
            let stored = try db.columns(of: table).filter { !$0.isGenerated }
            let assignments = stored.map { "\(SQL.identifier($0.name)) = \(SQL.identifier($0.name))" }.joined(separator: ", ")
            let key = stored.filter { $0.primaryKeyPosition > 0 }.sorted { $0.primaryKeyPosition < $1.primaryKeyPosition }
                .map { SQL.identifier($0.name) }.joined(separator: ", ")
            let oneRow = "(\(key.isEmpty ? "rowid" : key)) IN (SELECT \(key.isEmpty ? "rowid" : key) FROM \(quoted) LIMIT 1)"
            #expect(throws: Never.self, "\(table)") {
                try db.execute("UPDATE \(quoted) SET \(assignments) WHERE \(oneRow)")
                try db.execute("DELETE FROM \(quoted) WHERE \(oneRow)")
            }
        }
        try db.execute("ROLLBACK TO fire; RELEASE fire; PRAGMA foreign_keys = ON")
    }

    /// The views a report index is filled from are described as their reports are,
    /// saying where the report's rows come from, columns and units included.
    @Test func theComputedViewsOfReportIndexesAreDescribed() throws {
        let db = try seededDatabase()
        for report in ["circular_financing_flows", "investor_activity", "concentration"] {
            let computed = try Schema.object(report + "_computed", in: db)
            let shown = try Schema.object(report, in: db)
            #expect(computed.kind == .view)
            #expect(computed.title == (shown.title ?? "") + " (computed)")
            #expect(computed.description?.contains("\(report) reads \(report)_index") == true, "\(computed.description ?? "")")
            #expect(computed.columns.map(\.description) == shown.columns.map(\.description))
            #expect(computed.columns.map(\.unit) == shown.columns.map(\.unit))
            #expect(computed.columns.allSatisfy { $0.description != nil })
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
