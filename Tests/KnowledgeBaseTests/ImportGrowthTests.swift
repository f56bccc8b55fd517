import KnowledgeBase
import SQLite
import Testing

/// An import's work per row must not grow with the rows already there: a lookup that
/// reads a table instead of an index is invisible at a few hundred rows and takes the
/// 2M-round import from minutes to most of an hour. Work is counted in SQLite's
/// virtual-machine instructions, the same on every run and machine, never timed.
@Suite struct ImportGrowthTests {
    /// Thousands of instructions per row of importing `rows(n)` into a fresh fixture.
    func instructionsPerRow(
        _ n: Int, file name: String, bulk: Bool, createMissing: Bool = false, _ rows: (Int) -> String
    ) throws -> Double {
        let db = try fixtureDatabase()
        let path = temporaryDirectory() + "/" + name
        write(rows(n), to: path)
        var options = ImportOptions()
        options.createMissing = createMissing
        if bulk { options.bulkThreshold = 0 }
        let (result, thousands) = try db.countingInstructions { try importFiles(db, [path], options: options) }
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(result.files.first?.inserted == n)
        return Double(thousands) / Double(n)
    }

    /// Doubling the rows costs at most 30% more per row (linear work gives about 1.0;
    /// work that reads every row so far gives about 2).
    func expectLinear(_ small: Double, _ large: Double, _ what: String) {
        #expect(large / small < 1.3, "\(what): \(small) then \(large) thousand instructions per row")
    }

    /// Namesakes: an organization named like one imported before is a new company
    /// only after aikb checked the earlier one has a Crunchbase uuid of its own.
    @Test(arguments: [false, true])
    func crunchbaseNamesakesCostTheSamePerRow(bulk: Bool) throws {
        let organizations = { (n: Int) in
            "uuid,name,roles\n"
                + (0..<n).map { i in
                    "00000000-0000-4000-8000-\(String(100_000_000_000 + i).suffix(12)),Orbit \(i / 2),company\n"
                }.joined()
        }
        let small = try instructionsPerRow(1_500, file: "organizations.csv", bulk: bulk, organizations)
        let large = try instructionsPerRow(3_000, file: "organizations.csv", bulk: bulk, organizations)
        expectLinear(small, large, "namesakes")
    }

    /// Rounds without a round_id are matched by company, type and date against the
    /// rounds that have one.
    @Test(arguments: [false, true])
    func roundsWithoutAnIDCostTheSamePerRow(bulk: Bool) throws {
        let rounds = { (n: Int) in
            "company,round_type,announced_on,amount_usd,source_id\n"
                + (0..<n).map { i in
                    let day = 1 + i % 28
                    return "Growth Co \(i),seed,2024-01-\(day < 10 ? "0" : "")\(day),1M,T1\n"
                }.joined()
        }
        let small = try instructionsPerRow(1_500, file: "rounds.csv", bulk: bulk, createMissing: true, rounds)
        let large = try instructionsPerRow(3_000, file: "rounds.csv", bulk: bulk, createMissing: true, rounds)
        expectLinear(small, large, "rounds without an id")
    }

    /// Rounds with a round_id look for an id-less round of their natural key to take
    /// the id (adoption); half the rows here have none, so the id-less rounds grow
    /// with the file.
    @Test(arguments: [false, true])
    func roundsTakingAnIDCostTheSamePerRow(bulk: Bool) throws {
        let rounds = { (n: Int) in
            "round_id,company,round_type,announced_on,amount_usd,source_id\n"
                + (0..<n).map { i in
                    let day = 1 + i % 28
                    return "\(i % 2 == 0 ? "" : "growth-\(i)"),Growth Co \(i),seed,2024-01-\(day < 10 ? "0" : "")\(day),1M,T1\n"
                }.joined()
        }
        let small = try instructionsPerRow(1_500, file: "rounds.csv", bulk: bulk, createMissing: true, rounds)
        let large = try instructionsPerRow(3_000, file: "rounds.csv", bulk: bulk, createMissing: true, rounds)
        expectLinear(small, large, "rounds taking an id")
    }
}
