import Output
import SQLite
import Testing

/// table, box, line and markdown: aligned, fitted, with units and the chosen NULL text.
@Suite struct PeopleFormatTests {
    let money = [
        OutputColumn(name: "company"), OutputColumn(name: "amount_usd", unit: .usd), OutputColumn(name: "share", unit: .share),
    ]
    let rows: [[Value]] = [
        [.text("NVIDIA"), .integer(130_100_000_000), .real(0.4)],
        [.text("CoreWeave"), .integer(675_000_000), .null],
        [.text("Lambda"), .null, .real(0.125)],
    ]

    @Test func tableAlignsNumbersRightTextLeftAndShowsUnits() throws {
        let out = try printed(.table, money, rows)
        #expect(
            out == """
                company    amount_usd  share
                ─────────  ──────────  ─────
                NVIDIA        $130.1B    40%
                CoreWeave       $675M
                Lambda                 12.5%

                """)
    }

    @Test func boxDrawsTheSameTableWithBoxDrawingCharacters() throws {
        let out = try printed(.box, money, rows, options: OutputOptions(nullText: "NULL"))
        #expect(
            out == """
                ┌───────────┬────────────┬───────┐
                │ company   │ amount_usd │ share │
                ├───────────┼────────────┼───────┤
                │ NVIDIA    │    $130.1B │   40% │
                │ CoreWeave │      $675M │  NULL │
                │ Lambda    │       NULL │ 12.5% │
                └───────────┴────────────┴───────┘

                """)
    }

    @Test func rawPrintsTheStoredNumbersInEveryFormat() throws {
        let out = try printed(.table, money, rows, options: OutputOptions(raw: true))
        #expect(out.contains("130100000000"))
        #expect(out.contains("0.125"))
        #expect(!out.contains("$"))
        #expect(try printed(.line, money, [rows[0]], options: OutputOptions(raw: true)).contains("amount_usd = 130100000000"))
        #expect(try printed(.markdown, money, [rows[0]], options: OutputOptions(raw: true)).contains("| 130100000000 | 0.4 |"))
    }

    @Test func nullShowsEmptyByDefaultAndAsChosenInTableBoxAndLine() throws {
        let columns = ["a", "b"]
        let values: [[Value]] = [[.null, .text("x")]]
        #expect(try printed(.table, columns: columns, values) == "a  b\n─  ─\n   x\n")
        #expect(try printed(.table, columns: columns, values, options: OutputOptions(nullText: "NULL")) == "a     b\n────  ─\nNULL  x\n")
        #expect(try printed(.line, columns: columns, values) == "a =\nb = x\n")
        #expect(try printed(.line, columns: columns, values, options: OutputOptions(nullText: "∅")) == "a = ∅\nb = x\n")
        // markdown keeps NULL whatever --null says; the empty string is an empty cell.
        #expect(
            try printed(.markdown, columns: ["a", "b"], [[.null, .text("")]], options: OutputOptions(nullText: "-"))
                == "| a | b |\n| --- | --- |\n| NULL |  |\n")
    }

    @Test func markdownEscapesPipesAndLineBreaksAndShowsUnits() throws {
        let out = try printed(
            .markdown, [OutputColumn(name: "a|b"), OutputColumn(name: "amount", unit: .usd)],
            [[.text("x | y\nz\r\nw"), .real(1.5e9)]])
        #expect(out == "| a\\|b | amount |\n| --- | --- |\n| x \\| y<br>z<br>w | $1.5B |\n")
    }

    @Test func tableCutsCellsAtTheMaximumWidthAndShowsLineBreaksAsArrows() throws {
        let out = try printed(
            .table, columns: ["note", "n"], [[.text("abcdefghijklmnop"), .integer(5)], [.text("one\ntwo\tthree"), .integer(12)]],
            options: OutputOptions(maximumCellWidth: 10))
        #expect(
            out == """
                note         n
                ──────────  ──
                abcdefghi…   5
                one↵two t…  12

                """)
    }

    /// CJK characters take two cells: the columns still line up, and a cut never splits one.
    @Test func wideEastAsianCharactersTakeTwoCells() throws {
        let out = try printed(.table, columns: ["名前", "x"], [[.text("日本語"), .integer(1)], [.text("ab"), .integer(22)]])
        #expect(
            out == """
                名前     x
                ──────  ──
                日本語   1
                ab      22

                """)
        let cut = try printed(.table, columns: ["t"], [[.text("日本語テキスト")]], options: OutputOptions(maximumCellWidth: 6))
        #expect(cut == "t\n──────\n日本…\n")
        #expect(lineWidths(out) == [10, 10, 10, 10])
    }

    @Test func lineFormatRightAlignsNamesSeparatesRowsAndNeverCuts() throws {
        let long = String(repeating: "x", count: 200)
        let out = try printed(
            .line, [OutputColumn(name: "company"), OutputColumn(name: "amount_usd", unit: .usd), OutputColumn(name: "note")],
            [[.text("NVIDIA"), .integer(2_000_000_000), .text(long)], [.text("Lambda"), .integer(-2_400_000_000), .text("one\ntwo")]],
            options: OutputOptions(width: 40))
        #expect(
            out == """
                   company = NVIDIA
                amount_usd = $2B
                      note = \(long)

                   company = Lambda
                amount_usd = -$2.4B
                      note = one
                             two

                """)
    }

    @Test func anEmptyResultPrintsItsHeader() throws {
        #expect(try printed(.table, columns: ["a", "bb"], []) == "a  bb\n─  ──\n")
        #expect(try printed(.box, columns: ["a"], []) == "┌───┐\n│ a │\n├───┤\n└───┘\n")
        #expect(try printed(.line, columns: ["a"], []) == "")
        #expect(try printed(.markdown, columns: ["a"], []) == "| a |\n| --- |\n")
    }

    /// Rows after the sample stream at the sample's widths: a wider later cell is cut.
    @Test func rowsAfterTheSampleStreamAtItsWidths() throws {
        let sql = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
            SELECT i, CASE WHEN i > 500 THEN 'a much longer text' ELSE 'short' END AS t FROM n
            """
        let out = try printed(.table, sql: sql)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 602)
        #expect(lines[0] == "  i  t")
        #expect(lines[2] == "  1  short")
        #expect(lines[601] == "600  a mu…")
    }
}
