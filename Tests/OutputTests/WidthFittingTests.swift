import Output
import SQLite
import Testing

/// table and box never print a line wider than the width: text columns are cut first,
/// then the columns that do not fit are left out and named, and when fewer than two
/// would fit the result is printed as lines.
@Suite struct WidthFittingTests {
    let columns = [
        OutputColumn(name: "company"), OutputColumn(name: "description"), OutputColumn(name: "amount_usd", unit: .usd),
        OutputColumn(name: "facts"), OutputColumn(name: "notes"), OutputColumn(name: "drill_down"),
    ]
    let rows: [[Value]] = [
        [.text("NVIDIA"), .text("Designs GPUs and the software that runs on them"), .integer(130_100_000_000),
         .text("nvidia_equity x [S1]"), .text("none"), .text("nvidia_rounds")],
        [.text("CoreWeave"), .text("Rents out GPU clusters"), .integer(2_350_000_000),
         .text("nvidia_equity y [S2]"), .null, .text("nvidia_rounds")],
    ]

    func first(_ count: Int) -> ([OutputColumn], [[Value]]) {
        (Array(columns.prefix(count)), rows.map { Array($0.prefix(count)) })
    }

    @Test func wideTextColumnsAreCutFirstAndNumbersKept() throws {
        let (columns, rows) = first(3)
        let out = try printed(.table, columns, rows, options: OutputOptions(width: 40))
        #expect(
            out == """
                company    description        amount_usd
                ─────────  ─────────────────  ──────────
                NVIDIA     Designs GPUs and…     $130.1B
                CoreWeave  Rents out GPU cl…      $2.35B

                """)
        #expect(lineWidths(out).allSatisfy { $0 <= 40 })
    }

    @Test func aWidthWithRoomChangesNothing() throws {
        let (columns, rows) = first(3)
        #expect(try printed(.table, columns, rows, options: OutputOptions(width: 200)) == (try printed(.table, columns, rows)))
    }

    @Test func columnsThatDoNotFitAreLeftOutAndNamedInAFooter() throws {
        let out = try printed(.table, columns, rows, options: OutputOptions(width: 30))
        #expect(
            out == """
                company   descrip…  amount_usd
                ────────  ────────  ──────────
                NVIDIA    Designs…     $130.1B
                CoreWea…  Rents o…      $2.35B
                (3 columns not shown: facts,
                notes, drill_down; use
                --columns or --format line)

                """)
        #expect(lineWidths(out).allSatisfy { $0 <= 30 })
    }

    @Test func boxFitsByTheSameRule() throws {
        let out = try printed(.box, columns, rows, options: OutputOptions(width: 30))
        #expect(
            out == """
                ┌───────────┬────────────────┐
                │ company   │ description    │
                ├───────────┼────────────────┤
                │ NVIDIA    │ Designs GPUs … │
                │ CoreWeave │ Rents out GPU… │
                └───────────┴────────────────┘
                (4 columns not shown:
                amount_usd, facts, notes,
                drill_down; use --columns or
                --format line)

                """)
        #expect(lineWidths(out).allSatisfy { $0 <= 30 })
    }

    @Test func fewerThanTwoColumnsFittingPrintsLines() throws {
        let out = try printed(.table, columns, rows, options: OutputOptions(width: 15))
        #expect(
            out.hasPrefix("""
                    company = NVIDIA
                description = Designs GPUs and the software that runs on them
                 amount_usd = $130.1B

                """))
        #expect(out.contains("\n\n    company = CoreWeave\n"))
        #expect(out.contains("      notes =\n"))
        #expect(try printed(.box, columns, rows, options: OutputOptions(width: 15)) == out)
    }

    @Test func numberColumnsAreNeverCutButLeftOut() throws {
        let out = try printed(
            .table, columns: ["a", "b", "c"], [[.integer(1_234_567_890), .integer(2_345_678_901), .integer(3_456_789_012)]],
            options: OutputOptions(width: 25))
        #expect(
            out == """
                         a           b
                ──────────  ──────────
                1234567890  2345678901
                (1 column not shown: c;
                use --columns or --format
                line)

                """)
    }

    @Test func aLoneColumnIsCutToTheWidth() throws {
        let out = try printed(.table, [columns[1]], [[rows[0][1]]], options: OutputOptions(width: 10))
        #expect(out == "descripti…\n──────────\nDesigns G…\n")
        let boxed = try printed(.box, [columns[1]], [[rows[0][1]]], options: OutputOptions(width: 10))
        #expect(boxed == "┌────────┐\n│ descr… │\n├────────┤\n│ Desig… │\n└────────┘\n")
    }

    /// What does not fit is decided on the sample; later rows follow the same layout.
    @Test func statementsFitTheSameWay() throws {
        let out = try printed(
            .table, sql: "SELECT 'NVIDIA' AS company, 'Designs GPUs and the software that runs on them' AS description, 7 AS n",
            options: OutputOptions(width: 24))
        #expect(out == "company  description   n\n───────  ────────────  ─\nNVIDIA   Designs GPU…  7\n")
    }
}
