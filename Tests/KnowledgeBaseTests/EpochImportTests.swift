import CSV
import KnowledgeBase
import SQLite
import Testing

/// Epoch AI's data sets imported as they are, into the default knowledge base's
/// companies and rounds.
@Suite struct EpochImportTests {
    /// A knowledge base with the aikb seeds but not Epoch's (the seeds include it).
    func seededWithoutEpoch() throws -> Database {
        let db = try migratedDatabase()
        let seeds = corpus + "/../../../Seeds/"
        let files = ["sources", "companies", "epoch-aliases", "rounds", "investors", "deals", "relationships", "claims"]
        let result = try importFiles(db, files.map { seeds + $0 + ".csv" })
        #expect(result.problemCount == 0, "\(result.problems)")
        return db
    }

    @Test func theSnapshotImportsWithZeroRejectsAndItsCredit() throws {
        let db = try seededWithoutEpoch()
        let result = try importFiles(db, Epoch.paths)
        #expect(result.problemCount == 0, "\(result.problems.prefix(5))")
        #expect(result.committed)
        #expect(result.files.map(\.kind) == ["companies", "rounds", "gpu_clusters", "data_centers", "data_center_timelines"])
        #expect(result.files.map(\.read) == [7, 36, 786, 17, 118])
        #expect(result.files.map(\.rejected) == [0, 0, 0, 0, 0])
        #expect(result.files.map(\.inserted) == [7, 36, 786, 17, 118])
        #expect(try db.firstValue("SELECT count(*) FROM gpu_clusters") == .integer(786))
        #expect(try db.firstValue("SELECT count(*) FROM gpu_clusters WHERE name = 'Anonymized Chinese System'") == .integer(257))
        #expect(try db.firstValue("SELECT max(occurrence) FROM gpu_clusters WHERE name = 'Anonymized Chinese System'") == .integer(257))
        #expect(try db.firstValue("SELECT count(*) FROM data_centers") == .integer(17))
        #expect(try db.firstValue("SELECT count(*) FROM data_center_timeline") == .integer(118))
        #expect(try db.firstValue("SELECT count(*) FROM epoch_rounds") == .integer(36))
        // Every row names Epoch AI's data set, whose source carries the citation and the licence.
        let sources = try db.allRows("SELECT id, title, publisher, kind, url FROM sources WHERE id LIKE 'epoch-%' ORDER BY id")
        #expect(sources == [
            [.text("epoch-ai-companies"), .text("Data on AI Companies"), .text("Epoch AI"), .text("dataset"), .text("https://epoch.ai/data/ai-companies")],
            [.text("epoch-data-centers"), .text("Frontier Data Centers"), .text("Epoch AI"), .text("dataset"), .text("https://epoch.ai/data/data-centers")],
            [.text("epoch-gpu-clusters"), .text("Data on GPU Clusters"), .text("Epoch AI"), .text("dataset"), .text("https://epoch.ai/data/gpu-clusters")],
        ])
        for id in ["epoch-ai-companies", "epoch-data-centers", "epoch-gpu-clusters"] {
            let notes = try db.strings("SELECT notes FROM sources WHERE id = :id", binding: ["id": .text(id)]).first ?? ""
            #expect(notes.contains("CC BY 4.0") && notes.contains("Epoch AI, '"), "\(id)")
        }
        for table in ["gpu_clusters", "gpu_cluster_parties", "data_centers", "data_center_parties", "data_center_timeline", "epoch_rounds", "epoch_companies"] {
            #expect(try db.firstValue("SELECT count(*) FROM \(table) WHERE source_id NOT LIKE 'epoch-%'") == .integer(0), "\(table)")
        }
        #expect(try db.firstValue("SELECT count(*) FROM import_log WHERE file LIKE '%gpu_clusters.csv' AND source_id = 'epoch-gpu-clusters'") == .integer(1))
    }

    @Test func reimportingTheSnapshotChangesNothing() throws {
        let db = try seededWithoutEpoch()
        #expect(try importFiles(db, Epoch.paths).problemCount == 0)
        let before = try fingerprint(db, excluding: ["import_log", "runs"])
        let historyBefore = try db.firstValue("SELECT count(*) FROM history")
        let again = try importFiles(db, Epoch.paths)
        #expect(again.problemCount == 0)
        #expect(again.files.map(\.unchanged) == [7, 36, 786, 17, 118])
        #expect(again.files.map { $0.inserted + $0.updated } == [0, 0, 0, 0, 0])
        #expect(try fingerprint(db, excluding: ["import_log", "runs"]) == before)
        #expect(try db.firstValue("SELECT count(*) FROM history") == historyBefore)
        // And in another order of files and rows: still nothing.
        let directory = temporaryDirectory()
        var rows = try Epoch.records(Epoch.folder + "gpu_clusters.csv")
        let header = rows.removeFirst()
        write(Epoch.csv([header] + rows.reversed()), to: directory + "/gpu_clusters.csv")
        let reversed = try importFiles(db, [directory + "/gpu_clusters.csv"])
        #expect(reversed.problemCount == 0)
        #expect(reversed.files.map { $0.inserted + $0.updated }.reduce(0, +) == 0)
        #expect(try fingerprint(db, excluding: ["import_log", "runs"]) == before)
    }

    @Test func aNewerSnapshotUpdatesInPlaceAndKeepsWhatItNoLongerHas() throws {
        let db = try seededWithoutEpoch()
        #expect(try importFiles(db, Epoch.paths).problemCount == 0)
        var rows = try Epoch.records(Epoch.folder + "gpu_clusters.csv")
        let header = rows.removeFirst()
        func index(_ name: String) -> Int { header.firstIndex(of: name)! }
        let colossus = try #require(rows.firstIndex { $0[index("Name")] == "xAI Colossus Memphis Phase 1" })
        let idBefore = try Epoch.cluster(db, "xAI Colossus Memphis Phase 1", "id")
        rows[colossus][index("H100 equivalents")] = "100500.0"  // a revised figure
        // An anonymized row's revised chip count: matched by its other values.
        let anonymous = try #require(rows.firstIndex { $0[index("Name")] == "Anonymized Chinese System" && !$0[index("Chip quantity (primary)")].isEmpty })
        let anonymousValues = rows[anonymous]
        rows[anonymous][index("Chip quantity (primary)")] = "12345.0"
        let removed = try #require(rows.firstIndex { $0[index("Name")] == "Meta $200B Campus Rumor" })
        rows.remove(at: removed)
        // Epoch added a column and moved Status to the end.
        let status = index("Status")
        var newHeader = header
        newHeader.remove(at: status)
        newHeader.insert("Grid connection", at: 2)
        newHeader.append("Status")
        let newRows = rows.map { row -> [String] in
            var row = row
            let value = row.remove(at: status)
            row.insert("pending", at: 2)
            row.append(value)
            return row
        }
        let directory = temporaryDirectory()
        write(Epoch.csv([newHeader] + newRows), to: directory + "/gpu_clusters.csv")
        let historyBefore = try db.firstValue("SELECT count(*) FROM history") ?? .null
        let result = try importFiles(db, [directory + "/gpu_clusters.csv"])
        #expect(result.problemCount == 0, "\(result.problems.prefix(3))")
        #expect(result.notices.map(\.message).contains("columns not imported (unknown to aikb): Grid connection"))
        #expect(result.files.first?.read == 785)
        #expect(result.files.first?.inserted == 0)
        #expect(result.files.first?.updated == 2)
        #expect(result.files.first?.unchanged == 783)
        #expect(try Epoch.cluster(db, "xAI Colossus Memphis Phase 1", "id") == idBefore)
        #expect(try Epoch.cluster(db, "xAI Colossus Memphis Phase 1", "h100_equivalents") == .real(100_500))
        #expect(try db.firstValue("SELECT count(*) FROM gpu_clusters") == .integer(786))
        #expect(try Epoch.cluster(db, "Meta $200B Campus Rumor", "status") == .text("planned"))
        #expect(try db.firstValue("SELECT count(*) FROM gpu_clusters WHERE primary_chip_count = 12345") == .integer(1))
        // The history says exactly what changed, and the anonymized row it was.
        let changes = try db.allRows(
            "SELECT table_name, json_extract(old_values, '$.name') FROM history WHERE id > :before ORDER BY id",
            binding: ["before": historyBefore])
        #expect(changes == [
            [.text("gpu_clusters"), .text("xAI Colossus Memphis Phase 1")], [.text("gpu_clusters"), .text("Anonymized Chinese System")],
        ] || changes == [
            [.text("gpu_clusters"), .text("Anonymized Chinese System")], [.text("gpu_clusters"), .text("xAI Colossus Memphis Phase 1")],
        ])
        let old = try db.firstValue(
            "SELECT json_extract(old_values, '$.primary_chip_count') FROM history WHERE id > :before AND json_extract(old_values, '$.name') = 'Anonymized Chinese System'",
            binding: ["before": historyBefore])
        #expect(old == .integer(try #require(ValueParsing.wholeNumber(Substring(anonymousValues[index("Chip quantity (primary)")])))))
        // The same newer snapshot again changes nothing.
        let again = try importFiles(db, [directory + "/gpu_clusters.csv"])
        #expect(again.files.first?.unchanged == 785)
    }

    @Test func aSpreadsheetCopyGivesTheSameRows() throws {
        let db = try seededWithoutEpoch()
        #expect(try importFiles(db, Epoch.paths).problemCount == 0)
        let before = try fingerprint(db, excluding: ["import_log", "runs"])
        let directory = temporaryDirectory()
        var copies: [String] = []
        for file in Epoch.files {
            let rows = try Epoch.records(Epoch.folder + file).enumerated().map { number, row in
                number == 0 ? row : row.map(Epoch.spreadsheet)
            }
            // Semicolons, CRLF, UTF-16 with a byte-order mark: Excel's "Unicode text" and
            // European CSV in one.
            let text = Epoch.csv(rows, delimiter: UInt8(ascii: ";"), lineEnd: "\r\n")
            writeBytes(Epoch.utf16(text), to: directory + "/" + file)
            copies.append(directory + "/" + file)
        }
        let clusters = try Epoch.records(Epoch.folder + "gpu_clusters.csv").map { $0.map(Epoch.spreadsheet) }.joined().joined(separator: "|")
        #expect(clusters.contains("9.90E+22") && clusters.contains("TRUE"))
        var options = ImportOptions()
        options.csv.encoding = .utf16
        let result = try importFiles(db, copies, options: options)
        #expect(result.problemCount == 0, "\(result.problems.prefix(3))")
        #expect(result.files.map { $0.inserted + $0.updated }.reduce(0, +) == 0, "\(result.files)")
        let history = try db.allRows("SELECT table_name, old_values, new_values FROM history ORDER BY id DESC LIMIT 2")
        #expect(try fingerprint(db, excluding: ["import_log", "runs"]) == before, "\(history)")
        // Without --encoding, one clear line instead of a garbled header.
        let plain = try importFiles(db, [copies[2]])
        #expect(plain.problems.map(\.message) == [
            "is UTF-16 (it starts with a little-endian UTF-16 byte-order mark), not UTF-8; import it with --encoding utf-16",
        ])
    }

    @Test func roundsTheKnowledgeBaseHoldsBecomeSecondSourcesNotSecondRounds() throws {
        let db = try seededWithoutEpoch()
        let roundsBefore = try db.firstValue("SELECT count(*) FROM funding_rounds")
        #expect(try importFiles(db, Epoch.paths).problemCount == 0)
        // OpenAI's October 2024 round, NVIDIA's $100B and Anthropic's $15B commitments,
        // xAI's Series C (Epoch dates it in November), Mistral AI's Series B (listed
        // twice by Epoch) and Series C (in dollars against euros): one round each.
        let corroborated = try db.allRows(
            """
            SELECT r.external_id, s.role, s.amount_usd FROM round_sources s JOIN funding_rounds r ON r.id = s.round_id
            WHERE s.source_id = 'epoch-ai-companies' ORDER BY r.external_id
            """)
        #expect(corroborated == [
            [.text("anthropic-2025-11-investment-commitment"), .text("corroborates"), .integer(15_000_000_000)],
            [.text("mistral-ai-2024-06-series-b"), .text("corroborates"), .integer(640_000_000)],
            [.text("mistral-ai-2025-09-series-c"), .text("corroborates"), .integer(1_990_000_000)],
            [.text("openai-2024-10-venture"), .text("corroborates"), .integer(6_600_000_000)],
            [.text("openai-2025-09-investment-commitment"), .text("corroborates"), .integer(100_000_000_000)],
            [.text("xai-2024-12-series-c"), .text("corroborates"), .integer(6_000_000_000)],
        ])
        // Created: Epoch's other rounds (36 rows, 7 of them second sources, 1 a repeat).
        #expect(try db.firstValue("SELECT count(*) FROM funding_rounds") == .integer(roundsBeforeCount(roundsBefore) + 28))
        #expect(try db.allRows("SELECT link, count(*) FROM epoch_rounds GROUP BY link ORDER BY link")
            == [[.text("corroborates"), .integer(7)], [.text("created"), .integer(28)], [.text("repeats"), .integer(1)]])
        #expect(try db.firstValue("SELECT count(*) FROM funding_rounds r JOIN companies c ON c.id = r.company_id WHERE c.name = 'OpenAI' AND r.announced_on LIKE '2024-10%'") == .integer(1))
        // The figures of the knowledge base stay; Epoch's confidence fills the gap.
        #expect(try db.allRows("SELECT amount_usd, amount_status, confidence FROM funding_rounds WHERE external_id = 'openai-2024-10-venture'")
            == [[.integer(6_600_000_000), .null, .text("confident")]])
        // Late discussions is a commitment, not a closed round.
        #expect(try db.allRows("SELECT status, round_type, confidence FROM funding_rounds WHERE external_id = 'epoch:xAI/Sep 2025 10B'")
            == [[.text("committed"), .text("investment_commitment"), .text("likely")]])
    }

    func roundsBeforeCount(_ value: Value?) -> Int64 { if case .integer(let count)? = value { count } else { -1 } }

    @Test func aRoundWhoseAmountDisagreesIsDisputedNeverOverwritten() throws {
        let db = try seededWithoutEpoch()
        let directory = temporaryDirectory()
        write(
            "Id,Company,Close date,Status,Funding (equity),Valuation (post-money),Source 1,Confidence\n"
                + "Oct 2024 157B,OpenAI,2024-10-02,Closed,8000000000.0,157000000000.0,https://example.com/a,Likely\n",
            to: directory + "/ai_companies_funding_rounds.csv")
        let result = try importFiles(db, [directory + "/ai_companies_funding_rounds.csv"])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(try db.allRows("SELECT amount_usd, amount_status FROM funding_rounds WHERE external_id = 'openai-2024-10-venture'")
            == [[.integer(6_600_000_000), .text("disputed")]])
        #expect(try db.allRows("SELECT role, amount_usd FROM round_sources WHERE source_id = 'epoch-ai-companies'")
            == [[.text("disputes"), .integer(8_000_000_000)]])
        #expect(try db.firstValue("SELECT count(*) FROM funding_rounds WHERE external_id LIKE 'epoch:%'") == .integer(0))
        // Epoch's next snapshot agrees: the second source corroborates; the status a
        // person set stays as it is.
        write(
            "Id,Company,Close date,Status,Funding (equity),Valuation (post-money),Source 1,Confidence\n"
                + "Oct 2024 157B,OpenAI,2024-10-02,Closed,6600000000.0,157000000000.0,https://example.com/a,Likely\n",
            to: directory + "/ai_companies_funding_rounds.csv")
        #expect(try importFiles(db, [directory + "/ai_companies_funding_rounds.csv"]).files.first?.updated == 1)
        #expect(try db.allRows("SELECT role, amount_usd FROM round_sources WHERE source_id = 'epoch-ai-companies'")
            == [[.text("corroborates"), .integer(6_600_000_000)]])
    }

    @Test func placeholdersAreNoCompaniesAndSpellingsLandOnKnownCompanies() throws {
        let db = try seededWithoutEpoch()
        let companiesBefore = try db.strings("SELECT name FROM companies")
        let result = try importFiles(db, Epoch.paths)
        #expect(result.problemCount == 0)
        for placeholder in try db.strings("SELECT name FROM placeholder_names") {
            #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name = :name", binding: ["name": .text(placeholder)]) == .integer(0), "\(placeholder)")
        }
        // Epoch's spellings are the knowledge base's companies.
        func owner(of written: String) throws -> Value? {
            try db.firstValue(
                "SELECT DISTINCT c.name FROM gpu_cluster_parties p JOIN companies c ON c.id = p.company_id WHERE p.name = :name",
                binding: ["name": .text(written)])
        }
        #expect(try owner(of: "Meta AI") == .text("Meta"))
        #expect(try owner(of: "Softbank") == .text("SoftBank Group"))
        #expect(try owner(of: "Lambda Labs") == .text("Lambda"))
        #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name IN ('Meta AI', 'Softbank', 'Amazon AWS', 'Nebius AI', 'Stargate (OpenAI)')") == .integer(0))
        // Multi-valued cells are split: one party row per name.
        let stargate = try db.allRows(
            """
            SELECT p.role, p.position, p.name, c.name FROM gpu_cluster_parties p JOIN gpu_clusters g ON g.id = p.cluster_id
            LEFT JOIN companies c ON c.id = p.company_id
            WHERE g.name = 'OpenAI Stargate Abilene Oracle OCI Supercluster Phase 1' ORDER BY p.role, p.position
            """)
        #expect(stargate == [
            [.text("owner"), .integer(1), .text("Oracle"), .text("Oracle")],
            [.text("user"), .integer(1), .text("Cloud"), .null], [.text("user"), .integer(2), .text("Microsoft"), .text("Microsoft")],
            [.text("user"), .integer(3), .text("OpenAI"), .text("OpenAI")],
        ])
        // New owners became companies, with Epoch's source; users never do.
        let created = Set(try db.strings("SELECT name FROM companies")).subtracting(companiesBefore)
        #expect(created.contains("Tesla") && created.contains("Alibaba"))
        #expect(!created.contains("Academia") && !created.contains("Researchers in Poland"))
        #expect(try db.firstValue("SELECT count(*) FROM companies WHERE created_run IS NOT NULL AND source_id IS NULL AND name IN ('Tesla', 'Alibaba')") == .integer(0))
        let tally = result.resolutions.filter { $0.column == "Owner" && $0.written == "Meta AI" }
        #expect(tally.map(\.outcome) == [.alias])
        #expect(tally.first?.companyName == "Meta")
        #expect(result.resolutions.contains { $0.column == "Users" && $0.written == "Cloud" && $0.outcome == .placeholder && $0.rows == 169 })
        #expect(result.resolutions.contains { $0.written == "Tesla" && $0.outcome == .created })
    }

    @Test func everyClusterAndRoundCarriesItsSourceURLs() throws {
        let db = try seededWithoutEpoch()
        #expect(try importFiles(db, Epoch.paths).problemCount == 0)
        for (file, table, expected) in [
            ("gpu_clusters.csv", "gpu_cluster_urls", "SELECT count(*) FROM gpu_clusters g WHERE EXISTS (SELECT 1 FROM gpu_cluster_urls u WHERE u.cluster_id = g.id)"),
            ("ai_companies_funding_rounds.csv", "epoch_round_urls", "SELECT count(*) FROM epoch_rounds e WHERE EXISTS (SELECT 1 FROM epoch_round_urls u WHERE u.epoch_round_id = e.id)"),
        ] {
            var rows = try Epoch.records(Epoch.folder + file)
            let header = rows.removeFirst()
            let sources = header.indices.filter { header[$0].hasPrefix("Source ") }
            let cells = rows.flatMap { row in sources.compactMap { row[$0].trimmingSpaces().isEmpty ? nil : String(row[$0].trimmingSpaces()) } }
            let withSources = rows.filter { row in sources.contains { !row[$0].isEmpty } }.count
            #expect(try db.firstValue("SELECT count(*) FROM \(table)") == .integer(Int64(cells.count)), "\(table)")
            #expect(try db.firstValue(expected) == .integer(Int64(withSources)), "\(table)")
            #expect(Set(try db.strings("SELECT url FROM \(table)")) == Set(cells), "\(table)")
        }
        // A round the knowledge base held keeps Epoch's URLs through its Epoch record.
        let urls = try db.strings(
            """
            SELECT u.url FROM funding_rounds r JOIN epoch_rounds e ON e.round_id = r.id JOIN epoch_round_urls u ON u.epoch_round_id = e.id
            WHERE r.external_id = 'openai-2024-10-venture' ORDER BY u.position
            """)
        #expect(urls.first == "https://openai.com/index/scale-the-benefits-of-ai/")
        #expect(urls.count == 3)
    }

    @Test func aMissingColumnTheImporterReliesOnIsOneClearError() throws {
        let db = try seededWithoutEpoch()
        let before = try fingerprint(db)
        let directory = temporaryDirectory()
        write("Status,Certainty,H100 equivalents,Chip type (primary)\nExisting,Confirmed,100.0,H100\n", to: directory + "/gpu_clusters.csv")
        let result = try importFiles(db, [directory + "/gpu_clusters.csv"])
        #expect(lines(result.problems).map { $0.replacingOccurrences(of: directory + "/", with: "") } == [
            "gpu_clusters.csv:1: missing columns for Epoch AI's gpu_clusters.csv: Name (the importer relies on them)",
        ])
        #expect(try fingerprint(db) == before)
    }

    @Test func theHistoryTriggersOfEveryTableListEveryColumn() throws {
        let db = try migratedDatabase()
        for table in try db.strings("SELECT name FROM history_tables") {
            let columns = try db.columns(of: table).filter { !$0.isGenerated }.map(\.name)
            for kind in ["update", "delete"] {
                let sql = try db.strings(
                    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = :name",
                    binding: ["name": .text("\(table)_history_\(kind)")]).first ?? ""
                for column in columns {
                    #expect(sql.contains("'\(column)', OLD.\(column)"), "\(table)_history_\(kind): \(column)")
                }
            }
            #expect(try db.firstValue("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = :name", binding: ["name": .text("\(table)_created_run")]) == .integer(1), "\(table)")
        }
    }

    @Test func firstOperationalDatesKeepTheirPrecision() throws {
        let db = try seededWithoutEpoch()
        #expect(try importFiles(db, Epoch.paths).problemCount == 0)
        #expect(try db.allRows("SELECT first_operational_on, first_operational_precision FROM gpu_clusters WHERE name = 'xAI 5 year plan'")
            == [[.text("2030"), .text("year")]])
        let halves = try db.allRows(
            "SELECT DISTINCT substr(first_operational_on, 5) FROM gpu_clusters WHERE first_operational_precision = 'half' AND first_operational_note LIKE '%H2 %' AND length(first_operational_on) = 7")
        #expect(halves == [[.text("-07")]] || halves.isEmpty)
        #expect(try db.firstValue("SELECT count(*) FROM gpu_clusters WHERE first_operational_on IS NOT NULL AND first_operational_precision IS NULL") == .integer(0))
    }
}

@Suite struct EpochBulkImportTests {
    /// As a bulk import (secondary indexes rebuilt at the end, foreign keys left to the
    /// importers) the Epoch files end exactly as a normal import does.
    @Test func aBulkImportEndsTheSameWithNoDanglingReference() throws {
        let seeds = corpus + "/../../../Seeds/"
        let files = ["sources", "companies", "epoch-aliases", "rounds", "investors"].map { seeds + $0 + ".csv" } + Epoch.paths
        let normal = try migratedDatabase()
        #expect(try importFiles(normal, files).problemCount == 0)
        var options = ImportOptions()
        options.bulkThreshold = 0
        let bulk = try migratedDatabase()
        let result = try importFiles(bulk, files, options: options)
        #expect(result.problemCount == 0, "\(result.problems.prefix(3))")
        #expect(try fingerprint(bulk, excluding: logTables) == fingerprint(normal, excluding: logTables))
        #expect(try bulk.allRows("PRAGMA foreign_key_check").isEmpty)
        #expect(try bulk.firstValue("SELECT count(*) FROM sqlite_schema WHERE name = 'gpu_cluster_parties_by_company'") == .integer(1))
    }
}
