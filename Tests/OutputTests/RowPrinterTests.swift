import Output
import SQLite
import Testing

/// The front: --columns picks and orders columns in every format, and names the closest
/// ones when it names a column the result lacks.
@Suite struct RowPrinterTests {
    let names = ["company", "amount_usd", "year"]
    let values: [[Value]] = [[.text("NVIDIA"), .integer(2_000_000_000), .integer(2025)]]

    @Test(arguments: OutputFormat.allCases)
    func columnsPickAndOrderInEveryFormat(format: OutputFormat) throws {
        let picked = try printed(format, columns: names, values, options: OutputOptions(columns: ["year", "company"]))
        let direct = try printed(format, columns: ["year", "company"], [[.integer(2025), .text("NVIDIA")]])
        #expect(picked == direct)
        #expect(!picked.contains("2000000000"))
    }

    @Test func columnsApplyToStatementsByResultColumnNameIgnoringCase() throws {
        let out = try printed(
            .csv, sql: "SELECT 'NVIDIA' AS company, 2000000000 AS amount_usd, 2025 AS year",
            options: OutputOptions(columns: ["Amount_USD", "company", "amount_usd"]))
        #expect(out == "amount_usd,company,amount_usd\n2000000000,NVIDIA,2000000000\n")
    }

    @Test func columnsKeepTheirUnits() throws {
        let columns = [OutputColumn(name: "company"), OutputColumn(name: "amount_usd", unit: .usd)]
        let out = try printed(.line, columns, [[.text("NVIDIA"), .integer(2_000_000_000)]], options: OutputOptions(columns: ["amount_usd"]))
        #expect(out == "amount_usd = $2B\n")
    }

    @Test func anUnknownColumnNamesTheClosestOnes() throws {
        let error = #expect(throws: OutputError.self) {
            try printed(.csv, columns: names, values, options: OutputOptions(columns: ["company", "amount"]))
        }
        #expect(error?.message == "--columns: the result has no column \"amount\"; did you mean amount_usd?")
        let far = #expect(throws: OutputError.self) {
            try printed(.table, columns: names, values, options: OutputOptions(columns: ["zzz"]))
        }
        #expect(far?.message == "--columns: the result has no column \"zzz\"; its columns are company, amount_usd, year")
    }

    @Test func checkThrowsWhatBeginWouldAndPrintsNothing() throws {
        let out = try capture { stream in
            let printer = RowPrinter(format: .csv, output: stream, options: OutputOptions(columns: ["yeer"]))
            #expect(throws: OutputError("--columns: the result has no column \"yeer\"; did you mean year?")) {
                try printer.check(columns: names)
            }
            try RowPrinter(format: .csv, output: stream, options: OutputOptions(columns: ["year"])).check(columns: names)
        }
        #expect(out == "")
    }

    /// One printer prints one result set after another.
    @Test func aPrinterPrintsSeveralResultSets() throws {
        let out = try capture { stream in
            let printer = RowPrinter(format: .json, output: stream)
            for value in [1, 2] as [Int64] {
                try printer.begin(columns: ["n"])
                printer.write([.integer(value)])
                printer.end()
            }
        }
        #expect(out == "[\n{\"n\":1}\n]\n[\n{\"n\":2}\n]\n")
    }

    @Test func theDefaultFormatIsTableOnATerminalAndCSVOtherwise() {
        #expect(OutputFormat.defaultFor(terminal: true) == .table)
        #expect(OutputFormat.defaultFor(terminal: false) == .csv)
        #expect(OutputFormat(rawValue: "line") == .line)
        #expect(OutputFormat(rawValue: "box") == .box)
    }
}
