import Foundation
import Testing

/// Every error is one line on stderr starting with `aikb:` (or the FILE:LINE:COLUMN it
/// is about), with the exit status of the README's table: one test per cause.
@Suite struct ErrorCLITests {
    static let database: String = {
        let path = temporaryDirectory() + "/kb.sqlite"
        _ = try? aikb("init", db: path)
        return path
    }()

    /// The lines of stderr, and a check that there is exactly one, starting with `aikb:`.
    func oneLine(_ run: Run, _ comment: Comment? = nil) -> String {
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("aikb: "), "\(run.stderr)")
        return lines.first.map(String.init) ?? ""
    }

    @Test func anUnknownOptionIsOneLineWithAHintToHelp() throws {
        let run = try aikb("report", "run", "circular_financing", "--bogus", db: Self.database)
        #expect(run.status == 64)
        #expect(oneLine(run) == "aikb: unknown option '--bogus' (see aikb report run --help)")
        #expect(!run.stderr.contains("Error:") && !run.stderr.contains("Usage:"))
    }

    @Test func aMissingArgumentIsOneLine() throws {
        let run = try aikb("report", "run", db: Self.database)
        #expect(run.status == 64)
        #expect(oneLine(run) == "aikb: missing expected argument '<name>' (see aikb report run --help)")
    }

    @Test func aMalformedValueIsOneLine() throws {
        let run = try aikb("report", "run", "circular_financing", "--limit", "many", db: Self.database)
        #expect(run.status == 64)
        #expect(oneLine(run) == "aikb: the value 'many' is invalid for '--limit <n>' (see aikb report run --help)")
    }

    /// A value outside an option's choices names them on the line, not one per line
    /// joined by "; - " as ArgumentParser writes them.
    @Test func aValueOutsideTheChoicesNamesThem() throws {
        let format = try aikb("report", "run", "circular_financing", "--format", "xml", db: Self.database)
        #expect(format.status == 64)
        #expect(oneLine(format)
            == "aikb: the value 'xml' is invalid for '--format <format>'; expected table, csv, tsv, json, jsonl, markdown, line, box (see aikb report run --help)")
        let graph = try aikb("graph", "--format", "jpg", db: Self.database)
        #expect(oneLine(graph) == "aikb: the value 'jpg' is invalid for '--format <format>'; expected dot, mermaid, svg or png (see aikb graph --help)")
    }

    /// A problem of the command line, not of a file, starts with aikb: like every other.
    @Test func anUnknownSourceOptionIsAnAikbLine() throws {
        let file = temporaryDirectory() + "/companies.csv"
        write("name,kind\nZzyzx Labs,startup\n", to: file)
        let copy = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: copy).status == 0)
        let run = try aikb("import", file, "--source", "NOSUCH", db: copy)
        #expect(run.status == 65)
        #expect(run.stderr == "aikb: --source: unknown source \"NOSUCH\"\naikb: 1 problem; nothing was written\n")
    }

    @Test func aValidationFailureIsOneLine() throws {
        let run = try aikb("import", "x.csv", "--append", db: Self.database)
        #expect(run.status == 64)
        #expect(oneLine(run) == "aikb: --append and --replace go with --table (see aikb import --help)")
    }

    @Test func anUnknownCommandIsSuggested() throws {
        let run = try aikb("repor", "list", db: Self.database)
        #expect(run.status == 64)
        #expect(oneLine(run) == "aikb: unknown command 'repor'; did you mean report? (see aikb --help)")
    }

    @Test func aBadFormatChosenWhenTheCommandRunsIsUsageNotAnInternalError() throws {
        let run = try aikb("report", "show", "circular_financing", "--format", "xml", db: Self.database)
        #expect(run.status == 64)
        #expect(oneLine(run).hasPrefix("aikb: --format xml: expected text, json, table, box, line,"))
    }

    @Test func helpAndVersionGoToStdoutWithStatusZero() throws {
        let help = try aikb("graph", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("--top"))
        #expect(help.stderr.isEmpty)
        let version = try aikb("--version")
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
    }

    @Test func aMissingImportFileIs66BeforeAnythingIsOpened() throws {
        let directory = temporaryDirectory()
        let database = directory + "/new.sqlite"
        let run = try aikb("import", directory + "/nope.csv", db: database)
        #expect(run.status == 66)
        #expect(oneLine(run) == "aikb: \(directory)/nope.csv: no such file")
        #expect(run.stdout.isEmpty, "no summary")
        #expect(!FileManager.default.fileExists(atPath: database), "nothing is created for an import that cannot start")
        // Every missing file is named, each on its line; the status is still 66.
        let two = try aikb("import", directory + "/a.csv", directory, db: database)
        #expect(two.status == 66)
        #expect(two.stderr == "aikb: \(directory)/a.csv: no such file\naikb: \(directory): is a folder, not a CSV file\n")
        // The same cause, the same status, for --table and for SQL files.
        #expect(try aikb("import", "--table", "mine", directory + "/nope.csv", db: Self.database).status == 66)
        #expect(try aikb("sql", "-f", directory + "/nope.sql", db: Self.database).status == 66)
    }

    @Test func aFailedImportPrintsNoSummary() throws {
        let directory = temporaryDirectory()
        write("name,sector\nGood Co,large_models\nBad Co,no_such_sector\n", to: directory + "/companies.csv")
        let before = try sqlite3(Self.database, "SELECT count(*) FROM companies").stdout
        let failed = try aikb("import", directory + "/companies.csv", "--format", "csv", db: Self.database)
        let dryRun = try aikb("import", directory + "/companies.csv", "--dry-run", "--format", "csv", db: Self.database)
        for run in [failed, dryRun] {
            #expect(run.status == 65)
            #expect(run.stdout.isEmpty, "a summary saying rows were inserted would be a lie: \(run.stdout)")
            #expect(run.stderr.contains("\(directory)/companies.csv:3:"), "\(run.stderr)")
            #expect(run.stderr.hasSuffix("aikb: 1 problem; nothing was written\n"), "\(run.stderr)")
        }
        #expect(try sqlite3(Self.database, "SELECT count(*) FROM companies").stdout == before)
        // A clean dry run still gives its summary.
        write("name,sector\nGood Co,large_models\n", to: directory + "/good.csv")
        let dry = try aikb("import", directory + "/good.csv", "--dry-run", "--format", "csv", db: Self.database)
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("good.csv,companies,aikb,1,1,0,0,0"), "\(dry.stdout)")
    }

    @Test func aLockedDatabaseSaysSoAndToTryAgain() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        // Another process holds the write lock (as an import in progress would) until told to stop.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN IMMEDIATE')\nprint('locked', flush=True)\nsys.stdin.read()",
            path,
        ]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        #expect(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("locked"))
        let directory = temporaryDirectory()
        write("name\nLocked Out Inc\n", to: directory + "/companies.csv")
        let run = try aikb("import", directory + "/companies.csv", db: path)
        #expect(run.status == 75)
        #expect(
            oneLine(run)
                == "aikb: \(path) is locked: another process is writing to it (an import, aikb sql --write, sqlite3, Datasette); try again when it has finished")
        #expect(!run.stderr.contains("SQLITE_BUSY") && !run.stderr.contains("BEGIN IMMEDIATE"))
        #expect(run.stdout.isEmpty)
    }

    @Test func anUnknownColumnIsMatchedAgainstTheColumnsOfTheTablesTheStatementReads() throws {
        // `sector` is a column of reports, but companies has sector_id: never suggest the same word back.
        let run = try aikb("sql", "SELECT sector FROM companies", db: Self.database)
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("aikb: <command line>:1:8: no such column: sector; did you mean sector_id?\n"), "\(run.stderr)")
        // A qualified name: the columns of the table its alias stands for.
        let aliased = try aikb("sql", "SELECT s.nme FROM companies c JOIN sources s ON s.id = c.source_id", db: Self.database)
        #expect(aliased.stderr.hasPrefix("aikb: <command line>:1:8: no such column: s.nme\n"), "sources has no name: \(aliased.stderr)")
        let company = try aikb("sql", "SELECT c.nme FROM companies c JOIN sources s ON s.id = c.source_id", db: Self.database)
        #expect(company.stderr.hasPrefix("aikb: <command line>:1:8: no such column: c.nme; did you mean name?\n"), "\(company.stderr)")
    }

    @Test func facetsSayHowManyValuesTheyLeftOut() throws {
        let kinds = try sqlite3(Self.database, "SELECT count(DISTINCT kind) FROM companies").stdout
        let total = Int(kinds.dropLast())!
        #expect(total > 3)
        let run = try aikb("facets", "companies", "kind", "--limit", "3", "--format", "csv", db: Self.database)
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 4)
        #expect(oneLine(run) == "aikb: kind: 3 of \(total) values shown, \(total - 3) left out (--limit \(total) shows all)")
        let all = try aikb("facets", "companies", "kind", "--limit", String(total), "--format", "csv", db: Self.database)
        #expect(all.stderr.isEmpty, "nothing left out, nothing to say")
    }

    @Test func theShellsOwnErrorsStartWithAikb() throws {
        let run = try aikb("shell", db: Self.database, input: ".bogus\nSELECT nme FROM companies;\n")
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.first == "aikb: unknown command .bogus (.help lists them)")
        #expect(lines.dropFirst().first?.hasPrefix("<stdin>:2:8: no such column: nme; did you mean name?") == true, "\(run.stderr)")
    }
}
