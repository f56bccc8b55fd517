import Foundation
import Testing

/// kill -9 at two dozen moments of a bulk import (reading, writing, rebuilding the
/// secondary indexes, committing) and of an undo: each time the file passes SQLite's
/// integrity check and holds exactly the state before or after, never one between.
@Suite(.serialized) struct CrashSafetyCLITests {
    /// Every row of every knowledge table, as `sqlite3 .dump` writes them.
    func knowledge(_ path: String) throws -> String {
        let tables = try sqlite3(path, "SELECT name FROM history_tables ORDER BY name").stdout.split(separator: "\n")
        // One sqlite3 for all of them: each further argument is one more command.
        return try run("/usr/bin/sqlite3", ["-cmd", ".timeout 5000", path] + tables.map { ".dump \($0)" }).stdout
    }

    func copy(_ from: String, to: String) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: to + suffix) }
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    /// Starts `arguments`, kills it after `delay` seconds (if it is still running), and
    /// returns whether it was killed.
    func runAndKill(_ arguments: [String], after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: aikbBinary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["AIKB_BULK_THRESHOLD"] = "0"  // every import is a bulk import: index rebuilds at the end
        environment["AIKB_DB"] = nil
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(delay * 1_000_000))
        let running = process.isRunning
        if running { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return running && process.terminationReason == .uncaughtSignal
    }

    func timed(_ arguments: [String]) throws -> Double {
        let start = Date()
        let result = try run(aikbBinary, arguments, environment: ["AIKB_BULK_THRESHOLD": "0"])
        #expect(result.status == 0, "\(result.stderr)")
        return Date().timeIntervalSince(start)
    }

    @Test func killedImportsAndUndosLeaveTheStateBeforeOrAfter() throws {
        let directory = temporaryDirectory()
        let export = directory + "/export"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/scripts/generate_crunchbase.py").path
        #expect(try run("/usr/bin/env", ["python3", script, export, "5000"]).status == 0)
        let files = ["organizations", "funding_rounds", "investments"].map { export + "/\($0).csv" }
        let base = directory + "/base.sqlite"
        #expect(try aikb("init", db: base).status == 0)
        _ = try sqlite3(base, "PRAGMA wal_checkpoint(TRUNCATE)")
        let before = try knowledge(base)

        let imported = directory + "/imported.sqlite"
        try copy(base, to: imported)
        let importTime = try timed(["import", "--create-missing", "--db", imported] + files)
        _ = try sqlite3(imported, "PRAGMA wal_checkpoint(TRUNCATE)")
        let after = try knowledge(imported)
        #expect(after != before)
        let run = try sqlite3(imported, "SELECT max(id) FROM runs").stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        // 24 moments spread over the whole import, the last third denser: that is where
        // the indexes are rebuilt and the transaction commits.
        var moments: [Double] = (0..<16).map { Double($0) / 16.0 }
        for step in 0..<8 { moments.append(0.66 + 0.34 * Double(step) / 8.0) }
        var outcomes: [String: Int] = [:]
        let trial = directory + "/trial.sqlite"
        for moment in moments {
            try copy(base, to: trial)
            let killed = try runAndKill(["import", "--create-missing", "--db", trial] + files, after: importTime * moment)
            #expect(try sqlite3(trial, "PRAGMA integrity_check").stdout == "ok\n", "import killed at \(moment)")
            let state = try knowledge(trial)
            #expect(state == before || state == after, "import killed at \(moment) left a state between")
            outcomes[state == before ? "before" : "after", default: 0] += 1
            _ = killed
        }
        // Most kills land before the commit, so the test does kill imports midway. How
        // many depends on how fast this run goes against the timed one: 15 to 19 of the
        // 24 were seen with the other suites running beside it; 16 failed CI once.
        #expect((outcomes["before"] ?? 0) >= 12, "\(outcomes)")

        // The same for undo.
        let undoTime = try { () throws -> Double in
            let probe = directory + "/probe.sqlite"
            try copy(imported, to: probe)
            return try timed(["undo", run, "--db", probe])
        }()
        for step in 0..<20 {
            let moment = Double(step) / 20.0
            try copy(imported, to: trial)
            _ = try runAndKill(["undo", run, "--db", trial], after: undoTime * moment)
            #expect(try sqlite3(trial, "PRAGMA integrity_check").stdout == "ok\n", "undo killed at \(moment)")
            let state = try knowledge(trial)
            #expect(state == after || state == before, "undo killed at \(moment) left a state between")
        }
    }
}
