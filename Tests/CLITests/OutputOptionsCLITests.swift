import Foundation
import Testing

/// --format line and box, --columns, --width and --null through the real binary: the
/// options reach the printer, and their mistakes are reported like every other.
@Suite struct OutputOptionsCLITests {
    static let database: String = {
        let path = temporaryDirectory() + "/kb.sqlite"
        _ = try? aikb("init", db: path)
        return path
    }()

    let sql = "SELECT 'NVIDIA' AS name, NULL AS note, 2000000000 AS amount_usd"

    @Test func lineAndBoxFormats() throws {
        let line = try aikb("sql", sql + "; SELECT 1 AS n", "--format", "line", db: Self.database)
        #expect(line.stdout == "      name = NVIDIA\n      note =\namount_usd = 2000000000\n\nn = 1\n", "\(line.stderr)")
        let box = try aikb("sql", sql, "--format", "box", "--null", "NULL", db: Self.database)
        #expect(
            box.stdout == """
                ┌────────┬──────┬────────────┐
                │ name   │ note │ amount_usd │
                ├────────┼──────┼────────────┤
                │ NVIDIA │ NULL │ 2000000000 │
                └────────┴──────┴────────────┘

                """)
    }

    @Test func columnsPickAndOrderAndAnUnknownOneIsRejected() throws {
        let picked = try aikb("sql", sql, "--format", "csv", "--columns", "amount_usd, name", db: Self.database)
        #expect(picked.stdout == "amount_usd,name\n2000000000,NVIDIA\n")
        let unknown = try aikb("report", "run", "nvidia_rounds", "--columns", "company,amount", db: Self.database)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.hasPrefix("aikb: --columns: the result has no column \"amount\"; did you mean"), "\(unknown.stderr)")
        #expect(unknown.stdout == "")
        #expect(try aikb("sql", sql, "--columns", "", db: Self.database).status == 64)
    }

    /// An import's summary columns are checked before anything is imported.
    @Test func anImportWithAnUnknownSummaryColumnWritesNothing() throws {
        let directory = temporaryDirectory()
        let path = directory + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        write("name,kind\nZeta Output Co,startup\n", to: directory + "/companies.csv")
        let result = try aikb("import", "companies.csv", "--columns", "file,insrted", in: directory, db: path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("did you mean inserted?"), "\(result.stderr)")
        #expect(try sqlite3(path, "SELECT count(*) FROM companies WHERE name = 'Zeta Output Co'").stdout == "0\n")
        let picked = try aikb("import", "companies.csv", "--columns", "inserted,file", in: directory, db: path)
        #expect(picked.stdout == "inserted,file\n1,companies.csv\n")
    }

    @Test func widthFitsTableAndBox() throws {
        for format in ["table", "box"] {
            let run = try aikb("report", "run", "circular_financing", "--format", format, "--width", "60", db: Self.database)
            #expect(run.status == 0)
            let lines = run.stdout.split(separator: "\n")
            #expect(lines.allSatisfy { $0.count <= 60 }, "\(run.stdout)")
            #expect(run.stdout.contains("columns not shown:"), "\(run.stdout)")
        }
        // Not a terminal and no --width: no limit, every column shown.
        let wide = try aikb("report", "run", "circular_financing", "--format", "table", db: Self.database)
        #expect(!wide.stdout.contains("not shown"))
        #expect(try aikb("sql", sql, "--width", "-1", db: Self.database).status == 64)
    }
}
