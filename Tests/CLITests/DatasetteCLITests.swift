import Foundation
import Testing

/// aikb datasette: the catalog as Datasette metadata, checked in its JSON and on the
/// pages a real Datasette (from PyPI, installed by Tests/run) serves.
@Suite struct DatasetteCLITests {
    static let database: String = {
        let path = temporaryDirectory() + "/kb.sqlite"
        _ = try? aikb("init", db: path)
        _ = try? aikb("report", "save", "big_deals", "--sql", "SELECT * FROM supply_deals WHERE value_usd >= 1e10",
                      "--title", "Big deals", "--description", "Supply deals of $10B or more", db: path)
        return path
    }()

    func metadata() throws -> [String: Any] {
        let run = try aikb("datasette", "--metadata", "-", db: Self.database)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func catalog(_ sql: String) throws -> [[String]] {
        try sqlite3(Self.database, sql, ["-separator", "\u{1f}"]).stdout.split(separator: "\n").map {
            $0.split(separator: "\u{1f}", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func metadataDocumentsEveryReportAndTableFromTheCatalog() throws {
        let root = try metadata()
        let databases = try #require(root["databases"] as? [String: Any])
        #expect(Array(databases.keys) == ["kb"], "Datasette names the database after the file")
        let kb = try #require(databases["kb"] as? [String: Any])
        let tables = try #require(kb["tables"] as? [String: [String: Any]])
        for row in try catalog("SELECT name, title, description FROM reports WHERE builtin = 1") {
            let entry = try #require(tables[row[0]], "\(row[0])")
            #expect(entry["title"] as? String == row[1])
            #expect(entry["description"] as? String == row[2])
            let columns = try #require(entry["columns"] as? [String: String], "\(row[0])")
            for column in try catalog("SELECT name, description, ifnull(unit, '') FROM report_columns WHERE report = '\(row[0])'") {
                let text = try #require(columns[column[0]], "\(row[0]).\(column[0])")
                #expect(text.hasPrefix(column[1]))
                if column[2] == "usd" { #expect(text.hasSuffix("[US dollars]")) }
            }
        }
        for row in try catalog("SELECT name, title FROM table_docs") {
            #expect(tables[row[0]]?["title"] as? String == row[1], "\(row[0])")
        }
        // Pint units where Pint reads well; the source of a fact shows by its title, a company by its name.
        #expect((tables["supply_deals"]?["units"] as? [String: String])?["power_mw"] == "MW")
        #expect((tables["round_investors"]?["units"] as? [String: String])?["share_pct"] == "percent")
        #expect(tables["sources"]?["label_column"] as? String == "title")
        #expect(tables["companies"]?["label_column"] as? String == "name")
        // Facets that make sense: NVIDIA's rounds by sector and year; edges by type.
        #expect((tables["nvidia_rounds"]?["facets"] as? [String])?.starts(with: ["sector", "year"]) == true)
        #expect((tables["ecosystem_edges"]?["facets"] as? [String])?.contains("edge") == true)
        // Saved reports are canned queries.
        let queries = try #require(kb["queries"] as? [String: [String: String]])
        #expect(queries["big_deals"]?["title"] == "Big deals")
        #expect(queries["big_deals"]?["sql"] == "SELECT * FROM \"big_deals\"")
    }

    @Test func metadataGoesToAFile() throws {
        let file = temporaryDirectory() + "/metadata.json"
        let run = try aikb("datasette", "--metadata", file, db: Self.database)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written == (try aikb("datasette", "--metadata", "-", db: Self.database).stdout))
        let unwritable = try aikb("datasette", "--metadata", "/nonexistent/folder/m.json", db: Self.database)
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr.hasPrefix("aikb: /nonexistent/folder/m.json: cannot write: "))
    }

    /// Jinja's escaping, as Datasette's templates print text.
    func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&#34;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    func freePort() throws -> Int {
        let run = try CLITests.run(
            "/usr/bin/env", ["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        return try #require(Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    func fetch(_ url: String) throws -> Run {
        try CLITests.run("/usr/bin/env", ["curl", "-s", "-f", "--max-time", "5", url])
    }

    @Test func aRealDatasetteShowsTheReportsTitleDescriptionAndColumnDescriptions() throws {
        let port = try freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: aikbBinary)
        server.arguments = ["datasette", "--db", Self.database, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        server.standardError = errors
        try server.run()
        defer {
            server.terminate()  // aikb has become Datasette: SIGTERM stops it
            let stop = Date().addingTimeInterval(15)
            while server.isRunning && Date() < stop { usleep(100_000) }
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
            server.waitUntilExit()
        }
        var page: Run?
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && server.isRunning {
            let attempt = try fetch("http://127.0.0.1:\(port)/kb/circular_financing")
            if attempt.status == 0 {
                page = attempt
                break
            }
            usleep(250_000)
        }
        #expect(server.isRunning, "Datasette is still serving")
        let html = try #require(page?.stdout, "Datasette did not answer: \(server.isRunning ? "" : String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self))")
        let report = try #require(try catalog("SELECT title, description FROM reports WHERE name = 'circular_financing'").first)
        #expect(html.contains("<h1>\(self.html(report[0])) (view)</h1>"), "the title")
        #expect(html.contains(self.html(report[1])), "the description")
        for column in try catalog("SELECT name, description, ifnull(unit, '') FROM report_columns WHERE report = 'circular_financing'") {
            #expect(html.contains("<dt>\(column[0])</dt><dd>\(self.html(column[1]))"), "\(column[0])")
        }
        // A table: its title, and a fact's source shown by the source's title, linked.
        let rounds = try #require(try fetch("http://127.0.0.1:\(port)/kb/funding_rounds?_size=5").stdout as String?)
        #expect(rounds.contains("<h1>Funding rounds</h1>"))
        let source = try #require(try catalog("SELECT s.id, s.title FROM funding_rounds r JOIN sources s ON s.id = r.source_id ORDER BY r.id LIMIT 1").first)
        #expect(rounds.contains("href=\"/kb/sources/\(source[0])\">\(self.html(source[1]))</a>"), "label column")
        // The saved report is a canned query with its title.
        #expect(try fetch("http://127.0.0.1:\(port)/kb/big_deals").stdout.contains("Big deals"))
    }

    @Test func withoutDatasetteItSaysHowToInstallIt() throws {
        let run = try CLITests.run(aikbBinary, ["datasette", "--db", Self.database], environment: ["PATH": "/nonexistent"])
        #expect(run.status == 69)
        #expect(
            run.stderr
                == "aikb: Datasette is not installed (pip install datasette, or python3 -m pip install datasette); aikb datasette --metadata FILE writes the metadata without it\n")
    }
}
