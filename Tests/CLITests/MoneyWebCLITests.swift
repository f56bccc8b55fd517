import Foundation
import Testing

/// aikb company, aikb find, names in filters and the money reports, through the real binary.
@Suite struct MoneyWebCLITests {
    static let database: String = {
        let path = temporaryDirectory() + "/kb.sqlite"
        _ = try? aikb("init", db: path)
        return path
    }()

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func filtersSayWhatANameResolvedToAndRefuseUnknownOnes() throws {
        let typo = try aikb("report", "run", "circular_financing", "--where", "hub=nvidia", "--where", "company=corewave",
                            "--format", "csv", "--columns", "hub,company,hub_pays_usd", db: Self.database)
        #expect(typo.status == 0, "\(typo.stderr)")
        #expect(typo.stdout == "hub,company,hub_pays_usd\nNVIDIA,CoreWeave,7600000000\n")
        #expect(typo.stderr == "aikb: company \"nvidia\" is NVIDIA\naikb: company \"corewave\" is CoreWeave (the closest name)\n")
        let unit = try aikb("report", "run", "portfolio", "--where", "investor=Google", "--format", "csv", "--columns", "investor", db: Self.database)
        #expect(unit.status == 0)
        #expect(Set(unit.stdout.split(separator: "\n").dropFirst()) == ["Alphabet"])
        #expect(unit.stderr.contains("Google is a unit of Alphabet"))
        let unknown = try aikb("report", "run", "portfolio", "--where", "investor=Zzyzx", db: Self.database)
        #expect(unknown.status == 65)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.hasPrefix("aikb: unknown company \"Zzyzx\""))
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        let ambiguous = try aikb("facets", "money_flows", "flow", "--where", "payer=Valor", db: Self.database)
        #expect(ambiguous.status == 65)
        #expect(ambiguous.stderr.contains("names 2 companies"))
        let date = try aikb("report", "run", "money_flows", "--where", "announced_on>=2025-13", db: Self.database)
        #expect(date.status == 65)
        #expect(date.stderr == "aikb: --where announced_on>=2025-13: announced_on is a date; expected YYYY-MM-DD, YYYY-MM or YYYY, a real one\n")
        let number = try aikb("report", "run", "circular_financing", "--where", "circular_ratio>abc", db: Self.database)
        #expect(number.status == 65)
        #expect(number.stderr.hasPrefix("aikb: --where circular_ratio>abc: circular_ratio is a number"))
    }

    @Test func moneyLoopsThroughAikbAndSqlite3() throws {
        let mine = try aikb("report", "run", "money_loops", "--where", "companies~NVIDIA → OpenAI → Oracle", "--format", "csv",
                            "--columns", "companies,length,legs,smallest_leg_usd", db: Self.database)
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(mine.stdout.contains("NVIDIA → OpenAI → Oracle,3,equity | cloud_capacity | purchase,40000000000\n"))
        #expect(mine.stderr.isEmpty)  // the index is current
        let theirs = try sqlite3(Self.database, "SELECT count(*) FROM money_loops")
        #expect(theirs.stdout == "48\n")
        // A change made outside aikb: the report says the loops are behind, refresh catches up.
        let copy = temporaryDirectory() + "/copy.sqlite"
        #expect(try aikb("init", db: copy).status == 0)
        #expect(try sqlite3(copy, "UPDATE supply_deals SET status = 'cancelled' WHERE external_id = 'nvidia-coreweave-2026-01-rubin-platforms'").status == 0)
        let behind = try aikb("report", "run", "money_loops", "--format", "csv", db: copy)
        #expect(behind.stderr.contains("the money loops predate changes made outside aikb"))
        // So do the reports that read a report index, which show the deal as it was.
        let deal = ["report", "run", "circular_financing_flows", "--where", "fact=nvidia-coreweave-2026-01-rubin-platforms",
                    "--columns", "status", "--format", "csv"]
        let stale = try run(aikbBinary, ["--db", copy] + deal)
        #expect(stale.stderr == "aikb: circular_financing_flows predates changes made outside aikb; aikb report refresh recomputes it\n")
        #expect(stale.stdout == "status\nannounced\n")
        let refresh = try aikb("report", "refresh", db: copy)
        #expect(refresh.status == 0)
        #expect(refresh.stderr.contains("recomputed"))
        #expect(try sqlite3(copy, "SELECT count(*) FROM money_loops WHERE companies = 'NVIDIA → CoreWeave'").stdout == "0\n")
        #expect(try aikb("report", "run", "money_loops", "--format", "csv", db: copy).stderr.isEmpty)
        let fresh = try run(aikbBinary, ["--db", copy] + deal)
        #expect(fresh.stderr.isEmpty)
        #expect(fresh.stdout == "status\ncancelled\n")
        let again = try aikb("report", "refresh", db: copy).stderr
        #expect(again.hasPrefix("aikb: money loops were up to date: ")
            && again.hasSuffix("\naikb: report indexes were up to date\naikb: kept profiles were up to date\naikb: search index was up to date\n"))
        let forced = try aikb("report", "refresh", "--force", db: copy).stderr
        #expect(forced.hasPrefix("aikb: money loops recomputed: "))
        #expect(forced.hasSuffix(
            "\naikb: report indexes refilled: circular_financing_flows_index, investor_activity_index, concentration_index\n"
                + "aikb: kept profiles refilled: 0 companies\naikb: search index was up to date\n"))
    }

    /// A profile reads the same whether its sections are kept (profile_index_*) or
    /// computed: every company with a flow kept through sqlite3 and `report refresh`.
    @Test func aKeptProfileReadsAsAComputedOne() throws {
        let copy = temporaryDirectory() + "/kept.sqlite"
        #expect(try aikb("init", db: copy).status == 0)
        let names = ["NVIDIA", "NVentures", "CoreWeave", "Microsoft Azure"]
        let computed = try names.map { try aikb("company", $0, "--limit", "0", "--format", "json", db: copy).stdout }
        #expect(try sqlite3(copy, "SELECT count(*) FROM profile_index").stdout == "0\n")
        #expect(try sqlite3(copy, "UPDATE profile_index_state SET least_flows = 1").status == 0)
        let refresh = try aikb("report", "refresh", "--force", db: copy)
        let kept = try sqlite3(copy, "SELECT count(*) FROM profile_index").stdout.dropLast()
        #expect((Int(kept) ?? 0) > 100)
        #expect(refresh.stderr.contains("\naikb: kept profiles refilled: \(kept) companies\n"), "\(refresh.stderr)")
        for (name, before) in zip(names, computed) {
            let profile = try aikb("company", name, "--limit", "0", "--format", "json", db: copy)
            #expect(profile.status == 0 && profile.stdout == before && before.contains("\"flows\":[\n{\"direction\""), "\(name)")
        }
    }

    @Test func theProfileInEveryFormat() throws {
        let table = try aikb("company", "coreweave", "--format", "table", "--width", "200", db: Self.database)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stderr.hasPrefix("aikb: company \"coreweave\" is CoreWeave\n"))
        for title in ["CoreWeave\n", "Rounds raised\n", "Investments made\n", "Money flows by counterparty\n", "Money loops\n", "Claims\n", "Sources\n"] {
            #expect(table.stdout.contains(title), "\(title)")
        }
        #expect(table.stdout.contains("origin        crypto mining"))
        let object = try json(try aikb("company", "CoreWeave", "--format", "json", "--limit", "0", db: Self.database).stdout) as? [String: Any]
        #expect(object.map { Set($0.keys) } == ["company", "rounds", "investments", "flows", "loops", "claims", "sources"])
        let company = object?["company"] as? [String: Any]
        #expect(company?["name"] as? String == "CoreWeave")
        let loops = object?["loops"] as? [[String: Any]]
        #expect(loops?.contains { $0["companies"] as? String == "NVIDIA → CoreWeave" } == true)
        let jsonl = try aikb("company", "CoreWeave", "--format", "jsonl", "--section", "rounds", db: Self.database)
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"section\":\"rounds\",") })
        let csv = try aikb("company", "CoreWeave", "--format", "csv", "--section", "flows", "--columns", "direction,counterparty", db: Self.database)
        #expect(csv.stdout.hasPrefix("direction,counterparty\nout,"))
        let markdown = try aikb("company", "Google", "--format", "markdown", "--section", "company", db: Self.database)
        #expect(markdown.stdout.contains("| group | Alphabet |"))
        let line = try aikb("company", "#1", "--format", "line", "--section", "company", db: Self.database)
        #expect(line.stdout.contains("name = NVIDIA"))
        let unknown = try aikb("company", "Zzyzx", db: Self.database)
        #expect(unknown.status == 65)
        let columns = try aikb("company", "NVIDIA", "--columns", "name", db: Self.database)
        #expect(columns.status == 64)
    }

    @Test func findInEveryFormat() throws {
        let typo = try aikb("find", "corewave", "--format", "csv", db: Self.database)
        #expect(typo.status == 0)
        #expect(typo.stdout.hasPrefix("match,kind,name,detail,id\nspelling,company,CoreWeave,"))
        let stargate = try aikb("find", "stargate", "--format", "json", "--limit", "50", db: Self.database)
        let rows = try json(stargate.stdout) as? [[String: Any]]
        #expect(rows?.first?["name"] as? String == "Stargate LLC")
        #expect(rows?.contains { $0["kind"] as? String == "deal" && $0["id"] as? String == "stargate-openai-2025-01-stargate-jv" } == true)
        let nothing = try aikb("find", "xqzvw", db: Self.database)
        #expect(nothing.status == 0)
        #expect(nothing.stderr == "aikb: nothing matches \"xqzvw\"\n")
    }

    /// An `sql --write` that inserts rows itself may put one back as it was (its old id
    /// and created_run), and one that REPLACEs deletes without any trigger seeing it:
    /// either recomputes every derived table at its close. One that only updates does not.
    @Test func sqlWriteThatInsertsOrReplacesRecomputesEverything() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        let fact = "nvidia-coreweave-2026-01-rubin-platforms"
        let status = "SELECT group_concat(status) FROM circular_financing_flows WHERE fact = '\(fact)'"
        #expect(try sqlite3(path, status).stdout == "announced\n")
        let columns = try sqlite3(path, "SELECT group_concat(name, ', ') FROM pragma_table_xinfo('supply_deals') WHERE hidden = 0")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try sqlite3(path, "CREATE TABLE saved AS SELECT \(columns) FROM supply_deals WHERE external_id = '\(fact)'")
        #expect(try aikb("sql", "--write", "DELETE FROM supply_deals WHERE external_id = '\(fact)'", db: path).status == 0)
        #expect(try sqlite3(path, status).stdout == "\n")
        let back = try aikb("sql", "--write", "INSERT INTO supply_deals (\(columns)) SELECT \(columns) FROM saved", db: path)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try sqlite3(path, "SELECT created_run < (SELECT max(id) FROM runs) FROM supply_deals WHERE external_id = '\(fact)'").stdout == "1\n")
        #expect(try sqlite3(path, status).stdout == "announced\n")
        let cancelled = columns.split(separator: ", ").map { $0 == "status" ? "'cancelled'" : String($0) }.joined(separator: ", ")
        let replaced = try aikb("sql", "--write", "INSERT OR REPLACE INTO supply_deals (\(columns)) SELECT \(cancelled) FROM saved", db: path)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try sqlite3(path, status).stdout == "cancelled\n")
        #expect(try sqlite3(path, "SELECT count(*) FROM history WHERE table_name = 'supply_deals' AND operation = 'delete' AND row_key = (SELECT CAST(id AS TEXT) FROM saved)").stdout == "1\n")
    }

    /// aikb keeps the search index itself (trusted_schema is OFF, so no trigger may
    /// write FTS5): a run that writes indexes what it changed; a change another client
    /// made is found from the tables until the next run indexes it.
    @Test func findSeesChangesByAikbAndByOtherClients() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        func names(_ text: String) throws -> [String] {
            let found = try aikb("find", text, "--format", "csv", "--columns", "name", db: path)
            return found.stdout.split(separator: "\n").dropFirst().map(String.init)
        }
        func pending() throws -> String { try sqlite3(path, "SELECT count(*) FROM search_pending").stdout }
        let renamed = try aikb("sql", "--write", "UPDATE companies SET notes = 'runs a quokkafarm' WHERE name = 'Lambda'", db: path)
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(try pending() == "0\n")
        #expect(try names("quokkafarm") == ["Lambda"])
        // sqlite3 writes: the triggers note the documents, find reads them from the tables.
        _ = try sqlite3(path, "UPDATE companies SET notes = 'now a wombatworks' WHERE name = 'Lambda'; DELETE FROM company_aliases WHERE alias = 'Stargate'")
        #expect(try pending() == "2\n")
        #expect(try names("quokkafarm").isEmpty)
        #expect(try names("wombatworks") == ["Lambda"])
        #expect(try !aikb("find", "stargate", "--format", "csv", db: path).stdout.contains("alias Stargate"))
        // The next run that writes indexes them.
        #expect(try aikb("sql", "--write", "UPDATE companies SET notes = notes WHERE 0", db: path).status == 0)
        #expect(try pending() == "0\n")
        #expect(try names("wombatworks") == ["Lambda"])
        #expect(try sqlite3(path, "SELECT count(*) FROM search_index WHERE search_index MATCH '\"wombatworks\"'").stdout == "1\n")
        // So does `report refresh`, which writes nothing else.
        _ = try sqlite3(path, "UPDATE companies SET notes = 'then a numbatmill' WHERE name = 'Lambda'")
        #expect(try pending() == "1\n")
        let refresh = try aikb("report", "refresh", db: path)
        #expect(refresh.status == 0, "\(refresh.stderr)")
        #expect(refresh.stderr.hasSuffix("\naikb: search index brought up to date: 1 document indexed\n"))
        #expect(try pending() == "0\n")
        #expect(try sqlite3(path, "SELECT count(*) FROM search_index WHERE search_index MATCH '\"numbatmill\"'").stdout == "1\n")
    }

    /// A bulk load through sqlite3 leaves every document it wrote to be read from the
    /// tables at each search: find says so, and what brings the index up to date.
    @Test func findSaysWhenManyDocumentsAreUnindexed() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        let warning = "aikb: more than 10000 documents changed outside aikb are not indexed yet and are read from the tables "
            + "at every search; aikb report refresh indexes them\n"
        // Exactly the threshold: no warning.
        _ = try sqlite3(path, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
            + "INSERT INTO search_pending (doc) SELECT 1000000 + 2 * i FROM n")
        let few = try aikb("find", "NVIDIA", "--format", "csv", db: path)
        #expect(few.status == 0)
        #expect(!few.stderr.contains("not indexed yet"))
        _ = try sqlite3(path, "INSERT INTO search_pending (doc) VALUES (3000000)")
        let many = try aikb("find", "NVIDIA", "--format", "csv", db: path)
        #expect(many.status == 0)
        #expect(many.stderr == warning)
        #expect(many.stdout == few.stdout)
        #expect(try aikb("report", "refresh", db: path).stderr.hasSuffix("search index brought up to date: 10001 documents indexed\n"))
        #expect(try aikb("find", "NVIDIA", "--format", "csv", db: path).stderr.isEmpty)
    }
}
