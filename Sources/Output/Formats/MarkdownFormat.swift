/// A GitHub-flavoured Markdown table, streamed (so no column widths): `|` escaped as
/// `\|`, line breaks as `<br>`; NULL as `NULL` (the empty string is an empty cell);
/// numbers in their column's unit.
final class MarkdownFormat: RowFormat {
    private let output: OutputStream
    private let display = DisplayText(nullText: "NULL")
    private var units: [ColumnUnit?] = []

    init(output: OutputStream) { self.output = output }

    func begin(columns: [OutputColumn]) {
        units = columns.map(\.unit)
        write(OutputRow(texts: columns.map(\.name)))  // the header: text, so units leave it alone
        output.write("|" + String(repeating: " --- |", count: columns.count) + "\n")
    }

    func write(_ row: OutputRow) {
        var line = "|"
        for index in 0..<row.count {
            line += " " + Self.escaped(display.text(row.value(at: index), unit: units[index])) + " |"
        }
        output.write(line + "\n")
    }

    func end() {}

    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "|" || $0.isNewline }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case _ where character.isNewline: out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }
}
