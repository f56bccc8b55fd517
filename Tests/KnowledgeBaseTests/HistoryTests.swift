import KnowledgeBase
import SQLite
import Support
import Testing

/// The history of every change, runs, and undo: on the real importer and the real schema.
@Suite struct HistoryTests {
    /// The knowledge tables as `sqlite3 .dump` would order them: every row of every
    /// table with history, in rowid (or key) order, rowid included where it is hidden.
    func knowledge(_ db: Database) throws -> String {
        var text = ""
        for table in try db.strings("SELECT name FROM history_tables ORDER BY name") {
            let hasRowid = !(try db.schemaObject(named: table)?.sql?.uppercased().contains("WITHOUT ROWID") ?? false)
            text += "== \(table)\n"
            for row in try db.allRows("SELECT \(hasRowid ? "rowid, " : "")* FROM \(SQL.identifier(table)) ORDER BY 1, 2") {
                // Bit patterns of reals, so that a value off in its 17th digit differs.
                let cells = row.map { value -> String in
                    if case .real(let real) = value { return "real(\(real.bitPattern))" }
                    return "\(value)"
                }
                text += cells.joined(separator: "|") + "\n"
            }
        }
        return text
    }

    func file(_ name: String, _ text: String) -> String {
        let path = temporaryDirectory() + "/" + name
        write(text, to: path)
        return path
    }

    @Test func everyHistoryTableHasTriggersCoveringEveryColumn() throws {
        let db = try migratedDatabase()
        let tables = try db.strings("SELECT name FROM history_tables")
        #expect(tables.count >= 10)
        for table in tables {
            let columns = try db.columns(of: table).filter { !$0.isGenerated }.map(\.name)
            #expect(columns.contains("created_run"), "\(table) has no created_run")
            let data = columns.filter { $0 != "created_run" }
            for kind in ["update", "delete"] {
                let sql = try db.schemaObject(named: "\(table)_history_\(kind)")?.sql ?? ""
                #expect(!sql.isEmpty, "\(table) has no \(kind) trigger")
                for column in columns {
                    #expect(sql.contains("'\(column)', OLD.\(column)"),
                            "\(table)_history_\(kind) does not record \(column)")
                }
                if kind == "update" {
                    #expect(sql.contains("AFTER UPDATE OF " + data.joined(separator: ", ") + " ON"), "\(table): UPDATE OF list")
                }
            }
            #expect(try db.objectExists("\(table)_created_run", kinds: [.trigger]), "\(table) has no created_run trigger")
        }
    }

    /// Re-importing a deal at $305B and then at $300B keeps what the knowledge base
    /// said before, and when, with the run that changed it.
    @Test func aRevisedFigureKeepsItsPreviousValue() throws {
        let db = try fixtureDatabase()
        let header = "deal_id,supplier,customer,kind,value_usd,announced_on,source_id\n"
        let first = try importFiles(db, [file("d.csv", header + "x-oracle,NVIDIA,OpenAI,purchase,305000000000,2025-07,T1\n")])
        let second = try importFiles(db, [file("d.csv", header + "x-oracle,NVIDIA,OpenAI,purchase,300000000000,2025-07,T1\n")])
        #expect(first.files[0].inserted == 1 && second.files[0].updated == 1)
        let (_, versions) = try RowHistory.versions(of: "supply_deals", key: "x-oracle", in: db)
        #expect(versions.map(\.change) == ["created", "updated"])
        #expect(versions.map(\.run) == [first.run, second.run])
        #expect(versions[0].values.contains("\"value_usd\":305000000000"))
        #expect(versions[1].changes == "value_usd: 305000000000 → 300000000000")
        // A no-op re-import records nothing.
        _ = try importFiles(db, [file("d.csv", header + "x-oracle,NVIDIA,OpenAI,purchase,300000000000,2025-07,T1\n")])
        #expect(try db.firstValue("SELECT count(*) FROM history") == .integer(1))
    }

    /// After an undo of the last run the knowledge tables are exactly as before it,
    /// rowids, reals and all; undoing the run before restores the state before that.
    @Test func undoPutsEveryRowBackExactly() throws {
        let db = try fixtureDatabase()
        let original = try knowledge(db)
        // Run A: new companies (created on the fly), an alias, a deal with a real, an update.
        let a = try importFiles(
            db,
            [
                file("c.csv", "name,aliases,kind,country_code,source_id\nOpenAI,Open AI,startup,USA,T2\n"),
                file(
                    "d.csv",
                    "deal_id,supplier,customer,kind,power_mw,value_usd,source_id\n"
                        + "y-1,Brand New Cloud,OpenAI,lease,0.30000000000000004,1000,T1\n"),
            ], options: { var o = ImportOptions(); o.createMissing = true; return o }())
        #expect(a.problemCount == 0, "\(a.problems)")
        let afterA = try knowledge(db)
        // Run B: sql-like changes through a run of its own: an update, a delete of a
        // source-citing row, a delete of a source.
        try db.inTransaction {
            try Runs.within(db, command: "sql --write") { _ in
                try db.execute("UPDATE supply_deals SET power_mw = 1.0000000000000002 WHERE external_id = 'y-1'")
                try db.execute("DELETE FROM funding_rounds WHERE external_id = 'lambda-2025-02'")
                try db.execute("UPDATE sources SET title = 'changed' WHERE id = 'T1'")
                try db.execute("DELETE FROM company_aliases WHERE alias = 'Lambda Labs'")
            }
            return .commit
        }
        let b = try #require(try db.firstValue("SELECT max(id) FROM runs")).integerText
        #expect(try knowledge(db) != afterA)
        _ = try Undo.undo(run: Int64(b)!, in: db)
        #expect(try knowledge(db) == afterA)
        _ = try Undo.undo(run: try #require(a.run), in: db)
        #expect(try knowledge(db) == original)
        #expect(try db.allRows("PRAGMA foreign_key_check").isEmpty)
    }

    /// A later run that changed the same rows, or that refers to rows the run created,
    /// stops the undo, named, and nothing changes.
    @Test func undoRefusesWhenLaterWorkBuildsOnTheRun() throws {
        let db = try fixtureDatabase()
        var options = ImportOptions()
        options.createMissing = true
        let a = try importFiles(db, [file("r.csv", "company,round_type,announced_on,source_id\nNew Startup,seed,2024,T1\n")], options: options)
        let b = try importFiles(
            db, [file("i.csv", "company,round_type,announced_on,investor,source_id\nNew Startup,seed,2024,NVIDIA,T1\n")])
        #expect(b.problemCount == 0, "\(b.problems)")
        let before = try knowledge(db)
        let error = #expect(throws: KnowledgeBaseError.self) { try Undo.undo(run: try #require(a.run), in: db) }
        #expect(error?.message.contains("later work builds on it (run \(b.run!))") == true, "\(error?.message ?? "")")
        #expect(try knowledge(db) == before)
        // Newest first works.
        _ = try Undo.undo(run: try #require(b.run), in: db)
        _ = try Undo.undo(run: try #require(a.run), in: db)
        #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name = 'New Startup'") == .integer(0))
        // An undone run, or an undo, is not undone again.
        #expect(throws: KnowledgeBaseError.self) { try Undo.undo(run: try #require(a.run), in: db) }
    }

    /// Changes made outside aikb (the sqlite3 shell, Datasette) are recorded too, with no run.
    @Test func changesOutsideAikbAreRecordedWithoutARun() throws {
        let db = try fixtureDatabase()
        try db.execute("UPDATE companies SET country_code = 'FRA' WHERE name = 'OpenAI'")
        try db.execute("INSERT INTO sources (id, title) VALUES ('X9', 'inserted by hand')")
        #expect(try db.allRows("SELECT run_id, table_name, operation FROM history") == [[.null, "companies", "update"]])
        #expect(try db.firstValue("SELECT created_run FROM sources WHERE id = 'X9'") == .null)
        let (_, versions) = try RowHistory.versions(of: "companies", key: "OpenAI", in: db)
        #expect(versions.last?.changes == "country_code: USA → FRA")
    }

    @Test func historyFindsRowsByTheirFileIdsNamesAndCompositeKeys() throws {
        let db = try fixtureDatabase()
        _ = try importFiles(db, [file("i.csv", "round_id,investor,is_lead,source_id\nopenai-2024-10,Thrive Capital,yes,T1\n")])
        try db.execute("UPDATE round_investors SET is_lead = 0")
        let (key, versions) = try RowHistory.versions(of: "round_investors", key: "openai-2024-10/Thrive Capital", in: db)
        #expect(key.contains("/"))
        #expect(versions.last?.changes == "is_lead: 1 → 0")
        // The row key itself (ids, found through the primary key), and not its
        // look-alike with a leading zero.
        let byIDs = try RowHistory.versions(of: "round_investors", key: key, in: db)
        #expect(byIDs.rowKey == key && byIDs.versions.count == versions.count)
        #expect(throws: KnowledgeBaseError.self) { try RowHistory.versions(of: "round_investors", key: "0" + key, in: db) }
        try db.execute("DELETE FROM funding_rounds WHERE external_id = 'lambda-2025-02'")
        let gone = try RowHistory.versions(of: "funding_rounds", key: "lambda-2025-02", in: db).versions
        #expect(gone.last?.change == "deleted")
        #expect(throws: KnowledgeBaseError.self) { try RowHistory.versions(of: "funding_rounds", key: "no-such-round", in: db) }
        #expect(throws: KnowledgeBaseError.self) { try RowHistory.versions(of: "fundng_rounds", key: "x", in: db) }
    }

    @Test func changesListRunsWithTheirCounts() throws {
        let db = try fixtureDatabase()
        let run = try importFiles(db, [file("r.csv", "round_id,company,round_type,announced_on,amount_usd,source_id\nopenai-2024-10,OpenAI,venture,2024-10-02,6700000000,T1\nx-new,OpenAI,seed,2016,1,T1\n")]).run
        let runs = try ChangeLog.runs(since: .run(try #require(run)), in: db)
        #expect(runs.count == 1)
        #expect(runs[0].tables.first { $0.table == "funding_rounds" }.map { [$0.inserted, $0.updated, $0.deleted] } == [1, 1, 0])
        #expect(try ChangeLog.runs(since: .date("2999-01-01"), in: db).isEmpty)
        // --since: a time is written as runs record theirs, so text comparison orders it.
        #expect(try ChangeLog.Since.parse("2026-12-02T05:45Z") == .date("2026-12-02T05:45:00.000Z"))
        #expect(try ChangeLog.Since.parse("2026-12-02T05:45:03") == .date("2026-12-02T05:45:03.000Z"))
        #expect(try ChangeLog.Since.parse("2026-12-02T05:45:03.2Z") == .date("2026-12-02T05:45:03.200Z"))
        #expect(try ChangeLog.Since.parse("2026-12-02T05:45:03.19654") == .date("2026-12-02T05:45:03.196Z"))
        #expect(try ChangeLog.Since.parse("2026-12") == .date("2026-12"))
        #expect(try ChangeLog.Since.parse("12") == .run(12))
        for bad in ["0", "2025-13-01", "2025-02-30", "2026-12-02T24:00", "2026-12-02T05:45:03.", "2026-12T05:45"] {
            #expect(throws: KnowledgeBaseError.self, "\(bad)") { try ChangeLog.Since.parse(bad) }
        }
    }

    /// An undone deletion puts the row back with an INSERT no trigger records: history
    /// shows it restored by the undo, and changes counts it among the undo's inserts.
    @Test func anUndoneDeletionIsARestoredVersion() throws {
        let db = try fixtureDatabase()
        try db.inTransaction {
            try Runs.within(db, command: "sql --write") { _ in try db.execute("DELETE FROM funding_rounds WHERE external_id = 'lambda-2025-02'") }
            return .commit
        }
        let deleting = try #require(try db.firstValue("SELECT max(id) FROM runs")).integerText
        let undo = try Undo.undo(run: Int64(deleting)!, in: db)
        let versions = try RowHistory.versions(of: "funding_rounds", key: "lambda-2025-02", in: db).versions
        #expect(versions.map(\.change) == ["created", "deleted", "restored"])
        #expect(versions.last?.run == undo.run)
        #expect(versions.last?.changes == "undo of run \(deleting)")
        #expect(versions.last?.values == versions[1].values)
        let runs = try ChangeLog.runs(since: .run(Int64(deleting)!), in: db)
        #expect(runs.map { $0.tables.map { [$0.table, String($0.inserted), String($0.deleted)] } }
            == [[["funding_rounds", "0", "1"]], [["funding_rounds", "1", "0"]]])
    }
}

extension Value {
    var integerText: String {
        if case .integer(let value) = self { return String(value) }
        return "?"
    }
}
