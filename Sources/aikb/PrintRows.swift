import Output
import SQLite

/// Streams every row of a statement into a printer.
func printRows(of statement: Statement, with printer: RowPrinter) throws {
    try printer.begin(columns: statement.columnNames)
    do {
        try statement.forEachRow { printer.write($0) }
    } catch {
        printer.end()
        throw error
    }
    printer.end()
}
