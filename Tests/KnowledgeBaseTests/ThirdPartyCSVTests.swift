import CSV
import KnowledgeBase
import SQLite
import Testing

/// Files as other programs write them: semicolons and tabs, Latin-1 and UTF-16,
/// and any CSV as a table with its column types.
@Suite struct ThirdPartyCSVTests {
    @Test func semicolonAndTabFilesImportLikeCommaFiles() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write("name;kind;notes\r\nAcme Semicolon;startup;\"a; b\"\r\n", to: directory + "/semicolons.csv")
        write("name\tkind\nAcme Tab\tstartup\n", to: directory + "/tabs.csv")
        let result = try importFiles(db, [directory + "/semicolons.csv", directory + "/tabs.csv"])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(result.files.map(\.kind) == ["companies", "companies"])
        #expect(try db.firstValue("SELECT notes FROM companies WHERE name = 'Acme Semicolon'") == .text("a; b"))
        #expect(try db.firstValue("SELECT kind FROM companies WHERE name = 'Acme Tab'") == .text("startup"))
    }

    @Test func latin1FilesNeedTheirEncodingNamed() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        let bytes: [UInt8] = Array("name,country_code\n".utf8) + [0x53, 0xE9, 0x76, 0x69, 0x6C, 0x6C, 0x61, 0x20, 0x41, 0x49] + Array(",ESP\n".utf8)
        writeBytes(bytes, to: directory + "/latin1.csv")
        let plain = try importFiles(db, [directory + "/latin1.csv"])
        #expect(plain.problems.map(\.message) == [
            "invalid UTF-8 (byte 0xE9 at byte 2 of the field); save the file as UTF-8 or name its encoding (--encoding latin-1, windows-1252, utf-16)",
        ])
        var options = ImportOptions()
        options.csv.encoding = .latin1
        #expect(try importFiles(db, [directory + "/latin1.csv"], options: options).problemCount == 0)
        #expect(try db.firstValue("SELECT country_code FROM companies WHERE name = 'Sévilla AI'") == .text("ESP"))
    }

    @Test func aFileThatFitsNoKindIsToldAboutTables() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write("Region;Revenue;Share\nEMEA;1200;0.5\n", to: directory + "/export.csv")
        let result = try importFiles(db, [directory + "/export.csv"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.message.hasSuffix("or load the file as a table of its own with --table NAME") == true)
    }

    @Test func tablesGetTheTypesOfTheirValues() throws {
        let db = try fixtureDatabase()
        let directory = temporaryDirectory()
        write(
            "id;score;zip;note;empty;big\r\n1;1.5;02134;x;;12345678901234567890\r\n2;2;10001;;;1\r\n-3;9.90E+22;;\"\";;2\r\n",
            to: directory + "/data.csv")
        var loader = TableImport(db: db, table: "data", mode: .create)
        let result = try loader.run(path: directory + "/data.csv")
        #expect(result.committed, "\(result.problems)")
        #expect(result.notices.map(\.message) == ["INTEGER columns: id", "REAL columns: score, big"])
        #expect(try db.allRows("SELECT name, type FROM pragma_table_info('data') ORDER BY cid") == [
            [.text("id"), .text("INTEGER")], [.text("score"), .text("REAL")], [.text("zip"), .text("TEXT")],
            [.text("note"), .text("TEXT")], [.text("empty"), .text("TEXT")], [.text("big"), .text("REAL")],
        ])
        #expect(try db.allRows("SELECT id, score, zip, note, typeof(big) FROM data ORDER BY rowid") == [
            [.integer(1), .real(1.5), .text("02134"), .text("x"), .text("real")],
            [.integer(2), .real(2), .text("10001"), .null, .text("real")],
            [.integer(-3), .real(9.9e22), .null, .text(""), .text("real")],
        ])
        // --no-detect-types: TEXT as before; --append keeps the table's types.
        loader = TableImport(db: db, table: "data_text", mode: .create)
        loader.detectTypes = false
        #expect(try loader.run(path: directory + "/data.csv").committed)
        #expect(try db.strings("SELECT DISTINCT type FROM pragma_table_info('data_text')") == ["TEXT"])
        #expect(try TableImport(db: db, table: "data", mode: .append).run(path: directory + "/data.csv").committed)
        #expect(try db.firstValue("SELECT count(*) FROM data WHERE typeof(id) = 'integer'") == .integer(6))
        // A dry run leaves neither the table nor its scratch copy.
        loader = TableImport(db: db, table: "data_dry", mode: .create)
        loader.dryRun = true
        #expect(!(try loader.run(path: directory + "/data.csv").committed))
        #expect(try !db.objectExists("data_dry"))
    }
}
