/// One JSON array of objects, one object per line, like `sqlite3 -json`:
/// `[`, then `{...}` rows separated by `,` and newlines, then `]`. An empty result is `[]`.
final class JSONFormat: RowFormat {
    private let output: OutputStream
    private var object = JSONObject(columns: [])
    private var line: [UInt8] = []
    private var rows = 0

    init(output: OutputStream) { self.output = output }

    func begin(columns: [OutputColumn]) {
        object = JSONObject(columns: columns)
        rows = 0
        output.write("[")
    }

    func write(_ row: OutputRow) {
        line.removeAll(keepingCapacity: true)
        if rows > 0 { line.append(UInt8(ascii: ",")) }
        line.append(0x0A)
        object.append(row, to: &line)
        output.write(line)
        rows += 1
    }

    func end() {
        output.write(rows == 0 ? "]\n" : "\n]\n")
    }
}
