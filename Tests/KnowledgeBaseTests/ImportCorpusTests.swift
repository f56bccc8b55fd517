import KnowledgeBase
import SQLite
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The malformed files of Corpus/: each `bad-*.csv` must produce exactly the
/// problems in its `.expected` file, and leave the database unchanged.
@Suite struct ImportCorpusTests {
    static let cases: [String] = {
        guard let directory = opendir(corpus) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix("bad-") && name.hasSuffix(".csv") { names.append(String(name.dropLast(4))) }
        }
        return names.sorted()
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.cases.count >= 12)
    }

    /// Also as a bulk import, which leaves the foreign-key checks to the importers:
    /// the same problems must be found either way.
    @Test(arguments: cases, [false, true])
    func malformedFileReportsExactlyAndWritesNothing(_ name: String, bulk: Bool) throws {
        let db = try fixtureDatabase()
        let before = try fingerprint(db)
        var options = ImportOptions()
        if bulk { options.bulkThreshold = 0 }
        let result = try importFiles(db, [corpus + "/" + name + ".csv"], options: options)
        let expected = readFile(corpus + "/" + name + ".expected")!.split(separator: "\n").map(String.init)
        #expect(lines(result.problems) == expected)
        #expect(result.problemCount == expected.count)
        #expect(!result.committed)
        #expect(try fingerprint(db) == before)
    }

    @Test func aFailingFileAmongSeveralWritesNothing() throws {
        let db = try fixtureDatabase()
        let before = try fingerprint(db)
        let directory = temporaryDirectory()
        write("name,kind\nAnthropic,startup\nMistral AI,startup\n", to: directory + "/companies.csv")
        write("company,round_type,announced_on,amount,source_id\nAnthropic,series_g,2026-02-12,$30B,T1\n", to: directory + "/rounds.csv")
        let result = try importFiles(db, [directory + "/companies.csv", directory + "/rounds.csv", corpus + "/bad-names.csv"])
        // Anthropic is created by the first file, so bad-names.csv has one problem fewer.
        #expect(result.problemCount == 3)
        #expect(result.files.map(\.inserted) == [2, 1, 0])
        #expect(try fingerprint(db) == before)
        #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name = 'Anthropic'") == .integer(0))
    }
}
