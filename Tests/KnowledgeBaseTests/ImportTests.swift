import KnowledgeBase
import SQLite
import Testing
import Support

@Suite struct ImportBehaviourTests {
    @Test func importingTwiceChangesNothingAndAChangedRowIsUpdated() throws {
        let db = try fixtureDatabase()
        let base = ["sources", "companies", "rounds"].map { corpus + "/base/\($0).csv" }
        let before = try fingerprint(db, excluding: ["import_log", "runs"])
        let again = try importFiles(db, base)
        #expect(again.problemCount == 0)
        #expect(again.files.map(\.unchanged) == [2, 5, 2])
        #expect(again.files.map(\.inserted) == [0, 0, 0])
        #expect(again.files.map(\.updated) == [0, 0, 0])
        // Only the import log and the runs grow: no history, no row changed.
        #expect(try fingerprint(db, excluding: ["import_log", "runs"]) == before)

        let directory = temporaryDirectory()
        write(
            "round_id,company,round_type,announced_on,amount,source_id\nopenai-2024-10,OpenAI,venture,2024-10-02,$6.7B,T1\n",
            to: directory + "/rounds.csv")
        let changed = try importFiles(db, [directory + "/rounds.csv"])
        #expect(changed.files.first?.updated == 1)
        #expect(try db.firstValue("SELECT amount_usd FROM funding_rounds WHERE external_id = 'openai-2024-10'") == .integer(6_700_000_000))
        // Columns the second file lacks are left as they were.
        #expect(try db.firstValue("SELECT post_money_valuation_usd FROM funding_rounds WHERE external_id = 'openai-2024-10'") == .integer(157_000_000_000))
    }

    @Test func bulkImportsRebuildTheReportIndexesAndEndTheSame() throws {
        let files = ["organizations", "funding_rounds", "investments"].map { corpus + "/crunchbase/\($0).csv" }
        var options = ImportOptions()
        options.createMissing = true
        let normal = try fixtureDatabase()
        #expect(try importFiles(normal, files, options: options).problemCount == 0)
        options.bulkThreshold = 0  // every import is a bulk import
        let bulk = try fixtureDatabase()
        let indexes = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name"
        let before = try bulk.allRows(indexes)
        let result = try importFiles(bulk, files, options: options)
        #expect(result.problemCount == 0)
        #expect(try bulk.allRows(indexes) == before)
        // The knowledge itself; the logs hold times.
        let data = { (db: Database) in try fingerprint(db, excluding: logTables) }
        #expect(try data(bulk) == data(normal))
        #expect(try bulk.firstValue("PRAGMA integrity_check") == .text("ok"))
        // SQLite did not check foreign keys during the bulk import; nothing dangles,
        // and the connection checks them again afterwards.
        #expect(try bulk.allRows("PRAGMA foreign_key_check").isEmpty)
        #expect(try bulk.firstValue("PRAGMA foreign_keys") == .integer(1))
        // A bulk import that fails leaves every index in place.
        let failing = try importFiles(bulk, files + [corpus + "/bad-names.csv"], options: options)
        #expect(failing.problemCount > 0)
        #expect(try bulk.allRows(indexes) == before)
    }

    @Test func rfc4180FieldsArriveByteForByte() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        let notes = "line one, with comma\r\nline \"two\"\nline three"
        write(
            "\u{FEFF}company,round_type,announced_on,source_id,notes,round_label\r\nOpenAI,seed,2015,T1,\"line one, with comma\r\nline \"\"two\"\"\nline three\",\"\"\r\nOpenAI,series_a,2016,T1,,\r\n",
            to: directory + "/rounds.csv")
        let result = try importFiles(db, [directory + "/rounds.csv"])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(try db.firstValue("SELECT notes FROM funding_rounds WHERE round_type = 'seed'") == .text(notes))
        // A quoted empty field is "", an unquoted empty one NULL.
        #expect(try db.firstValue("SELECT round_label FROM funding_rounds WHERE round_type = 'seed'") == .text(""))
        #expect(try db.firstValue("SELECT round_label IS NULL FROM funding_rounds WHERE round_type = 'series_a'") == .integer(1))
        // The same in a companies file, whose free text was trimmed (a quoted "" to NULL).
        write("name,kind,description,origin,homepage_url,notes,categories\nQE9,startup,\"\",\"\",\"\",\"\",\"\"\nQE10,startup,,,,,\nQE11,startup, two spaces  ,,,,\n",
              to: directory + "/companies.csv")
        #expect(try importFiles(db, [directory + "/companies.csv"]).problemCount == 0)
        let texts = "SELECT quote(description) || quote(origin) || quote(homepage_url) || quote(notes) || quote(categories) FROM companies WHERE name = :name"
        #expect(try db.firstValue(texts, binding: ["name": .text("QE9")]) == .text(String(repeating: "''", count: 5)))
        #expect(try db.firstValue(texts, binding: ["name": .text("QE10")]) == .text(String(repeating: "NULL", count: 5)))
        #expect(try db.firstValue("SELECT description FROM companies WHERE name = 'QE11'") == .text(" two spaces  "))
    }

    @Test func dryRunCountsButWritesNothing() throws {
        let db = try fixtureDatabase()
        let before = try fingerprint(db)
        let directory = temporaryDirectory()
        write("name,kind\nAnthropic,startup\nOpenAI,startup\n", to: directory + "/companies.csv")
        var options = ImportOptions()
        options.dryRun = true
        let result = try importFiles(db, [directory + "/companies.csv"], options: options)
        #expect(result.problemCount == 0)
        #expect(!result.committed)
        #expect(result.files.first.map { [$0.read, $0.inserted, $0.unchanged] } == [2, 1, 1])
        #expect(try fingerprint(db) == before)
    }

    @Test func aliasesResolveCaseInsensitively() throws {
        let db = try fixtureDatabase()
        #expect(try db.firstValue("SELECT c.name FROM funding_rounds r JOIN companies c ON c.id = r.company_id WHERE r.external_id = 'lambda-2025-02'") == .text("Lambda"))
        let directory = temporaryDirectory()
        write("name,origin\nLAMBDA LABS,workstation sales\n", to: directory + "/companies.csv")
        let result = try importFiles(db, [directory + "/companies.csv"])
        #expect(result.files.first?.updated == 1)
        // Matched through the alias: the canonical name stays.
        #expect(try db.firstValue("SELECT origin FROM companies WHERE name = 'Lambda'") == .text("workstation sales"))
        #expect(try db.firstValue("SELECT count(*) FROM companies") == .integer(5))
    }

    @Test func anAliasNamingAnotherCompanyIsRefused() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write("name,aliases\nCoreWeave,OpenAI;CW\n", to: directory + "/companies.csv")
        let result = try importFiles(db, [directory + "/companies.csv"])
        #expect(lines(result.problems).first?.hasSuffix("aliases: \"OpenAI\" is already the name of another company (id 2)") == true)
        #expect(try db.firstValue("SELECT count(*) FROM company_aliases WHERE alias = 'CW'") == .integer(0))
    }

    @Test func createMissingAddsUnknownCompanies() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write("company,round_type,announced_on,amount,source_id\nMistral AI,series_b,2024-06-11,€600M,T1\n", to: directory + "/rounds.csv")
        let strict = try importFiles(db, [directory + "/rounds.csv"])
        #expect(strict.problemCount == 1)
        var options = ImportOptions()
        options.createMissing = true
        let lenient = try importFiles(db, [directory + "/rounds.csv"], options: options)
        #expect(lenient.problemCount == 0)
        #expect(try db.firstValue("SELECT kind FROM companies WHERE name = 'Mistral AI'") == .text("startup"))
    }

    @Test func foreignAmountsGetDollarsOnlyFromTheFileOrAGivenRate() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write(
            "company,round_type,announced_on,amount,amount_usd,source_id\nOpenAI,seed,2015,€1.7bn,,T1\nOpenAI,series_a,2016,£500M,667.7M,T1\n",
            to: directory + "/rounds.csv")
        #expect(try importFiles(db, [directory + "/rounds.csv"]).problemCount == 0)
        #expect(try db.allRows("SELECT amount, currency, amount_usd FROM funding_rounds WHERE announced_on IN ('2015', '2016') ORDER BY announced_on")
            == [[.integer(1_700_000_000), .text("EUR"), .null], [.integer(500_000_000), .text("GBP"), .integer(667_700_000)]])
        var options = ImportOptions()
        options.rates = ["EUR": 1.1]
        #expect(try importFiles(db, [directory + "/rounds.csv"], options: options).files.first?.updated == 1)
        #expect(try db.firstValue("SELECT amount_usd FROM funding_rounds WHERE announced_on = '2015'") == .integer(1_870_000_000))
    }

    /// Counts as spreadsheets re-save them (10000.0, 1E+1) and people write them (10,000)
    /// read as the same whole numbers, in aikb's files as in Epoch AI's.
    @Test func countsAsSpreadsheetsReSaveThem() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write(
            "deal_id,supplier,customer,kind,gpu_count,term_months,source_id\nd1,NVIDIA,CoreWeave,purchase,10000.0,12.0,T1\nd2,NVIDIA,CoreWeave,purchase,\"10,000\",1E+1,T1\nd3,NVIDIA,CoreWeave,purchase,1.000.000,,T1\n",
            to: directory + "/deals.csv")
        let result = try importFiles(db, [directory + "/deals.csv"])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(try db.allRows("SELECT gpu_count, term_months FROM supply_deals WHERE external_id IN ('d1', 'd2', 'd3') ORDER BY external_id")
            == [[.integer(10000), .integer(12)], [.integer(10000), .integer(10)], [.integer(1_000_000), .null]])
        // A real fraction is not float noise, however large the count.
        write(
            "deal_id,supplier,customer,kind,gpu_count,source_id\nd4,NVIDIA,CoreWeave,purchase,1000000.5,T1\nd5,NVIDIA,CoreWeave,purchase,12.0000001,T1\n",
            to: directory + "/fractions.csv")
        #expect(try lines(importFiles(db, [directory + "/fractions.csv"]).problems) == [
            "\(directory)/fractions.csv:2:30: gpu_count: \"1000000.5\" is not a whole number of at least 1",
            "\(directory)/fractions.csv:3:30: gpu_count: \"12.0000001\" is not a whole number of at least 1",
        ])
    }

    @Test func upToAmountsKeepTheirStatus() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write("company,round_type,announced_on,amount,source_id\nOpenAI,investment_commitment,2025-09-22,up to $100B,T1\n", to: directory + "/rounds.csv")
        #expect(try importFiles(db, [directory + "/rounds.csv"]).problemCount == 0)
        #expect(try db.allRows("SELECT amount_usd, amount_status, amount_max_usd FROM funding_rounds WHERE round_type = 'investment_commitment'")
            == [[.integer(100_000_000_000), .text("up_to"), .integer(100_000_000_000)]])
    }

    @Test func rowsWithoutSourceGetTheFileOrTheGivenSource() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write("round_id,investor,is_lead\nopenai-2024-10,Thrive Capital,yes\n", to: directory + "/my investors.csv")
        let result = try importFiles(db, [directory + "/my investors.csv"])
        #expect(result.problemCount == 0)
        let source = try db.allRows("SELECT id, kind, title, length(content_sha256) FROM sources WHERE id = 'file:my investors.csv'")
        #expect(source == [[.text("file:my investors.csv"), .text("dataset"), .text("my investors.csv"), .integer(64)]])
        #expect(try db.firstValue("SELECT source_id FROM round_investors") == .text("file:my investors.csv"))
        let hash = try db.firstValue("SELECT content_sha256 FROM sources WHERE id = 'file:my investors.csv'")
        #expect(hash == .text(SHA256.hex(readFile(directory + "/my investors.csv")!)))
        #expect(try db.firstValue("SELECT content_sha256 FROM import_log ORDER BY id DESC LIMIT 1") == hash)

        var options = ImportOptions()
        options.sourceID = "T2"
        write("round_id,investor,is_lead\nlambda-2025-02,NVIDIA,no\n", to: directory + "/more.csv")
        #expect(try importFiles(db, [directory + "/more.csv"], options: options).problemCount == 0)
        #expect(try db.firstValue("SELECT source_id FROM round_investors WHERE investor_id = 1") == .text("T2"))
        options.sourceID = "nope"
        #expect(try importFiles(db, [directory + "/more.csv"], options: options).problemCount == 1)
    }

    @Test func investorsFindTheirRoundByNaturalKey() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write(
            "company,round_type,announced_on,investor,is_lead,amount_usd,share_pct,source_id\nOpenAI,venture,2024-10-02,NVIDIA,disputed,100M,40%,T1\n",
            to: directory + "/investors.csv")
        let result = try importFiles(db, [directory + "/investors.csv"])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(try db.allRows("SELECT is_lead, lead_disputed, amount_usd, share_pct FROM round_investors")
            == [[.integer(0), .integer(1), .integer(100_000_000), .real(40)]])
        #expect(try importFiles(db, [directory + "/investors.csv"]).files.first?.unchanged == 1)
    }

    @Test(arguments: [false, true])
    func knownOrganizationsAloneGetNoFileSource(bulk: Bool) throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        var options = ImportOptions()
        if bulk { options.bulkThreshold = 0 }
        let known = "uuid,name,roles,country_code\ne1393508-30ea-8a36-3f96-dd3226033abd,NVIDIA,company,USA\n"
        write(known, to: directory + "/organizations.csv")
        let linked = try importFiles(db, [directory + "/organizations.csv"], options: options)
        #expect(linked.problemCount == 0, "\(linked.problems)")
        #expect(linked.files.first?.updated == 1)
        #expect(try db.firstValue("SELECT count(*) FROM sources WHERE id = 'file:organizations.csv'") == .integer(0))
        // A new organization, after a known one, makes the file its source.
        write(known + "a5c0d7c6-0009-4c3a-9c1e-000000000009,Orbit Nine,company,GBR\n", to: directory + "/organizations.csv")
        let added = try importFiles(db, [directory + "/organizations.csv"], options: options)
        #expect(added.files.map { [$0.inserted, $0.unchanged] } == [[1, 1]])
        #expect(try db.allRows("SELECT source_id, country_code FROM companies WHERE name = 'Orbit Nine'")
            == [[.text("file:organizations.csv"), .text("GBR")]])
        #expect(try db.firstValue("SELECT company_id = (SELECT id FROM companies WHERE name = 'Orbit Nine') FROM company_external_ids WHERE external_id LIKE 'a5c0d7c6-0009%'") == .integer(1))
    }

    @Test(arguments: [false, true])
    func crunchbaseExportsImportAsTheyAre(bulk: Bool) throws {
        let db = try fixtureDatabase()
        let files = ["investments", "organizations", "funding_rounds"].map { corpus + "/crunchbase/\($0).csv" }
        var options = ImportOptions()
        if bulk { options.bulkThreshold = 0 }
        let strict = try importFiles(db, files, options: options)
        // Jane Angel is a person: not in organizations.csv.
        #expect(strict.problemCount == 1)
        #expect(lines(strict.problems).first?.contains("unknown investor p0000001") == true)
        options.createMissing = true
        let result = try importFiles(db, files, options: options)
        #expect(result.problemCount == 0, "\(result.problems)")
        // Ordered by dependency, whatever the command line said.
        #expect(result.files.map(\.format) == ["crunchbase organizations", "crunchbase funding_rounds", "crunchbase investments"])
        #expect(result.files.map(\.inserted) == [2, 2, 3])
        #expect(result.files[0].updated == 1)  // NVIDIA: the existing company, its uuid linked
        #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name = 'NVIDIA'") == .integer(1))
        #expect(try db.firstValue("SELECT kind FROM companies WHERE name = 'NVIDIA'") == .text("big_tech"))  // not overwritten
        #expect(try db.firstValue("SELECT kind FROM companies WHERE name = 'Jane Angel'") == .text("person"))
        #expect(try db.firstValue("SELECT kind FROM companies WHERE name = 'Example Ventures'") == .text("investment_firm"))
        #expect(try db.allRows("SELECT round_type, amount, currency, amount_usd, post_money_valuation_usd FROM funding_rounds WHERE external_id LIKE 'f0000001%' ORDER BY announced_on")
            == [[.text("seed"), .integer(2_400_000), .text("USD"), .integer(2_400_000), .null],
                [.text("series_a"), .integer(20_000_000), .text("EUR"), .integer(21_000_000), .integer(100_000_000)]])
        #expect(try db.firstValue("SELECT count(*) FROM round_investors WHERE is_lead = 1") == .integer(2))
        let again = try importFiles(db, files, options: options)
        #expect(again.files.map(\.unchanged) == [3, 2, 3])
    }
}

@Suite struct TableImportTests {
    @Test func loadsAnyCSVAsTextColumns() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write("Company,My Score,note\nOpenAI,007,\"\"\nNVIDIA,12,\n", to: directory + "/scores.csv")
        let result = try TableImport(db: db, table: "my_scores", mode: .create).run(path: directory + "/scores.csv")
        #expect(result.committed)
        #expect(try db.allRows("SELECT \"Company\", \"My Score\", note FROM my_scores ORDER BY rowid")
            == [[.text("OpenAI"), .text("007"), .text("")], [.text("NVIDIA"), .text("12"), .null]])
        let joined = try db.firstValue(
            "SELECT c.kind FROM my_scores s JOIN companies c ON c.name = s.\"Company\" WHERE s.\"My Score\" = '12'")
        #expect(joined == .text("big_tech"))

        let refused = try TableImport(db: db, table: "my_scores", mode: .create).run(path: directory + "/scores.csv")
        #expect(refused.problems.first?.message.contains("exists already") == true)
        #expect(try TableImport(db: db, table: "my_scores", mode: .append).run(path: directory + "/scores.csv").committed)
        #expect(try db.firstValue("SELECT count(*) FROM my_scores") == .integer(4))
        #expect(try TableImport(db: db, table: "my_scores", mode: .replace).run(path: directory + "/scores.csv").committed)
        #expect(try db.firstValue("SELECT count(*) FROM my_scores") == .integer(2))
    }

    @Test func refusesTheKnowledgeBasesOwnTablesAndBadRows() throws {
        let db = try fixtureDatabase()
        let before = try fingerprint(db)
        let directory = temporaryDirectory()
        write("name\nx\n", to: directory + "/c.csv")
        let protected = try TableImport(db: db, table: "Companies", mode: .replace).run(path: directory + "/c.csv")
        #expect(protected.problems.first?.message == "\"Companies\" is part of the knowledge base; choose another table name")
        write("a,b\n1,2\n3\n", to: directory + "/short.csv")
        let short = try TableImport(db: db, table: "t", mode: .create).run(path: directory + "/short.csv")
        #expect(lines(short.problems).map { $0.replacingOccurrences(of: directory + "/", with: "") } == ["short.csv:3: the row has 1 fields, the header has 2"])
        #expect(try fingerprint(db) == before)
    }
}

@Suite struct ValueParsingTests {
    func amount(_ text: String) -> ParsedAmount? {
        if case .success(let value) = ValueParsing.amount(text) { return value }
        return nil
    }

    @Test func amountsAsPeopleWriteThem() {
        #expect(amount("1500000000")?.value == 1_500_000_000)
        #expect(amount("1.5e9")?.value == 1_500_000_000)
        #expect(amount("1,500,000,000")?.value == 1_500_000_000)
        #expect(amount("$1.5B") == ParsedAmount(value: 1_500_000_000, currency: "USD"))
        #expect(amount("1.5 billion")?.value == 1_500_000_000)
        #expect(amount("675M")?.value == 675_000_000)
        #expect(amount("€1.7bn") == ParsedAmount(value: 1_700_000_000, currency: "EUR"))
        #expect(amount("£500 million")?.currency == "GBP")
        #expect(amount("EUR 600M") == ParsedAmount(value: 600_000_000, currency: "EUR"))
        #expect(amount("600M EUR") == ParsedAmount(value: 600_000_000, currency: "EUR"))
        #expect(amount("US$ 2.5 bln")?.value == 2_500_000_000)
        #expect(amount("~$2B")?.status == "estimated")
        #expect(amount("67.77M")?.value == 67_770_000)
        #expect(amount("0.5k")?.value == 500)
        #expect(amount("123456789012345678")?.value == 123_456_789_012_345_678)
        let upTo = amount("up to $100B")
        #expect(upTo?.value == 100_000_000_000)
        #expect(upTo?.status == "up_to")
        #expect(upTo?.maximum == 100_000_000_000)
        let range = amount("$1.5-2B")
        #expect(range?.value == nil)
        #expect(range?.minimum == 1_500_000_000)
        #expect(range?.maximum == 2_000_000_000)
        #expect(range?.status == "estimated")
    }

    @Test(arguments: ["", "abc", "-5", "1,5", "1.5 bajillion", "$", "5e", "1.2.3", "$1B-$2M EUR", "99999999999999999999T"])
    func nonsenseIsRefused(_ text: String) {
        #expect(amount(text) == nil, "\(text)")
    }

    @Test func dates() {
        func check(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { ValueParsing.isoDate($0) }
        }
        for good in ["2024", "2024-02", "2024-02-29", "2000-02-29", "1999-12-31"] { #expect(check(good), "\(good)") }
        for bad in ["24", "2024-2", "2024-13", "2023-02-29", "1900-02-29", "2024-04-31", "2024/02/01", "2024-02-01T00:00", "abcd"] {
            #expect(!check(bad), "\(bad)")
        }
    }
}

@Suite struct VocabularyTests {
    /// The Swift lists and the schema's CHECK constraints must agree: every listed
    /// value is accepted by the database, and a value off the list is refused.
    @Test func swiftVocabulariesMatchTheSchema() throws {
        let db = try migratedDatabase()
        try db.execute("INSERT INTO sources (id, title) VALUES ('V', 'v')")
        // Inserts inside a savepoint that is always rolled back: Boom means the insert worked.
        func accepts(_ sql: String, _ value: String) -> Bool {
            do {
                try db.savepoint {
                    try db.execute(sql, binding: ["value": .text(value)])
                    throw Boom()
                }
            } catch is Boom {
                return true
            } catch {
                return false
            }
            return false
        }
        let checks: [(String, Set<String>)] = [
            ("INSERT INTO sources (id, title, kind) VALUES ('x', 'x', :value)", Vocabulary.sourceKinds),
            ("INSERT INTO sources (id, title, reliability) VALUES ('x', 'x', :value)", Vocabulary.reliabilities),
            ("INSERT INTO companies (name, kind) VALUES ('x', :value)", Vocabulary.companyKinds),
            ("INSERT INTO companies (name, status) VALUES ('x', :value)", Vocabulary.companyStatuses),
            ("INSERT INTO claims (id, metric, value_text, statement, source_id, status) VALUES ('x', 'm', 'v', 's', 'V', :value)", Vocabulary.claimStatuses),
        ]
        for (sql, values) in checks {
            for value in values { #expect(accepts(sql, value), "\(value) in \(sql)") }
            #expect(!accepts(sql, "bogus_value"), "\(sql)")
        }
    }
}

struct Boom: Error {}
