import KnowledgeBase
import SQLite
import Testing

@Suite struct SeedTests {
    @Test func seedsLoadWithZeroRejectsAndEveryFactHasAKnownSource() throws {
        let db = try migratedDatabase()
        let report = try Seeds.load(into: db)
        #expect(report.files == 13)  // 7 aikb files, the Epoch AI aliases and Epoch AI's 5 files
        #expect(report.rows > 500)
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
    /// to the importers, report indexes rebuilt at the end) they must end exactly as
    /// the normal import does, with no reference dangling.
    @Test func seedsAsABulkImportEndTheSameWithNoDanglingReference() throws {
        let seeds = corpus + "/../../../Seeds/"
        let files = ["sources", "companies", "rounds", "investors", "deals", "relationships", "claims"].map { seeds + $0 + ".csv" }
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
        #expect(try db.firstValue("SELECT count(*) FROM claims") == .integer(26))
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
}
