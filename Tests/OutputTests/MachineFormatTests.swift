import CSV
import Output
import SQLite
import Testing

/// csv, tsv, json and jsonl: exact, raw values, NULL and "" apart, the same from a
/// statement (read in place) as from values.
@Suite struct MachineFormatTests {
    @Test func csvQuotesOnlyWhatMustBeQuotedAndKeepsNullApartFromEmpty() throws {
        let out = try printed(
            .csv, columns: ["a", "b,c", "d"],
            [
                [.null, .text(""), .text("plain")],
                [.text("x, y"), .text("say \"hi\""), .text("two\nlines")],
                [.integer(-7), .real(1.5e9), .blob([0x0A, 0xFF])],
            ])
        #expect(
            out == """
                a,"b,c",d
                ,"",plain
                "x, y","say ""hi""\","two
                lines"
                -7,1500000000.0,X'0AFF'

                """)
    }

    /// What aikb writes, its own CSV reader reads back: text exactly, NULL as an
    /// unquoted empty field, "" as a quoted one.
    @Test func csvRoundTripsThroughTheReader() throws {
        let texts: [Value] = [.null, .text(""), .text("a,b"), .text("\"quoted\""), .text("line\r\nbreak"), .text("é 中文"), .text(" padded ")]
        let out = try printed(.csv, columns: texts.indices.map { "c\($0)" }, [texts])
        let reader = CSVReader(text: out, name: "out.csv")
        #expect(try reader.nextRecord())  // the header
        #expect(try reader.nextRecord())
        let back: [Value] = (0..<reader.fieldCount).map { index in
            reader.strings[index].isEmpty && !reader.isQuoted(index) ? .null : .text(reader.strings[index])
        }
        #expect(back == texts)
        #expect(reader.problems.isEmpty)
    }

    @Test func tsvEscapesTabsLineBreaksAndBackslashesAndWritesNullAsBackslashN() throws {
        let out = try printed(
            .tsv, columns: ["a\tb", "c"],
            [[.text("x\ty\nz\r\\"), .null], [.text(""), .real(0.1)]])
        #expect(out == "a\\tb\tc\nx\\ty\\nz\\r\\\\\t\\N\n\t0.1\n")
    }

    @Test func jsonEscapesQuotesBackslashesAndControlCharactersAndKeepsNonASCII() throws {
        let out = try printed(
            .json, columns: ["q\"", "v"],
            [
                [.text("say \"hi\" \\ back"), .text("tab\there\nnew\u{01}\u{7F}")],
                [.text("Müller 中文 🚀"), .null],
            ])
        #expect(
            out == """
                [
                {"q\\"":"say \\"hi\\" \\\\ back","v":"tab\\there\\nnew\\u0001\\u007f"},
                {"q\\"":"Müller 中文 🚀","v":null}
                ]

                """)
    }

    @Test func jsonNumbersAreNumbersRealsNeverExponentsAndAnEmptyResultIsAnEmptyArray() throws {
        let out = try printed(
            .json, columns: ["i", "r", "tiny", "inf", "blob"],
            [[.integer(Int64.min), .real(1.5e9), .real(1e-7), .real(.infinity), .blob([1, 2])]])
        #expect(out == "[\n{\"i\":-9223372036854775808,\"r\":1500000000.0,\"tiny\":0.0000001,\"inf\":null,\"blob\":\"X'0102'\"}\n]\n")
        #expect(try printed(.json, columns: ["a"], []) == "[]\n")
    }

    @Test func jsonLinesIsOneObjectPerLine() throws {
        let out = try printed(.jsonl, columns: ["a", "b"], [[.integer(1), .text("x")], [.null, .text("")]])
        #expect(out == "{\"a\":1,\"b\":\"x\"}\n{\"a\":null,\"b\":\"\"}\n")
        #expect(try printed(.jsonl, columns: ["a"], []) == "")
    }

    /// A statement's rows, read in place, print exactly as the same values do.
    @Test(arguments: [OutputFormat.csv, .tsv, .json, .jsonl])
    func statementRowsPrintLikeValues(format: OutputFormat) throws {
        let sql = "SELECT NULL AS n, '' AS e, 'a,\"b\"' AS t, 1500000000.0 AS r, -42 AS i, x'00ff' AS b, 'é\t中' AS u"
        let values: [Value] = [.null, .text(""), .text("a,\"b\""), .real(1.5e9), .integer(-42), .blob([0, 255]), .text("é\t中")]
        let fromStatement = try printed(format, sql: sql)
        let fromValues = try printed(format, columns: ["n", "e", "t", "r", "i", "b", "u"], [values])
        #expect(fromStatement == fromValues)
        #expect(!fromStatement.contains("e+"))
    }

    /// Units are for people: csv, tsv, json and jsonl print the stored numbers.
    @Test(arguments: [OutputFormat.csv, .tsv, .json, .jsonl])
    func machineFormatsIgnoreUnits(format: OutputFormat) throws {
        let columns = [OutputColumn(name: "amount", unit: .usd), OutputColumn(name: "share", unit: .share)]
        let withUnits = try printed(format, columns, [[.integer(1_500_000_000), .real(0.4)]])
        let without = try printed(format, columns: ["amount", "share"], [[.integer(1_500_000_000), .real(0.4)]])
        #expect(withUnits == without)
        #expect(withUnits.contains("1500000000") && withUnits.contains("0.4"))
    }

    /// Many rows stream through the 64 KiB buffer without loss.
    @Test func aLargeExportArrivesWhole() throws {
        let out = try printed(.csv, sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) SELECT i, i * 1.5 AS r FROM n")
        let lines = out.split(separator: "\n")
        #expect(lines.count == 20001)
        #expect(lines.last == "20000,30000.0")
    }
}
