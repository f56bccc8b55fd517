/// One field per line, `name = value`, like `sqlite3 .mode line`: names right-aligned
/// to the longest, a blank line between rows. Values are never cut; the lines of a
/// multi-line value are indented under its first line; an empty value leaves no
/// trailing space (`note =`). Also what table and box print when fewer than two columns
/// fit the width.
final class LineFormat: RowFormat {
    private let output: OutputStream
    private let display: DisplayText
    private var columns: [OutputColumn] = []
    private var names: [String] = []
    private var indent = ""
    private var rows = 0

    init(output: OutputStream, nullText: String) {
        self.output = output
        display = DisplayText(nullText: nullText)
    }

    func begin(columns: [OutputColumn]) {
        self.columns = columns
        let width = columns.map { TextWidth.of($0.name) }.max() ?? 0
        names = columns.map { TextWidth.pad($0.name, to: width, right: true) + " =" }
        indent = String(repeating: " ", count: width + 3)
        rows = 0
    }

    func write(_ row: OutputRow) {
        var text = rows > 0 ? "\n" : ""
        for index in 0..<row.count {
            let value = display.text(row.value(at: index), unit: columns[index].unit)
            let lines = value.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            text += value.isEmpty ? names[index] + "\n" : names[index] + " " + lines.joined(separator: "\n" + indent) + "\n"
        }
        output.write(text)
        rows += 1
    }

    func end() {}
}
