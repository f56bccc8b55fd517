/// Tab-separated values as PostgreSQL's COPY and most tools read them: tab, newline,
/// carriage return and backslash escaped as `\t`, `\n`, `\r`, `\\`; NULL as `\N`, so
/// that it stays apart from the empty string.
final class TSVFormat: RowFormat {
    private let output: OutputStream
    private var line: [UInt8] = []

    init(output: OutputStream) { self.output = output }

    func begin(columns: [OutputColumn]) {
        write(OutputRow(texts: columns.map(\.name)))
    }

    func write(_ row: OutputRow) {
        line.removeAll(keepingCapacity: true)
        for index in 0..<row.count {
            if index > 0 { line.append(0x09) }
            switch row.storageClass(at: index) {
            case .null:
                line.append(UInt8(ascii: "\\"))
                line.append(UInt8(ascii: "N"))
            case .integer: NumberText.appendInteger(row.int64(at: index), to: &line)
            case .real: NumberText.appendReal(row.double(at: index), to: &line)
            case .text: row.withUTF8(at: index) { Self.appendEscaped($0, to: &line) }
            case .blob: BlobText.append(row.bytes(at: index), to: &line)
            }
        }
        line.append(0x0A)
        output.write(line)
    }

    func end() {}

    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for byte in text {
            let escape: UInt8? =
                switch byte {
                case 0x09: UInt8(ascii: "t")
                case 0x0A: UInt8(ascii: "n")
                case 0x0D: UInt8(ascii: "r")
                case UInt8(ascii: "\\"): UInt8(ascii: "\\")
                default: nil
                }
            if let escape {
                out.append(UInt8(ascii: "\\"))
                out.append(escape)
            } else {
                out.append(byte)
            }
        }
    }
}
