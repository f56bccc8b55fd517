import Foundation
import Testing

/// Every built-in report through `aikb` and through the real `sqlite3` CLI.
@Suite struct ReportCLITests {
    static let builtins = [
        "nvidia_portfolio", "nvidia_rounds", "billion_dollar_rounds", "round_size_bands", "portfolio_by_sector",
        "investor_activity", "stage_and_lead", "circular_financing", "circular_financing_flows", "neoclouds",
        "claims_vs_data", "ecosystem_edges", "source_usage", "money_flows", "money_loops", "money_loop_legs", "portfolio",
        "portfolio_rounds", "concentration", "commitments", "claim_details",
    ]

    static let database: String = {
        let path = temporaryDirectory() + "/kb.sqlite"
        _ = try? aikb("init", db: path)
        return path
    }()

    func json(_ text: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
    }

    @Test(arguments: builtins)
    func aikbAndSqlite3ShowTheSameRows(_ report: String) throws {
        let mine = try aikb("report", "run", report, "--format", "json", db: Self.database)
        #expect(mine.status == 0, "\(mine.stderr)")
        let theirs = try sqlite3(Self.database, "SELECT * FROM \(report)", ["-json"])
        #expect(theirs.status == 0, "\(theirs.stderr)")
        let ours = try json(mine.stdout)
        // sqlite3 prints nothing at all for an empty result.
        let reference = theirs.stdout.isEmpty ? [] : try json(theirs.stdout)
        #expect(!ours.isEmpty, "\(report) is empty on the seeded knowledge base")
        #expect(ours.count == reference.count)
        // sqlite3 prints reals with 20 digits (83.299999999999997154), aikb the shortest
        // that reads back the same (83.3): compare numbers as doubles.
        func same(_ a: Any, _ b: Any) -> Bool {
            if let x = a as? NSNumber, let y = b as? NSNumber {
                return x.doubleValue == y.doubleValue || abs(x.doubleValue - y.doubleValue) <= 1e-9 * abs(y.doubleValue)
            }
            if a is NSNull && b is NSNull { return true }
            if let x = a as? String, let y = b as? String { return x == y }
            return false
        }
        for (mineRow, theirRow) in zip(ours, reference) {
            #expect(mineRow.keys.sorted() == theirRow.keys.sorted(), "\(report)")
            for (key, value) in mineRow {
                #expect(same(value, theirRow[key] ?? NSNull()), "\(report).\(key): \(value) vs \(theirRow[key] ?? "missing")")
            }
        }
    }

    @Test func csvReimportsIdentically() throws {
        let directory = temporaryDirectory()
        let exported = try aikb("report", "run", "nvidia_rounds", "--format", "csv", db: Self.database)
        write(exported.stdout, to: directory + "/rounds.csv")
        let copy = directory + "/copy.sqlite"
        #expect(try aikb("import", "--table", "rounds_copy", directory + "/rounds.csv", db: copy).status == 0)
        let reexported = try sqlite3(copy, "SELECT * FROM rounds_copy", ["-csv", "-header"])
        let original = try sqlite3(Self.database, "SELECT * FROM nvidia_rounds", ["-csv", "-header"])
        #expect(reexported.stdout == original.stdout)
        #expect(exported.stdout.contains("6600000000"))
        #expect(!exported.stdout.contains("e+"))
    }

    @Test func everyFormatKeepsNullAndEmptyApart() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        #expect(try aikb("report", "save", "nulls", "--sql", "SELECT NULL AS a, '' AS b, 1500000000.0 AS c, 7 AS d", db: path).status == 0)
        func out(_ format: String) throws -> String { try aikb("report", "run", "nulls", "--format", format, db: path).stdout }
        #expect(try out("csv") == "a,b,c,d\n,\"\",1500000000.0,7\n")
        #expect(try out("tsv") == "a\tb\tc\td\n\\N\t\t1500000000.0\t7\n")
        #expect(try out("json") == "[\n{\"a\":null,\"b\":\"\",\"c\":1500000000.0,\"d\":7}\n]\n")
        #expect(try out("jsonl") == "{\"a\":null,\"b\":\"\",\"c\":1500000000.0,\"d\":7}\n")
        #expect(try out("markdown") == "| a | b | c | d |\n| --- | --- | --- | --- |\n| NULL |  | 1500000000.0 | 7 |\n")
        // table, box and line show NULL as an empty cell unless --null says otherwise.
        let table = try aikb("report", "run", "nulls", "--format", "table", "--null", "NULL", db: path).stdout
        #expect(table.contains("NULL"))
        #expect(table.contains("1500000000.0"))
    }

    @Test func listShowAndErrors() throws {
        let list = try aikb("report", "list", "--format", "json", db: Self.database)
        let reports = try json(list.stdout)
        #expect(reports.count >= 13)
        #expect(reports.contains { $0["name"] as? String == "circular_financing" })
        let show = try aikb("report", "show", "circular_financing", db: Self.database)
        #expect(show.stdout.contains("Columns:"))
        #expect(show.stdout.contains("circular_ratio"))
        #expect(show.stdout.contains("CREATE VIEW circular_financing"))
        #expect(!show.stdout.contains("Computed by"))
        // A report kept in a report index shows the SQL its rows are computed by too.
        let indexed = try aikb("report", "show", "investor_activity", db: Self.database)
        #expect(indexed.stdout.contains("FROM investor_activity_index"))
        #expect(indexed.stdout.contains("\nComputed by (into investor_activity_index, at each aikb write that changes the tables it reads):\nCREATE VIEW investor_activity_computed AS\nWITH bounds AS MATERIALIZED ("))
        func shown(_ report: String) throws -> [String: Any]? {
            let text = try aikb("report", "show", report, "--format", "json", db: Self.database).stdout
            return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        }
        #expect((try shown("investor_activity")?["computed_sql"] as? String)?.hasPrefix("CREATE VIEW investor_activity_computed AS") == true)
        #expect(try shown("neoclouds")?["computed_sql"] is NSNull)
        let unknown = try aikb("report", "run", "circular_financng", db: Self.database)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.hasPrefix("aikb: unknown report \"circular_financng\"; did you mean circular_financing"))
        let column = try aikb("report", "run", "neoclouds", "--where", "orign~crypto", db: Self.database)
        #expect(column.status == 65)
        #expect(column.stderr.contains("did you mean origin?"))
        let filtered = try aikb("report", "run", "neoclouds", "--where", "origin~crypto", "--format", "csv", db: Self.database)
        #expect(filtered.stdout.split(separator: "\n").count == 3)  // header, CoreWeave, Nscale
    }

    @Test func savedReportsThroughTheCLI() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        let bad = try aikb("report", "save", "oops", "--sql", "SELEC name FROM companies", db: path)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("near \"SELEC\": syntax error"))
        #expect(try aikb("report", "save", "leaders", "--sql", "SELECT name FROM companies WHERE kind = 'big_tech'", "--title", "Big tech", db: path).status == 0)
        #expect(try sqlite3(path, "SELECT count(*) > 0 FROM leaders").stdout == "1\n")
        #expect(try aikb("report", "drop", "nvidia_portfolio", db: path).status == 65)
        #expect(try aikb("report", "drop", "leaders", db: path).status == 0)
        #expect(try sqlite3(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'leaders'").stdout == "0\n")
    }
}
