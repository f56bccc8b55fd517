import Foundation
import Testing

/// Every benchmark still runs, on data small enough for the test suite: the scripts in
/// `Benchmarks/scripts` against this build's aikb, and the wrapper benchmark package.
/// Nothing here is timed (the figures are in docs/benchmarks.md); what fails is a
/// benchmark that no longer runs or no longer measures what it names.
@Suite(.serialized) struct BenchmarkSmokeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let scripts = root + "/Benchmarks/scripts"
    static let rounds = "2000"

    /// The Crunchbase-style data the import scripts share, made once by the generator.
    static let data: String = {
        let directory = temporaryDirectory() + "/aikb-import-bench-" + rounds
        _ = try? run("/usr/bin/env", ["python3", scripts + "/generate_crunchbase.py", directory, rounds])
        return directory
    }()

    func script(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let result = try run(
            "/bin/bash", [Self.scripts + "/" + name] + arguments,
            environment: ["AIKB_BIN": aikbBinary, "DATA_DIR": Self.data].merging(environment) { _, new in new })
        #expect(result.status == 0, "\(name): \(result.stderr)")
        return result
    }

    @Test func theGeneratorWritesTheThreeFilesOfACrunchbaseExport() throws {
        for file in ["organizations", "funding_rounds", "investments"] {
            let text = try String(contentsOfFile: Self.data + "/\(file).csv", encoding: .utf8)
            #expect(text.split(separator: "\n").count > 100, "\(file)")
        }
    }

    /// growth.sh measures the import and every built-in report; growth_chart.py draws them.
    @Test func growthMeasuresEveryReportAndTheChartDrawsIt() throws {
        let directory = temporaryDirectory()
        let tsv = directory + "/growth.tsv"
        let parent = URL(fileURLWithPath: Self.data).deletingLastPathComponent().path
        _ = try script("growth.sh", [tsv, Self.rounds], environment: ["DATA_ROOT": parent])
        let lines = try String(contentsOfFile: tsv, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(lines.allSatisfy { $0.count == 4 && $0[0] == Substring(Self.rounds) && Double($0[2]) != nil && Int($0[3]) != nil })
        let measured = Set(lines.map { String($0[1]) })
        #expect(measured.contains("aikb import") && measured.contains("sqlite3 .import"))
        let seeded = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: seeded).status == 0)
        let builtin = try sqlite3(seeded, "SELECT 'report ' || name FROM reports WHERE builtin = 1").stdout.split(separator: "\n")
        #expect(!builtin.isEmpty)
        for report in builtin { #expect(measured.contains(String(report)), "\(report)") }
        let chart = try run("/usr/bin/env", ["python3", Self.scripts + "/growth_chart.py", tsv, directory + "/growth.svg"])
        #expect(chart.status == 0, "\(chart.stderr)")
        #expect(chart.stdout.contains("| 2,000 |"))
        #expect(try String(contentsOfFile: directory + "/growth.svg", encoding: .utf8).hasPrefix("<svg "))
        // GROWTH_REPORTS: the named reports only; none, the import alone.
        let some = directory + "/some.tsv", none = directory + "/none.tsv"
        _ = try script("growth.sh", [some, Self.rounds], environment: ["DATA_ROOT": parent, "GROWTH_REPORTS": "money_loops"])
        _ = try script("growth.sh", [none, Self.rounds], environment: ["DATA_ROOT": parent, "GROWTH_REPORTS": "none", "GROWTH_FLOOR": "1"])
        let names = { (path: String) in
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { String($0.split(separator: "\t")[1]) }
        }
        #expect(try names(some) == ["sqlite3 .import", "aikb import", "report money_loops"])
        #expect(try names(none) == ["sqlite3 .import", "aikb import", "set-based floor"])
        // With the floor measured, the chart draws it and the table gives aikb's ratio to it.
        let withFloor = try run("/usr/bin/env", ["python3", Self.scripts + "/growth_chart.py", none, directory + "/none.svg"])
        #expect(withFloor.status == 0, "\(withFloor.stderr)")
        let row = withFloor.stdout.split(separator: "\n").first { $0.hasPrefix("| 2,000 |") } ?? ""
        #expect(withFloor.stdout.contains("| aikb / floor |") && row.split(separator: "×").count == 3, "\(withFloor.stdout)")
        #expect(try String(contentsOfFile: directory + "/none.svg", encoding: .utf8).contains("set-based floor"))
    }

    /// A size measured several times counts with its median time and its largest peak,
    /// and the growth per step is worked out from those.
    @Test func theGrowthChartTakesTheMedianOfRepeatedSizes() throws {
        let directory = temporaryDirectory()
        let tsv = directory + "/repeated.tsv"
        var lines: [String] = []
        for (rounds, aikb, plain, peak) in [(1000, 9.0, 1.0, 100), (2000, 30.0, 2.0, 300), (1000, 1.0, 3.0, 200),
                                             (2000, 8.0, 4.0, 100), (1000, 2.0, 2.0, 150), (2000, 4.0, 6.0, 100)] {
            lines.append("\(rounds)\tsqlite3 .import\t\(plain)\t50")
            lines.append("\(rounds)\taikb import\t\(aikb)\t\(peak * 1024)")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: tsv, atomically: true, encoding: .utf8)
        let chart = try run("/usr/bin/env", ["python3", Self.scripts + "/growth_chart.py", tsv, directory + "/repeated.svg"])
        #expect(chart.status == 0, "\(chart.stderr)")
        let rows = chart.stdout.split(separator: "\n")
        // Medians: aikb 2.0 and 8.0 s, sqlite3 2.0 and 4.0 s; peaks 200 and 300 MiB.
        #expect(rows.contains { $0.hasPrefix("| 1,000 | 3 | 2.0 s | 2.0 s | 1.00× |") && $0.contains("| 200.0 MiB |") }, "\(chart.stdout)")
        #expect(rows.contains { $0.hasPrefix("| 2,000 | 3 | 8.0 s | 4.0 s | 2.00× |") && $0.contains("| 300.0 MiB |") }, "\(chart.stdout)")
        #expect(rows.contains("aikb import: ×4.00 per step (2× the rows: ×4.00)"), "\(chart.stdout)")
        #expect(rows.contains("sqlite3 .import: ×2.00 per step (2× the rows: ×2.00)"), "\(chart.stdout)")
    }

    /// check_lists.py times each kind of CHECK; on a few rows only.
    @Test func theCheckListCostRuns() throws {
        let result = try run("/usr/bin/env", ["python3", Self.scripts + "/check_lists.py"], environment: ["ROWS": "500"])
        #expect(result.status == 0, "\(result.stderr)")
        let variants = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        #expect(variants == ["none", "in", "or", "in", "or", "none"], "\(result.stdout)")
    }

    @Test func theFloorTheImportAndTheHistoryCostRun() throws {
        let floor = try script("sql_floor.sh", [Self.data])
        #expect(floor.stdout.contains("sqlite3 .import: ") && floor.stdout.contains("set-based SQL floor: "), "\(floor.stdout)")
        #expect(floor.stdout.contains(" ms, peak ") && floor.stdout.hasSuffix(" KiB\n"), "\(floor.stdout)")
        let imported = try script("import_benchmark.sh", [Self.rounds, "1"])
        let importLines = imported.stdout + imported.stderr
        #expect(importLines.contains("aikb import") && importLines.contains("sqlite3 .import"), "\(importLines)")
        let history = try script("history_cost.sh", [Self.rounds, "1"])
        let historyLines = history.stdout + history.stderr
        #expect(historyLines.contains("with history") && historyLines.contains("without history"), "\(historyLines)")
    }

    /// aikb beside sqlite3 and sqlite-utils on the same files: each tool's line and both ratios.
    @Test func thePeersImportBenchmarkRuns() throws {
        let result = try script("peers_import.sh", [Self.rounds])
        for label in ["sqlite3 .import", "sqlite-utils insert --csv", "aikb import", "aikb / sqlite3 .import:", "sqlite-utils insert --csv / aikb:"] {
            #expect(result.stdout.contains(label), "\(label): \(result.stdout)")
        }
    }

    /// The report benchmark, on the seeded knowledge base (scale_kb.sql grows one to
    /// 1M companies, too big for a test; its SQL is checked to run on a copy below).
    @Test func theMoneyWebAndReportBenchmarkRuns() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        let result = try script("money_web_benchmark.sh", [path, aikbBinary, "1"])
        for label in ["refresh, nothing changed", "money_flows, sqlite3 -csv", "find corewave", "history companies NVIDIA", "report circular_financing"] {
            #expect(result.stdout.contains(label), "\(label)")
        }
    }

    /// The cost of small writes, on a copy of the seeded knowledge base: each write ran
    /// (the script stops at the first that fails) and the original is untouched.
    @Test func theWriteCostBenchmarkRuns() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        let before = try sqlite3(path, "SELECT count(*) FROM runs").stdout
        let result = try script("write_cost.sh", [path, aikbBinary])
        for label in ["nothing changed", "import of one new company", "company's notes", "import of one deal", "company's name", "undo of the one-company import"] {
            #expect(result.stdout.contains(label), "\(label): \(result.stdout)")
        }
        #expect(result.stdout.split(separator: "\n").count == 8, "\(result.stdout)")
        #expect(try sqlite3(path, "SELECT count(*) FROM runs").stdout == before)
    }

    /// The wrapper benchmark (its own package, with GRDB beside the raw C API).
    @Test func theWrapperBenchmarkBuildsAndRuns() throws {
        let scratch = Self.root + "/.build-bench-smoke"
        let build = try run(
            "/usr/bin/env", ["swift", "build", "--package-path", Self.root + "/Benchmarks", "--scratch-path", scratch])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        // The test suite runs beside it: no waiting for a quiet machine.
        let bench = try run(scratch + "/debug/aikb-bench", ["--rows", "1000", "--rounds", "1", "--busy-threshold", "1000"])
        #expect(bench.status == 0, "\(bench.stderr)")
        #expect(bench.stdout.contains("GRDB") && bench.stdout.contains("raw C"), "\(bench.stdout)")
    }
}
