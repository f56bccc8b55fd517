import SQLite

/// table and box: aligned columns, numbers on the right, fitted to a width by
/// `TableLayout` and drawn in a `TableFrame`. The first `sampleSize` rows are held to
/// size the columns; then they are printed and the rest stream at those widths (a later,
/// wider cell is cut). Line breaks in a cell show as `↵`, tabs as spaces.
final class TableFormat: RowFormat {
    /// Rows held to size the columns: enough that the widths suit a whole result in
    /// practice, few enough to hold little memory and to start printing at once.
    static let sampleSize = 500

    private enum State {
        case sampling([[Value]])
        case grid(TableLayout, numeric: [Bool])
        case lines(LineFormat)
    }

    private let output: OutputStream
    private let frame: TableFrame
    private let width: Int?
    private let maximumCellWidth: Int
    private let nullText: String
    private let display: DisplayText
    private var columns: [OutputColumn] = []
    private var state = State.sampling([])

    init(output: OutputStream, frame: TableFrame, options: OutputOptions) {
        self.output = output
        self.frame = frame
        width = options.width
        maximumCellWidth = max(options.maximumCellWidth, 1)
        nullText = options.nullText
        display = DisplayText(nullText: options.nullText)
    }

    func begin(columns: [OutputColumn]) {
        self.columns = columns
        state = .sampling([])
    }

    func write(_ row: OutputRow) {
        switch state {
        case .sampling(var sample):
            state = .sampling([])  // the state lets go, so the append below does not copy the sample
            sample.append(row.values)
            if sample.count >= Self.sampleSize { layOut(sample) } else { state = .sampling(sample) }
        case .grid(let layout, let numeric):
            writeRow(row.values, layout: layout, numeric: numeric)
        case .lines(let lines):
            lines.write(row)
        }
    }

    func end() {
        if case .sampling(let sample) = state { layOut(sample) }
        switch state {
        case .grid(let layout, _) where !layout.shown.isEmpty:
            if let bottom = frame.bottom { output.write(frame.line(bottom, widths: layout.widths) + "\n") }
            if !layout.hidden.isEmpty { writeFooter(hidden: layout.hidden) }
        case .lines(let lines):
            lines.end()
        case .grid, .sampling:
            break
        }
    }

    /// Sizes the columns on the sample, prints the header and the sample, and fixes the
    /// state for the rows still to come.
    private func layOut(_ sample: [[Value]]) {
        guard !columns.isEmpty else {
            state = .grid(TableLayout(shown: [], widths: [], hidden: []), numeric: [])
            return
        }
        let numeric = columns.indices.map { column in
            sample.contains { $0[column].isNumber } && sample.allSatisfy { $0[column].isNumber || $0[column].isNull }
        }
        let natural = columns.indices.map { column in
            sample.reduce(TextWidth.of(columns[column].name)) { widest, row in
                max(widest, min(TextWidth.of(cellText(row[column], column: column)), maximumCellWidth))
            }
        }
        switch TableLayout.fit(naturalWidths: natural, numeric: numeric, within: width, frame: frame) {
        case .lines:
            let lines = LineFormat(output: output, nullText: nullText)
            lines.begin(columns: columns)
            for values in sample { lines.write(OutputRow(values, selection: Array(columns.indices))) }
            state = .lines(lines)
        case .grid(let layout):
            if let top = frame.top { output.write(frame.line(top, widths: layout.widths) + "\n") }
            let header = zip(layout.shown, layout.widths).map { column, width in
                TextWidth.pad(TextWidth.clip(columns[column].name, to: width), to: width, right: numeric[column])
            }
            output.write(frame.row(header) + "\n" + frame.line(frame.underHeader, widths: layout.widths) + "\n")
            for values in sample { writeRow(values, layout: layout, numeric: numeric) }
            state = .grid(layout, numeric: numeric)
        }
    }

    private func writeRow(_ values: [Value], layout: TableLayout, numeric: [Bool]) {
        let cells = zip(layout.shown, layout.widths).map { column, width in
            TextWidth.pad(TextWidth.clip(cellText(values[column], column: column), to: width), to: width, right: numeric[column])
        }
        output.write(frame.row(cells) + "\n")
    }

    /// A cell's text on one line.
    private func cellText(_ value: Value, column: Int) -> String {
        let text = display.text(value, unit: columns[column].unit)
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return String(text.map { $0.isNewline ? "↵" : ($0 == "\t" ? " " : $0) })
    }

    /// `(3 columns not shown: facts, notes, drill_down; use --columns or --format line)`,
    /// wrapped to the width like every other line.
    private func writeFooter(hidden: [Int]) {
        let names = hidden.map { columns[$0].name }.joined(separator: ", ")
        let count = hidden.count == 1 ? "1 column" : "\(hidden.count) columns"
        let footer = "(\(count) not shown: \(names); use --columns or --format line)"
        for line in TextWidth.wrap(footer, to: width ?? Int.max) { output.write(line + "\n") }
    }
}

extension Value {
    fileprivate var isNumber: Bool {
        switch self {
        case .integer, .real: true
        default: false
        }
    }
}
