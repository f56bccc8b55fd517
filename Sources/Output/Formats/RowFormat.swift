/// One output format: told the columns once, handed the rows one by one, then ended.
/// Every format writes each row as it comes, in constant memory, except the width-sized
/// ones (table and box), which hold at most a sample first (`TableFormat.sampleSize`).
/// `RowPrinter` picks the format and applies the column selection and `--raw` before
/// a format sees anything.
protocol RowFormat: AnyObject {
    func begin(columns: [OutputColumn])
    func write(_ row: OutputRow)
    func end()
}
