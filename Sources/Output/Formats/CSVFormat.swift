import CSV

/// RFC 4180, through `CSVWriter`: NULL as nothing, the empty string as `""`, so that
/// aikb imports back exactly what it wrote. Integers are written digit by digit into
/// the line, with no String per number.
final class CSVFormat: RowFormat {
    private let output: OutputStream
    private var line: [UInt8] = []

    init(output: OutputStream) { self.output = output }

    func begin(columns: [OutputColumn]) {
        write(OutputRow(texts: columns.map(\.name)))
    }

    /// The one place a CSV record is written: the header and every row.
    func write(_ row: OutputRow) {
        line.removeAll(keepingCapacity: true)
        for index in 0..<row.count {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            switch row.storageClass(at: index) {
            case .null: break
            case .integer: NumberText.appendInteger(row.int64(at: index), to: &line)
            case .real: NumberText.appendReal(row.double(at: index), to: &line)
            case .text: row.withUTF8(at: index) { CSVWriter.appendField($0, to: &line) }
            case .blob: BlobText.append(row.bytes(at: index), to: &line)  // X'..' needs no quotes
            }
        }
        line.append(0x0A)
        output.write(line)
    }

    func end() {}
}
