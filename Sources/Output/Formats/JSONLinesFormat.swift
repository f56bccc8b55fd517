/// JSON Lines: one object per row and line, nothing around them.
final class JSONLinesFormat: RowFormat {
    private let output: OutputStream
    private var object = JSONObject(columns: [])
    private var line: [UInt8] = []

    init(output: OutputStream) { self.output = output }

    func begin(columns: [OutputColumn]) {
        object = JSONObject(columns: columns)
    }

    func write(_ row: OutputRow) {
        line.removeAll(keepingCapacity: true)
        object.append(row, to: &line)
        line.append(0x0A)
        output.write(line)
    }

    func end() {}
}
