import KnowledgeBase
import SQLite
import Testing

@Suite struct SeedTests {
    @Test func seedsLoadWithZeroRejectsAndEveryFactHasAKnownSource() throws {
        let db = try migratedDatabase()
        let report = try Seeds.load(into: db)
        #expect(report.files == 21)  // 15 aikb files, the Epoch AI aliases and Epoch AI's 5 files
        #expect(report.rows > 1378)
        for table in ["funding_rounds", "round_investors", "supply_deals", "relationships", "claims"] {
            let orphans = try db.firstValue(
                "SELECT count(*) FROM \(table) WHERE source_id IS NULL OR source_id NOT IN (SELECT id FROM sources) OR source_id LIKE 'file:%'")
            #expect(orphans == .integer(0), "\(table)")
            let rows = try db.firstValue("SELECT count(*) FROM \(table)")
            #expect(rows != .integer(0), "\(table) is empty")
        }
        // Loading again changes nothing: the seeds are idempotent like every import.
        let before = try fingerprint(db, excluding: ["import_log", "runs"])
        _ = try Seeds.load(into: db)
        #expect(try fingerprint(db, excluding: ["import_log", "runs"]) == before)
    }

    /// The seeds hold every aikb kind: imported as one bulk import (foreign keys left
    /// to the importers, secondary indexes rebuilt at the end) they must end exactly as
    /// the normal import does, with no reference dangling.
    @Test func seedsAsABulkImportEndTheSameWithNoDanglingReference() throws {
        let seeds = corpus + "/../../../Seeds/"
        let files = ["sources", "companies", "rounds", "investors", "deals", "relationships", "claims"].map { seeds + $0 + ".csv" }
            + ["rounds", "investors", "deals", "relationships", "claims"].map { seeds + "web/" + $0 + ".csv" }
            + ["rounds", "investors", "claims"].map { seeds + "portfolio/" + $0 + ".csv" }
        let normal = try migratedDatabase()
        #expect(try importFiles(normal, files).problemCount == 0)
        var options = ImportOptions()
        options.bulkThreshold = 0
        let bulk = try migratedDatabase()
        let result = try importFiles(bulk, files, options: options)
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(result.files.map(\.inserted).reduce(0, +) > 500)
        let data = { (db: Database) in try fingerprint(db, excluding: logTables) }
        #expect(try data(bulk) == data(normal))
        // The triggers a bulk import defers (DeferredTriggers) are back, as they were.
        let schema = "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('trigger', 'index') ORDER BY name"
        #expect(try bulk.allRows(schema) == normal.allRows(schema))
        #expect(try bulk.allRows("PRAGMA foreign_key_check").isEmpty)
        #expect(try bulk.firstValue("PRAGMA integrity_check") == .text("ok"))
    }

    @Test func everyCompanyTheArticleNamesIsThere() throws {
        let db = try migratedDatabase()
        _ = try Seeds.load(into: db)
        let named = [
            "NVIDIA", "OpenAI", "Anthropic", "xAI", "Cohere", "Together AI", "Mistral AI", "Sakana AI", "AI21 Labs", "CoreWeave",
            "Lambda", "Crusoe", "Nscale", "Harvey", "Hippocratic AI", "Runway", "Luma AI", "SoundHound AI", "Wayve", "Figure AI",
            "Reflection AI", "Alphabet", "Microsoft",
        ]
        for name in named {
            #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name = :name", binding: ["name": .text(name)]) == .integer(1), "\(name)")
        }
        #expect(try db.firstValue("SELECT c.name FROM company_aliases a JOIN companies c ON c.id = a.company_id WHERE alias = 'Lambda Labs'") == .text("Lambda"))
        #expect(try db.firstValue("SELECT count(*) FROM claims") == .integer(89))
        #expect(try db.firstValue("SELECT status FROM claims WHERE id = 'C22'") == .text("disputed"))
    }

    @Test func seededFiguresAreTheSourcedOnes() throws {
        let db = try migratedDatabase()
        _ = try Seeds.load(into: db)
        // Reflection AI: NVIDIA about 40% of $2B, not the lead by its own account (disputed).
        let reflection = try db.allRows(
            """
            SELECT r.amount_usd, ri.amount_usd, ri.share_pct, ri.is_lead, ri.lead_disputed
            FROM funding_rounds r JOIN companies c ON c.id = r.company_id
            JOIN round_investors ri ON ri.round_id = r.id JOIN companies n ON n.id = ri.investor_id
            WHERE c.name = 'Reflection AI' AND n.name = 'NVIDIA'
            """)
        #expect(reflection == [[.integer(2_000_000_000), .integer(800_000_000), .real(40), .integer(0), .integer(1)]])
        // Mistral's Series B keeps its euros beside the dollars.
        #expect(try db.allRows("SELECT amount, currency, amount_usd FROM funding_rounds WHERE external_id = 'mistral-ai-2024-06-series-b'")
            == [[.integer(600_000_000), .text("EUR"), .integer(643_700_000)]])
    }

    /// What the real load holds, counted: the first batch, the web of 2024–26 deals and
    /// NVIDIA's further portfolio (Seeds/CURATION.md says how they were curated), and
    /// Epoch AI's files (3 sources, 157 companies, 5 aliases, 22 rounds of their own).
    @Test func theSeedsHoldEveryCuratedRow() throws {
        let db = try migratedDatabase()
        _ = try Seeds.load(into: db)
        let counts: [(String, Int64)] = [
            ("sources", 401), ("companies", 426), ("company_aliases", 97), ("funding_rounds", 113),
            ("round_investors", 395), ("supply_deals", 86), ("relationships", 50), ("claims", 89),
        ]
        for (table, count) in counts {
            #expect(try db.firstValue("SELECT count(*) FROM \(table)") == .integer(count), "\(table)")
        }
        // Do-not-sum rows point at the row they repeat; conflicts stay as statuses.
        #expect(try db.firstValue("SELECT count(*) FROM supply_deals WHERE overlaps_deal_id IS NOT NULL") == .integer(15))
        #expect(try db.firstValue(
            "SELECT o.external_id FROM supply_deals d JOIN supply_deals o ON o.id = d.overlaps_deal_id WHERE d.external_id = 'oracle-openai-2025-07-stargate-4-5gw'")
            == .text("oracle-openai-2025-09-300b-compute"))
        #expect(try db.allRows("SELECT status, count(*) FROM funding_rounds GROUP BY status ORDER BY status")
            == [[.text("announced"), .integer(2)], [.text("closed"), .integer(100)], [.text("committed"), .integer(10)], [.text("stalled"), .integer(1)]])
        #expect(try db.firstValue("SELECT count(*) FROM claims WHERE counterparty_id IS NOT NULL") == .integer(17))
        // Every deal kind the web needs is one of the vocabulary's; no deal without a rule for its money.
        #expect(try db.firstValue("SELECT count(*) FROM supply_deals WHERE kind NOT IN (SELECT id FROM deal_kinds)") == .integer(0))
        for kind in ["warrant", "financing", "joint_venture", "acquisition"] {
            #expect(try db.firstValue("SELECT count(*) > 0 FROM supply_deals WHERE kind = :kind", binding: ["kind": .text(kind)]) == .integer(1), "\(kind)")
        }
    }

    /// Business units roll up to their groups, and every unit's parent is the one the curation names.
    @Test func unitsRollUpToTheirGroups() throws {
        let db = try migratedDatabase()
        _ = try Seeds.load(into: db)
        let groups = try db.allRows(
            """
            SELECT c.name, g.name, m.depth FROM company_groups m JOIN companies c ON c.id = m.company_id
            JOIN companies g ON g.id = m.group_id WHERE m.depth > 0 ORDER BY c.name
            """)
        #expect(groups == [
            [.text("Amazon Web Services"), .text("Amazon"), .integer(1)], [.text("Counterpoint Global"), .text("Morgan Stanley"), .integer(1)],
            [.text("Google"), .text("Alphabet"), .integer(1)], [.text("Google Cloud"), .text("Alphabet"), .integer(1)],
            [.text("Gradient Ventures"), .text("Alphabet"), .integer(2)], [.text("Microsoft Azure"), .text("Microsoft"), .integer(1)],
            [.text("NVentures"), .text("NVIDIA"), .integer(1)], [.text("Qualcomm Ventures"), .text("Qualcomm"), .integer(1)],
            [.text("SB Energy"), .text("SoftBank Group"), .integer(1)], [.text("Sofinnova MD Start"), .text("Sofinnova Partners"), .integer(1)],
            [.text("SoftBank Corp."), .text("SoftBank Group"), .integer(1)],
        ])
        // Every other company is its own group.
        #expect(try db.firstValue("SELECT count(*) FROM company_groups WHERE depth = 0 AND group_id = company_id") == .integer(415))
        #expect(try db.firstValue("SELECT count(*) FROM companies") == db.firstValue("SELECT count(*) FROM company_groups"))
        // The aliases moved to the units.
        #expect(try db.firstValue("SELECT c.name FROM company_aliases a JOIN companies c ON c.id = a.company_id WHERE alias = 'AWS'")
            == .text("Amazon Web Services"))
    }
}
