import Output
import SQLite

/// Streams every row of a statement into a printer. `units` gives the unit of
/// result columns by name (from the report catalog), for the formats people read.
func printRows(of statement: Statement, with printer: RowPrinter, units: [String: String] = [:]) throws {
    try printer.begin(
        columns: statement.columnNames.map { OutputColumn(name: $0, unit: units[$0].flatMap(ColumnUnit.init(rawValue:))) })
    do {
        try statement.forEachRow { printer.write($0) }
    } catch {
        printer.end()
        throw error
    }
    printer.end()
}
