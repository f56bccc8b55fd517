import KnowledgeBase
import SQLite
import Testing

/// How many ephemeral tables the program of `sql` opens, its parameters bound to NULL
/// (EXPLAIN compiles, runs nothing): the statement's own program only, or with the
/// programs of the triggers it may fire (listed after it, each from address 0 again).
func ephemeralTables(_ db: Database, _ sql: String, includingTriggers: Bool) throws -> Int {
    let explain = try db.prepare("EXPLAIN " + sql)
    let nulls = (0..<explain.parameterCount).compactMap { explain.parameterName(at: $0 + 1) }.map { ($0, Value.null) }
    var listing: [[Value]] = []
    try explain.forEachRow(binding: Dictionary(uniqueKeysWithValues: nulls)) { listing.append($0.values) }
    let end = includingTriggers ? listing.endIndex : listing.dropFirst().firstIndex { $0[0] == .integer(0) } ?? listing.endIndex
    return listing[..<end].filter { $0[1] == .text("OpenEphemeral") }.count
}

/// Migration 0012 rewrites the CHECK lists as comparisons by editing the schema's text
/// in place: the same verdicts, no per-row ephemeral index, nothing else touched.
@Suite struct PerRowChecksTests {
    /// The database at the migration before 0012.
    func databaseBeforeTheEdit(path: String = ":memory:") throws -> Database {
        let db = try Database(path: path)
        let before = try Migrator.embedded().migrations.filter { $0.version < 12 }
        try Migrator(migrations: before).migrate(db)
        return db
    }

    /// Each table's CHECK expressions, in the order its text has them.
    func checks(_ db: Database) throws -> [String: [String]] {
        var found: [String: [String]] = [:]
        for object in try db.schemaObjects([.table]) {
            found[object.name] = checkExpressions(in: object.sql ?? "")
        }
        return found
    }

    /// The text inside each `CHECK (...)`, parentheses balanced, quoted text skipped.
    func checkExpressions(in sql: String) -> [String] {
        var expressions: [String] = []
        let text = Array(sql.utf8)
        let opener = Array("CHECK (".utf8)
        var index = 0
        while index + opener.count <= text.count {
            guard Array(text[index..<index + opener.count]) == opener else {
                index += 1
                continue
            }
            var depth = 1
            var position = index + opener.count
            var inQuote = false
            while position < text.count && depth > 0 {
                let byte = text[position]
                if inQuote {
                    if byte == UInt8(ascii: "'") { inQuote = false }
                } else if byte == UInt8(ascii: "'") {
                    inQuote = true
                } else if byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") {
                    depth -= 1
                }
                position += 1
            }
            expressions.append(String(decoding: text[(index + opener.count)..<(position - 1)], as: UTF8.self))
            index = position
        }
        return expressions
    }

    /// Every CHECK 0012 rewrote gives the verdict the list gave, for each listed word,
    /// its other spellings, a word off the list, the empty text and NULL.
    @Test func everyRewrittenCheckKeepsItsVerdicts() throws {
        let before = try checks(try databaseBeforeTheEdit())
        let after = try checks(try migratedDatabase())
        let probe = try Database(path: ":memory:")
        var rewritten = 0
        for (table, old) in before.sorted(by: { $0.key < $1.key }) {
            let new = try #require(after[table], "\(table)")
            try #require(new.count == old.count, "\(table): \(old.count) checks before, \(new.count) after")
            for (oldCheck, newCheck) in zip(old, new) where oldCheck != newCheck {
                rewritten += 1
                let column = try #require(oldCheck.split(separator: " ").first.map(String.init), "\(oldCheck)")
                #expect(oldCheck.hasPrefix("\(column) IN ("), "\(table): only IN lists were to change: \(oldCheck)")
                #expect(!newCheck.contains(" IN ("), "\(table): \(newCheck)")
                let words = oldCheck.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
                var values: [Value] = [.null, .text(""), .text("bogus_value"), .integer(1)]
                for word in words {
                    values += [.text(word), .text(word.uppercased()), .text(" " + word), .text(word + "s")]
                }
                for value in values {
                    func verdict(_ check: String) throws -> Value? {
                        try probe.firstValue("SELECT (\(check)) FROM (SELECT :value AS \(column))", binding: ["value": value])
                    }
                    #expect(try verdict(oldCheck) == verdict(newCheck), "\(table).\(column) for \(value)")
                }
            }
        }
        // Seven tables' lists that inserts run per row, and the Epoch and catalog ones.
        #expect(rewritten == 25)
    }

    /// No insert into any table builds an ephemeral table (a CHECK list, or a trigger
    /// whose INSERT reads its own target): that work would be paid once per row by
    /// every statement an import executes per row.
    @Test func noInsertBuildsAnEphemeralTable() throws {
        let db = try migratedDatabase()
        let tables = try db.allRows(
            """
            SELECT name FROM pragma_table_list
            WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'
            ORDER BY name
            """
        ).compactMap { row -> String? in if case .text(let name) = row[0] { name } else { nil } }
        #expect(tables.count > 30)
        for table in tables {
            let ephemeral = try ephemeralTables(db, "INSERT INTO \(SQL.identifier(table)) DEFAULT VALUES", includingTriggers: true)
            #expect(ephemeral == 0, "\(table): \(ephemeral) ephemeral table(s) per insert")
        }
    }

    /// A knowledge base made before 0012 is edited in place: its rows stay, the
    /// connection that migrated it runs the new checks at once, and defensive mode is
    /// back on after the migration.
    @Test func anExistingKnowledgeBaseIsEditedInPlace() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        let db = try databaseBeforeTheEdit(path: path)
        try db.execute(
            """
            INSERT INTO sources (id, title, kind) VALUES ('S', 'Source', 'filing');
            INSERT INTO companies (id, name, kind, status) VALUES (1, 'Alpha', 'big_tech', 'public');
            INSERT INTO funding_rounds (company_id, round_type, source_id, amount_usd, amount_status, status, confidence)
            VALUES (1, 'series_a', 'S', 5, 'reported', 'announced', 'likely');
            """)
        func roundInsertEphemerals(_ connection: Database) throws -> Int {
            try ephemeralTables(connection, "INSERT INTO funding_rounds DEFAULT VALUES", includingTriggers: true)
        }
        #expect(try roundInsertEphemerals(db) == 4)
        // The migration is a run: its close indexes the noted documents and brings the
        // loop index's state up to date, as any run's does.
        let derived = logTables.union(["search_pending", "search_index", "money_loop_index_state"])
        let fingerprintBefore = try fingerprint(db, excluding: derived)

        let applied = try Migrator(migrations: Migrator.embedded().migrations.filter { $0.version <= 12 }).migrate(db)
        #expect(applied.map(\.name) == ["0012_per_row_checks.sql"])
        #expect(try fingerprint(db, excluding: derived) == fingerprintBefore)
        #expect(try roundInsertEphemerals(db) == 0)
        #expect(try roundInsertEphemerals(try Database(path: path)) == 0)
        #expect(try db.firstValue("PRAGMA integrity_check") == .text("ok"))

        let refused = #expect(throws: SQLiteError.self) {
            try db.execute("INSERT INTO funding_rounds (company_id, round_type, source_id, status) VALUES (1, 'series_a', 'S', 'rumoured')")
        }
        #expect(refused?.code == .SQLITE_CONSTRAINT_CHECK)
        #expect(refused?.message.contains("status = 'closed' OR status = 'announced'") == true)
        try db.execute("INSERT INTO funding_rounds (company_id, round_type, source_id, status) VALUES (1, 'seed', 'S', 'stalled')")

        #expect(throws: SQLiteError.self) {
            try db.execute("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = sql WHERE name = 'companies'")
        }
    }

    /// A schema edit that leaves a stored row invalid fails at quick_check, naming
    /// the table, and is rolled back whole; a migration without the mark cannot
    /// write the schema's text at all.
    @Test func aSchemaEditARowBreaksIsRolledBack() throws {
        let db = try Database(path: ":memory:")
        let create = try Migration(name: "0001_t.sql", sql: "CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('w');")
        let edit = try Migration(
            name: "0002_edit.sql",
            sql: "-- aikb: schema edit\nUPDATE sqlite_schema SET sql = 'CREATE TABLE t (a TEXT CHECK (a = ''x''))' WHERE name = 't';")
        let error = #expect(throws: KnowledgeBaseError.self) { try Migrator(migrations: [create, edit]).migrate(db) }
        #expect(error?.message.hasPrefix("Migrations/0002_edit.sql: migration failed, rolled back: the edited table t fails quick_check") == true)
        #expect(try db.firstValue("SELECT max(version) FROM schema_migrations") == .integer(1))
        #expect(try db.firstValue("SELECT sql FROM sqlite_schema WHERE name = 't'") == .text("CREATE TABLE t (a TEXT)"))
        try db.execute("INSERT INTO t VALUES ('y')")

        let unmarked = try Migration(name: "0002_edit.sql", sql: "UPDATE sqlite_schema SET sql = sql WHERE name = 't';")
        let refused = #expect(throws: KnowledgeBaseError.self) { try Migrator(migrations: [create, unmarked]).migrate(db) }
        #expect(refused?.message.contains("may not be modified") == true, "\(refused?.message ?? "")")
    }

    /// The search triggers note a document once, also when it is noted already and the
    /// statement that fired them has its own conflict clause (which would override an
    /// `OR IGNORE` in a trigger, but not an upsert's DO NOTHING).
    @Test func aNotedDocumentIsNotedOnceWhateverTheConflictClause() throws {
        let db = try migratedDatabase()
        try db.execute("INSERT INTO search_pending (doc) VALUES (2), (4), (6)")
        try db.execute("INSERT OR FAIL INTO companies (id, name) VALUES (1, 'Alpha')")
        try db.execute("INSERT OR ROLLBACK INTO companies (id, name) VALUES (2, 'Beta')")
        try db.execute("INSERT OR ABORT INTO company_aliases (alias, company_id) VALUES ('A', 1)")
        try db.execute("UPDATE OR FAIL companies SET name = 'Gamma' WHERE id = 2")
        try db.execute("UPDATE OR FAIL companies SET id = 3 WHERE id = 2")
        #expect(try db.allRows("SELECT doc FROM search_pending ORDER BY doc") == [[2], [4], [6]])
    }
}

/// What the statements an import runs once per row compile to: none may build an
/// ephemeral table (a UNION's, a CHECK list's, an UPDATE or DELETE that collects its
/// rows first, an INSERT reading its own target), a cost the set-based floor pays once
/// per statement and a per-row statement once per row.
@Suite struct PerRowStatementTests {
    /// The seeds (every aikb format and Epoch AI's files), loaded and then loaded again
    /// (the update paths), and a Crunchbase export with namesakes, each statement run
    /// at least `perRow` times EXPLAINed with its parameters NULL.
    @Test func noStatementAnImportRunsPerRowBuildsAnEphemeralTable() throws {
        let db = try migratedDatabase()
        let folder = temporaryDirectory()
        let uuid = { (prefix: Int, i: Int) in "00000000-0000-4000-\(8000 + prefix)-\(String(100_000_000_000 + i).suffix(12))" }
        write("uuid,name,roles\n" + (0..<60).map { "\(uuid(0, $0)),Orbit \($0 / 2),\($0 % 3 == 0 ? "investor" : "company")\n" }.joined(),
              to: folder + "/organizations.csv")
        write("uuid,org_uuid,investment_type,announced_on,raised_amount_usd\n"
              + (0..<60).map { "\(uuid(1, $0)),\(uuid(0, $0)),seed,2024-02-0\(1 + $0 % 9),\(1_000_000 + $0)\n" }.joined(),
              to: folder + "/funding_rounds.csv")
        write("uuid,funding_round_uuid,investor_uuid,is_lead_investor\n"
              + (0..<60).map { "\(uuid(2, $0)),\(uuid(1, $0)),\(uuid(0, 3 * ($0 % 20))),\($0 % 2 == 0 ? "True" : "False")\n" }.joined(),
              to: folder + "/investments.csv")
        var executions: [String: Int] = [:]
        for step in 0..<3 {
            let (result, counts) = try db.countingStatements { () throws -> Int in
                switch step {
                case 0, 1: return try Seeds.load(into: db).rows
                default:
                    let imported = try importFiles(
                        db, ["organizations", "funding_rounds", "investments"].map { folder + "/\($0).csv" })
                    #expect(imported.problemCount == 0, "\(imported.problems)")
                    return imported.files.reduce(0) { $0 + $1.inserted }
                }
            }
            #expect(result > 50)
            executions.merge(counts, uniquingKeysWith: +)
        }
        let perRow = 20
        let checked = executions.filter { $0.value >= perRow && !$0.key.hasPrefix("PRAGMA") }
        #expect(checked.count > 20, "\(checked.count) statements run per row")
        for (sql, count) in checked.sorted(by: { $0.key < $1.key }) {
            // The statement's own program: the triggers an INSERT always fires are
            // checked by noInsertBuildsAnEphemeralTable; others run only when their WHEN holds.
            let ephemeral = try ephemeralTables(db, sql, includingTriggers: false)
            #expect(ephemeral == 0, "\(ephemeral) ephemeral table(s), run \(count) times: \(sql)")
        }
    }
}
