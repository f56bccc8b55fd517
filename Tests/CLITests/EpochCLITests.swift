import Foundation
import Testing

/// Epoch AI's files and other third-party CSVs through the real `aikb` binary.
@Suite struct EpochCLITests {
    static let seeds: String = {
        let file = #filePath
        return String(file[..<file.range(of: "/Tests/")!.lowerBound]) + "/Seeds/epoch/"
    }()

    func freshDatabase() throws -> (directory: String, path: String) {
        let directory = temporaryDirectory()
        let path = directory + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        return (directory, path)
    }

    @Test func theDefaultKnowledgeBaseHoldsTheSnapshotAndReimportingItChangesNothing() throws {
        let (_, path) = try freshDatabase()
        #expect(try sqlite3(path, "SELECT count(*) FROM gpu_clusters; SELECT count(*) FROM data_centers; SELECT count(*) FROM epoch_rounds").stdout == "786\n17\n36\n")
        let history = try sqlite3(path, "SELECT count(*) FROM history").stdout
        let files = ["ai_companies.csv", "ai_companies_funding_rounds.csv", "gpu_clusters.csv", "data_centers.csv", "data_center_timelines.csv"]
        let result = try aikb("import", "--format", "csv", in: Self.seeds, db: path, arguments: files)
        #expect(result.status == 0, "\(result.stderr)")
        let run = try sqlite3(path, "SELECT max(id) FROM runs").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(result.stdout == """
            file,kind,format,read,inserted,updated,unchanged,rejected,run
            ai_companies.csv,companies,epoch ai_companies,7,0,0,7,0,\(run)
            ai_companies_funding_rounds.csv,rounds,epoch ai_companies_funding_rounds,36,0,0,36,0,\(run)
            gpu_clusters.csv,gpu_clusters,epoch gpu_clusters,786,0,0,786,0,\(run)
            data_centers.csv,data_centers,epoch data_centers,17,0,0,17,0,\(run)
            data_center_timelines.csv,data_center_timelines,epoch data_center_timelines,118,0,0,118,0,\(run)

            """)
        #expect(!result.stderr.contains("new company"))
        #expect(result.stderr.contains("gpu_clusters.csv: Owner: \"Meta AI\" is Meta (company "))
        #expect(result.stderr.contains("gpu_clusters.csv: Users: not companies, kept as written: "))
        #expect(try sqlite3(path, "SELECT count(*) FROM history").stdout == history)
    }

    @Test func theSummaryListsWhatWasMatchedCreatedAndLeftAsText() throws {
        let (directory, path) = try freshDatabase()
        write(
            """
            Name,Status,Certainty,H100 equivalents,Owner,Users,GPU Supplier (primary),Chip quantity (primary),Source 1
            Test Cluster One,Existing,Confirmed,1000.0,"Meta AI,Brand New Owner Co","Cloud,Researchers in Poland,OpenAI",Anonymized,1000.0,https://example.com/one
            Test Cluster Two,Planned,Likely,2E+3,Brand New Owner Co,Brand New Owner Co,NVIDIA,2000,

            """, to: directory + "/gpu_clusters.csv")
        let result = try aikb("import", "gpu_clusters.csv", in: directory, db: path)
        #expect(result.status == 0, "\(result.stderr)")
        let id = try sqlite3(path, "SELECT id FROM companies WHERE name = 'Brand New Owner Co'").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let meta = try sqlite3(path, "SELECT id FROM companies WHERE name = 'Meta'").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let openai = try sqlite3(path, "SELECT id FROM companies WHERE name = 'OpenAI'").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let nvidia = try sqlite3(path, "SELECT id FROM companies WHERE name = 'NVIDIA'").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let run = try sqlite3(path, "SELECT max(id) FROM runs").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "gpu_clusters.csv: GPU Supplier (primary): 1 name of companies: NVIDIA (\(nvidia))",
            "gpu_clusters.csv: GPU Supplier (primary): not companies, kept as written: \"Anonymized\" (placeholder, 1 row)",
            "gpu_clusters.csv: Owner: \"Meta AI\" is Meta (company \(meta), by alias; 1 row)",
            "gpu_clusters.csv: Owner: \"Brand New Owner Co\" is a new company (id \(id); 2 rows)",
            "gpu_clusters.csv: Users: \"Brand New Owner Co\" is a new company (id \(id); 1 row)",
            "gpu_clusters.csv: Users: 1 name of companies: OpenAI (\(openai))",
            "gpu_clusters.csv: Users: not companies, kept as written: \"Cloud\" (placeholder, 1 row), \"Researchers in Poland\" (1 row)",
            "aikb: committed as run \(run) (aikb undo \(run) reverts it)",
        ])
        #expect(result.stdout == "file,kind,format,read,inserted,updated,unchanged,rejected,run\ngpu_clusters.csv,gpu_clusters,epoch gpu_clusters,2,2,0,0,0,\(run)\n")
        #expect(try sqlite3(path, "SELECT owners, users, gpu_supplier, chips, h100_equivalents FROM compute_clusters WHERE name LIKE 'Test Cluster%' ORDER BY name").stdout
            == "Meta; Brand New Owner Co|Cloud; Researchers in Poland; OpenAI|Anonymized|1000|1000.0\nBrand New Owner Co|Brand New Owner Co|NVIDIA|2000|2000.0\n")
        #expect(try sqlite3(path, "SELECT source_id, kind FROM companies WHERE name = 'Brand New Owner Co'").stdout == "epoch-gpu-clusters|other\n")
        #expect(try sqlite3(path, "SELECT count(*) FROM companies WHERE name IN ('Cloud', 'Anonymized', 'Researchers in Poland')").stdout == "0\n")
    }

    @Test func theNewReportsAnswerOnTheDefaultKnowledgeBase() throws {
        let (_, path) = try freshDatabase()
        let byOwner = try aikb("report", "run", "compute_by_owner", "--where", "owner=xAI", "--where", "gpu_supplier=NVIDIA", "--format", "csv", db: path)
        #expect(byOwner.status == 0, "\(byOwner.stderr)")
        let lines = byOwner.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "owner,gpu_supplier,clusters,existing_clusters,planned_clusters,existing_chips,planned_chips,existing_h100_equivalents,planned_h100_equivalents,existing_power_mw,planned_power_mw,source_ids")
        // Colossus phases 1 to 3 are one existing cluster: the latest phase's figures.
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("xAI,NVIDIA,6,1,2,230000,") == true)
        let investees = try aikb("report", "run", "investee_compute", "--where", "company=CoreWeave", "--format", "csv", db: path)
        #expect(investees.status == 0)
        #expect(investees.stdout.hasPrefix("company,nvidia_rounds,nvidia_invested_usd,nvidia_committed_usd,gpu_supplier,clusters,existing_clusters,planned_clusters,existing_chips,planned_chips,existing_h100_equivalents,planned_h100_equivalents,existing_power_mw,planned_power_mw,source_ids\n"))
        #expect(investees.stdout.contains("\nCoreWeave,3,2350000000,,NVIDIA,"))
        let clusters = try aikb("report", "run", "compute_clusters", "--columns", "name,owners,source_ids", "--where", "name=xAI Colossus Memphis Phase 1", "--format", "csv", db: path)
        #expect(clusters.stdout == "name,owners,source_ids\nxAI Colossus Memphis Phase 1,xAI,epoch-gpu-clusters\n")
        // The same view through sqlite3, as Datasette sees it.
        #expect(try sqlite3(path, "SELECT count(*) FROM compute_clusters").stdout == "786\n")
    }

    @Test func delimitersAndEncodings() throws {
        let (directory, path) = try freshDatabase()
        write("name;kind\nAcme Semicolon;startup\n", to: directory + "/semi.csv")
        #expect(try aikb("import", "semi.csv", in: directory, db: path).status == 0)
        write("name|kind\nAcme Pipe|startup\n", to: directory + "/pipe.csv")
        #expect(try aikb("import", "--delimiter", "|", "pipe.csv", in: directory, db: path).status == 0)
        let latin1 = Data("name,country_code\n".utf8) + Data([0x4A, 0xFC, 0x6C, 0x69, 0x63, 0x68, 0x20, 0x41, 0x49]) + Data(",DEU\n".utf8)
        FileManager.default.createFile(atPath: directory + "/latin1.csv", contents: latin1)
        #expect(try aikb("import", "--encoding", "latin-1", "latin1.csv", in: directory, db: path).status == 0)
        #expect(try sqlite3(path, "SELECT name FROM companies WHERE name IN ('Acme Semicolon', 'Acme Pipe', 'Jülich AI') ORDER BY name").stdout == "Acme Pipe\nAcme Semicolon\nJülich AI\n")
        // UTF-16 without --encoding: one line, exit 65; with it, imported.
        var utf16 = Data([0xFF, 0xFE])
        for unit in "name\tkind\r\nAcme Sixteen\tstartup\r\n".utf16 { utf16 += Data([UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        FileManager.default.createFile(atPath: directory + "/utf16.txt", contents: utf16)
        let refused = try aikb("import", "utf16.txt", in: directory, db: path)
        #expect(refused.status == 65)
        #expect(refused.stderr == "utf16.txt: is UTF-16 (it starts with a little-endian UTF-16 byte-order mark), not UTF-8; import it with --encoding utf-16\naikb: 1 problem; nothing was written\n")
        #expect(try aikb("import", "--encoding", "utf-16", "utf16.txt", in: directory, db: path).status == 0)
        let wrong = try aikb("import", "--encoding", "klingon", "semi.csv", in: directory, db: path)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("--encoding klingon: expected one of utf-8, latin-1, windows-1252, utf-16, utf-16le, utf-16be"))
        #expect(try aikb("import", "--delimiter", "\"", "semi.csv", in: directory, db: path).status == 64)
    }

    @Test func aFileOfNoKindSuggestsTableWhichTypesItsColumns() throws {
        let (directory, path) = try freshDatabase()
        write("Region;Revenue;Share;Code\nEMEA;1200;0.5;007\nAPAC;900;0.25;010\n", to: directory + "/export.csv")
        let refused = try aikb("import", "export.csv", in: directory, db: path)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("or load the file as a table of its own with --table NAME"))
        let loaded = try aikb("import", "--table", "regions", "export.csv", in: directory, db: path)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stderr.hasPrefix("export.csv: INTEGER columns: Revenue\nexport.csv: REAL columns: Share\naikb: committed as run "))
        #expect(try sqlite3(path, "SELECT typeof(Region), typeof(Revenue), typeof(Share), Code FROM regions ORDER BY rowid").stdout
            == "text|integer|real|007\ntext|integer|real|010\n")
        #expect(try aikb("import", "--table", "regions_text", "--no-detect-types", "export.csv", in: directory, db: path).status == 0)
        #expect(try sqlite3(path, "SELECT typeof(Revenue) FROM regions_text LIMIT 1").stdout == "text\n")
        #expect(try aikb("import", "--no-detect-types", "export.csv", in: directory, db: path).status == 64)
    }
}

/// `aikb(...)` with the files given as an array.
func aikb(_ first: String, _ second: String, _ third: String, in directory: String, db: String, arguments: [String]) throws -> Run {
    try run(aikbBinary, ["--db", db, first, second, third] + arguments, in: directory)
}
