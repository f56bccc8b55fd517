import Foundation
import Testing

/// aikb sql, schema, facets and graph on a seeded knowledge base.
@Suite struct ExploreCLITests {
    func seeded() throws -> String {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        // Fold the WAL into the file so its bytes say everything.
        _ = try sqlite3(path, "PRAGMA wal_checkpoint(TRUNCATE)")
        return path
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    static let refused: [(sql: String, message: String)] = [
        ("WITH x AS (SELECT 1) DELETE FROM companies", "this statement writes (DELETE FROM companies)"),
        ("SELECT 1; DROP TABLE companies", "this statement changes the schema (CREATE, DROP or ALTER)"),
        ("VACUUM INTO '/tmp/aikb-stolen.sqlite'", "this statement writes"),
        ("PRAGMA writable_schema = 1", "PRAGMA assignments are not allowed (PRAGMA writable_schema = 1)"),
        ("PRAGMA user_version = 9", "PRAGMA assignments are not allowed (PRAGMA user_version = 9)"),
        ("ATTACH '/tmp/aikb-other.sqlite' AS other", "ATTACH (and VACUUM INTO) is not allowed"),
        ("SELECT load_extension('/tmp/evil')", "loading extensions is not allowed"),
        ("INSERT INTO sectors (id, name, description) VALUES ('x', 'x', 'x')", "this statement writes (INSERT INTO sectors)"),
        ("UPDATE companies SET name = 'pwned'", "this statement writes (UPDATE companies)"),
        ("CREATE TABLE t (x)", "this statement changes the schema"),
        ("CREATE TEMP TABLE t (x)", "this statement changes the schema"),
        ("ALTER TABLE companies ADD COLUMN x", "this statement"),
        ("DROP VIEW circular_financing", "this statement changes the schema"),
        ("VACUUM", "this statement writes"),
        ("REINDEX", "this statement writes"),
        ("ANALYZE", "this statement"),
        ("PRAGMA optimize", "PRAGMA optimize is not allowed"),
        ("PRAGMA wal_checkpoint", "PRAGMA wal_checkpoint is not allowed"),
        ("SELECT 1; SELECT 2; DELETE FROM claims", "this statement writes (DELETE FROM claims)"),
    ]

    @Test(arguments: refused.indices)
    func writesAreRefusedAndTheFileIsUnchanged(_ index: Int) throws {
        let (sql, message) = Self.refused[index]
        let path = try seeded()
        let before = try bytes(path)
        let result = try aikb("sql", sql, db: path)
        #expect(result.status == 77, "\(sql): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(sql): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(sql): nothing may run before the refusal")
        #expect(try bytes(path) == before, "\(sql)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/aikb-stolen.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/aikb-other.sqlite"))
    }

    @Test func readingWorksWithParametersFilesAndStdin() throws {
        let path = try seeded()
        let direct = try aikb("sql", "SELECT name FROM companies WHERE name = :n; SELECT count(*) AS c FROM sectors", "--param", "n=NVIDIA", "--format", "csv", db: path)
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(direct.stdout == "name\nNVIDIA\nc\n16\n")
        let directory = temporaryDirectory()
        write("SELECT 40 + 2 AS answer;\n", to: directory + "/q.sql")
        #expect(try aikb("sql", "-f", directory + "/q.sql", "--format", "csv", db: path).stdout == "answer\n42\n")
        #expect(try aikb("sql", "-", "--format", "csv", db: path, input: "SELECT 'piped' AS how;").stdout == "how\npiped\n")
        let missing = try aikb("sql", "SELECT :x", db: path)
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no value for parameter :x (give --param x=VALUE)"))
        #expect(try aikb("sql", "-f", directory + "/nope.sql", db: path).status == 66)
    }

    @Test func writeCommitsOnlyWhenEveryStatementSucceeds() throws {
        let path = try seeded()
        let failing = try aikb(
            "sql", "--write",
            "INSERT INTO sectors (id, name, description) VALUES ('space', 'Space', 'x'); INSERT INTO sectors (id, name, description) VALUES ('space', 'Again', 'y')",
            db: path)
        #expect(failing.status == 65)
        #expect(failing.stderr.contains("UNIQUE constraint failed: sectors.id"))
        #expect(try sqlite3(path, "SELECT count(*) FROM sectors WHERE id = 'space'").stdout == "0\n")
        let working = try aikb("sql", "--write", "INSERT INTO sectors (id, name, description) VALUES ('space', 'Space', 'x')", db: path)
        #expect(working.status == 0)
        #expect(working.stderr.contains("1 row changed"))
        #expect(try sqlite3(path, "SELECT count(*) FROM sectors WHERE id = 'space'").stdout == "1\n")
        // Even with --write: no ATTACH, no PRAGMA assignments, no transaction control.
        #expect(try aikb("sql", "--write", "ATTACH '/tmp/x.sqlite' AS x", db: path).status == 77)
        #expect(try aikb("sql", "--write", "PRAGMA writable_schema = 1", db: path).status == 77)
        #expect(try aikb("sql", "--write", "BEGIN; DELETE FROM sectors; COMMIT", db: path).status == 77)
        #expect(try sqlite3(path, "SELECT count(*) > 10 FROM sectors").stdout == "1\n")
    }

    @Test func aRunawayQueryStopsAtTheTimeLimit() throws {
        let path = try seeded()
        let started = Date()
        let result = try aikb("sql", "--timeout", "0.5", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n", db: path)
        #expect(result.status == 124)
        #expect(result.stderr.contains("interrupted: the statement ran past the time limit of 0.5 s"))
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func errorsPointAtTheProblemAndSuggestNames() throws {
        let path = try seeded()
        let syntax = try aikb("sql", "SELECT name,, kind FROM companies", db: path)
        #expect(syntax.status == 65)
        #expect(syntax.stderr == "aikb: <command line>:1:13: near \",\": syntax error\n  SELECT name,, kind FROM companies\n              ^\n")
        let column = try aikb("sql", "SELECT nme FROM companies", db: path)
        #expect(column.stderr.hasPrefix("aikb: <command line>:1:8: no such column: nme; did you mean name?"))
        let table = try aikb("sql", "SELECT * FROM compnies", db: path)
        #expect(table.stderr.contains("no such table: compnies; did you mean companies?"))
        let multiline = try aikb("sql", "SELECT 1;\nSELECT\n  nope FROM companies", db: path)
        #expect(multiline.stderr.contains("<command line>:3:3: no such column: nope"))
        #expect(multiline.stdout.isEmpty)
    }

    @Test func aMillionRowExportStreamsInBoundedMemory() throws {
        let path = try seeded()
        // Python's getrusage gives the child's peak memory.
        let script = """
            import resource, subprocess, sys
            out = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            lines = out.stdout.count(b"\\n")
            print(out.returncode, lines, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let result = try run("/usr/bin/env", [
            "python3", "-c", script, aikbBinary, "sql", "--db", path, "--format", "csv", "--timeout", "0",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) SELECT i, 'company ' || i AS name, i * 1.5 AS amount FROM n",
        ])
        let fields = result.stdout.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        #expect(fields.count == 3)
        #expect(fields[0] == 0)
        #expect(fields[1] == 1_000_001)
        #expect(fields[2] < 40_000, "peak memory \(fields[2]) KiB")  // KiB: constant, not proportional to 1M rows
    }

    @Test func schemaListsTablesViewsAndReports() throws {
        let path = try seeded()
        let all = try aikb("schema", "--format", "csv", db: path)
        #expect(all.stdout.contains("companies,table,16,426,Companies\n"))  // 269 of the seeds, 157 new from Epoch AI's files
        #expect(all.stdout.contains("circular_financing,report,14,,"))
        #expect(all.stdout.contains("claim_derivations,view,"))
        let one = try aikb("schema", "funding_rounds", "--format", "csv", db: path)
        #expect(one.stdout.hasPrefix("column,type,not_null,primary_key,generated,references,unit,description\n"))
        #expect(one.stdout.contains("amount_usd,INTEGER,0,0,0,,usd,"))
        let unknown = try aikb("schema", "fundng_rounds", db: path)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("did you mean funding_rounds?"))
    }

    @Test func schemaShowsEveryColumnWithItsDocumentationForeignKeysAndGeneratedColumns() throws {
        let path = try seeded()
        let deals = try aikb("schema", "supply_deals", "--format", "csv", db: path)
        #expect(deals.status == 0, "\(deals.stderr)")
        let lines = deals.stdout.split(separator: "\n").dropFirst()
        let columns = try sqlite3(path, "SELECT name FROM pragma_table_xinfo('supply_deals')").stdout.split(separator: "\n")
        #expect(lines.map { $0.split(separator: ",").first! } == columns, "every column, the generated one included")
        #expect(deals.stdout.contains("announced_precision,TEXT,0,0,1,,,"))
        #expect(deals.stdout.contains("supplier_id,INTEGER,1,0,0,companies(id),,"))
        #expect(deals.stdout.contains("power_mw,REAL,0,0,0,,mw,"))
        let documented = try sqlite3(path, "SELECT description FROM table_columns WHERE table_name = 'supply_deals' AND column_name = 'gpu_count'")
        #expect(deals.stdout.contains("gpu_count,INTEGER,0,0,0,,count,\(documented.stdout.dropLast())\n"))
        // For people: the title and description first, then the columns.
        let table = try aikb("schema", "supply_deals", "--format", "table", "--width", "0", db: path)
        let title = try sqlite3(path, "SELECT title FROM table_docs WHERE name = 'supply_deals'").stdout.dropLast()
        #expect(table.stdout.hasPrefix("supply_deals (table): \(title)\n"))
        // A report's columns with their units and descriptions from the report catalog.
        let report = try aikb("schema", "circular_financing", "--format", "csv", "--columns", "column,unit", db: path)
        let units = try sqlite3(path, "SELECT name || ',' || ifnull(unit, '') FROM report_columns WHERE report = 'circular_financing' ORDER BY position")
        #expect(report.stdout == "column,unit\n" + units.stdout)
    }

    @Test func facetsMatchAGroupBy() throws {
        let path = try seeded()
        let facets = try aikb("facets", "supply_deals", "kind", "--format", "csv", "--limit", "100", db: path)
        let expected = try sqlite3(path, "SELECT 'kind', kind, count(*) FROM supply_deals GROUP BY kind ORDER BY 3 DESC, 2", ["-csv"])
        #expect(facets.stdout == "facet,value,count\n" + expected.stdout)
        let filtered = try aikb("facets", "nvidia_rounds", "sector", "year", "--where", "round_amount_usd>=1e9", "--format", "csv", db: path)
        let sectors = try sqlite3(path, "SELECT 'sector', sector, count(*) FROM nvidia_rounds WHERE round_amount_usd >= 1e9 GROUP BY sector ORDER BY 3 DESC, 2 LIMIT 20", ["-csv"])
        #expect(filtered.stdout.hasPrefix("facet,value,count\n" + sectors.stdout))
        #expect(filtered.stdout.contains("year,2025,"))
    }

    @Test func graphOutputIsValidDotAndMermaid() throws {
        let path = try seeded()
        let dot = try aikb("graph", "--format", "dot", db: path)
        #expect(dot.status == 0)
        let directory = temporaryDirectory()
        write(dot.stdout, to: directory + "/g.dot")
        let rendered = try run("/usr/bin/dot", ["-Tsvg", directory + "/g.dot", "-o", directory + "/g.svg"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect((try? String(contentsOfFile: directory + "/g.svg", encoding: .utf8))?.contains("<svg") == true)
        // The neighbourhood of CoreWeave: the leaseback and backstop flow back to NVIDIA, in red.
        let around = try aikb("graph", "--around", "CoreWeave", "--format", "dot", db: path)
        #expect(around.stdout.contains("\"CoreWeave\" -> \"NVIDIA\" [label=\"leaseback, capacity_backstop · $7.6B\", color=\"#c0392b\""))
        let investments = try aikb("graph", "--around", "nvidia", "--kinds", "investment", "--since", "2026", "--format", "mermaid", db: path)
        #expect(investments.stdout.hasPrefix("flowchart LR\n"))
        #expect(!investments.stdout.contains("leaseback"))
        #expect(investments.stdout.contains("OpenAI"))
        // Names resolved as filters resolve them: a misspelling, a unit of a group.
        let misspelled = try aikb("graph", "--around", "Nvidai", "--format", "dot", db: path)
        #expect(misspelled.status == 0)
        #expect(misspelled.stderr.contains("company \"Nvidai\" is NVIDIA (the closest name)"), "\(misspelled.stderr)")
        let exact = try aikb("graph", "--around", "NVIDIA", "--format", "dot", db: path)
        #expect(misspelled.stdout == exact.stdout)
        let unit = try aikb("graph", "--around", "NVentures", "--format", "dot", db: path)
        #expect(unit.stderr.contains("NVentures is a unit of NVIDIA"), "\(unit.stderr)")
        let unknown = try aikb("graph", "--around", "Qwzxv Labs", db: path)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.hasPrefix("aikb: unknown company \"Qwzxv Labs\""), "\(unknown.stderr)")
    }
}
