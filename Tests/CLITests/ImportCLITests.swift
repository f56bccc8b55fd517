import Foundation
import Testing

@Suite struct ImportCLITests {
    func freshDatabase() throws -> (directory: String, path: String) {
        let directory = temporaryDirectory()
        let path = directory + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        write("source_id,title\nT1,Test\n", to: directory + "/sources.csv")
        write("name,kind\nOpenAI,startup\nNVIDIA,big_tech\nZeta Test Co,startup\n", to: directory + "/companies.csv")
        #expect(try aikb("import", directory + "/sources.csv", directory + "/companies.csv", db: path).status == 0)
        return (directory, path)
    }

    @Test func problemsGoToStderrWithPositionsAndNothingIsWritten() throws {
        let (directory, path) = try freshDatabase()
        write("company,round_type,announced_on,amount,source_id\nOpenAI,seed,2015,$1M,T1\nOpenAl,seed,2016,lots,T1\n", to: directory + "/rounds.csv")
        let before = try sqlite3(path, "SELECT count(*) FROM funding_rounds").stdout
        let result = try aikb("import", "rounds.csv", in: directory, db: path)
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "rounds.csv:3:1: company: unknown company \"OpenAl\" (not a name or alias in companies; import it first or use --create-missing); did you mean OpenAI, Opera?",
            "rounds.csv:3:18: amount: cannot read \"lots\" as an amount (expected e.g. 1500000000, 1.5e9, $1.5B, 1.5 billion, 675M, €1.7bn, up to $100B)",
            "aikb: 2 problems; nothing was written",
        ])
        // No summary: one that says a row was inserted would be untrue, for nothing was written.
        #expect(result.stdout == "")
        #expect(try sqlite3(path, "SELECT count(*) FROM funding_rounds").stdout == before)
    }

    @Test func summaryInEveryFormatAndDryRun() throws {
        let (directory, path) = try freshDatabase()
        write("company,round_type,announced_on,source_id\nZeta Test Co,seed,2015,T1\n", to: directory + "/rounds.csv")
        let before = try sqlite3(path, "SELECT count(*) FROM funding_rounds").stdout
        let dry = try aikb("import", "--dry-run", "--format", "json", "rounds.csv", in: directory, db: path)
        #expect(dry.status == 0)
        #expect(dry.stdout == "[\n{\"file\":\"rounds.csv\",\"kind\":\"rounds\",\"format\":\"aikb\",\"read\":1,\"inserted\":1,\"updated\":0,\"unchanged\":0,\"rejected\":0,\"run\":null}\n]\n")
        #expect(dry.stderr.contains("nothing was written"))
        #expect(try sqlite3(path, "SELECT count(*) FROM funding_rounds").stdout == before)
        let real = try aikb("import", "--format", "tsv", "rounds.csv", in: directory, db: path)
        // The summary names the run the import was committed as, and so does import_log.
        let run = try sqlite3(path, "SELECT max(id) FROM runs").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(real.stdout == "file\tkind\tformat\tread\tinserted\tupdated\tunchanged\trejected\trun\nrounds.csv\trounds\taikb\t1\t1\t0\t0\t0\t\(run)\n")
        #expect(real.stderr.contains("committed as run \(run)"))
        let log = try sqlite3(path, "SELECT file, kind, rows_read, inserted, run_id FROM import_log ORDER BY id DESC LIMIT 1")
        #expect(log.stdout == "rounds.csv|rounds|1|1|\(run)\n")
    }

    @Test func standardInputIsAFile() throws {
        let (_, path) = try freshDatabase()
        let result = try aikb("import", "-", db: path, input: "name,kind\nAnthropic,startup\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try sqlite3(path, "SELECT kind FROM companies WHERE name = 'Anthropic'").stdout == "startup\n")
    }

    @Test func tableImportThroughTheCLI() throws {
        let (directory, path) = try freshDatabase()
        write("company,score\nOpenAI,9\nNVIDIA,7\n", to: directory + "/scores.csv")
        #expect(try aikb("import", "--table", "scores", "scores.csv", in: directory, db: path).status == 0)
        let refused = try aikb("import", "--table", "scores", "scores.csv", in: directory, db: path)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("table \"scores\" exists already; add --append to add rows or --replace to replace it"))
        #expect(try aikb("import", "--table", "scores", "--replace", "scores.csv", in: directory, db: path).status == 0)
        let joined = try sqlite3(path, "SELECT c.kind, s.score FROM scores s JOIN companies c ON c.name = s.company ORDER BY s.score")
        #expect(joined.stdout == "big_tech|7\nstartup|9\n")
    }

    @Test func aKilledImportLeavesThePreviousState() throws {
        let (directory, path) = try freshDatabase()
        var csv = "company,round_type,announced_on,round_id,source_id,notes\n"
        csv.reserveCapacity(40_000_000)
        for i in 0..<400_000 { csv += "OpenAI,seed,2015,r\(i),T1,row \(i) of a large import\n" }
        write(csv, to: directory + "/big.csv")
        let before = try sqlite3(path, "SELECT count(*) FROM funding_rounds; SELECT count(*) FROM sources").stdout

        let process = Process()
        process.executableURL = URL(fileURLWithPath: aikbBinary)
        process.arguments = ["import", "--db", path, directory + "/big.csv"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the import is writing (the WAL grows), then kill it hard.
        let wal = path + "-wal"
        for _ in 0..<400 {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if size > 2_000_000 { break }
            usleep(10_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it could be killed")

        #expect(try sqlite3(path, "PRAGMA integrity_check").stdout == "ok\n")
        #expect(try sqlite3(path, "SELECT count(*) FROM funding_rounds; SELECT count(*) FROM sources").stdout == before)
    }
}
