import SQLite
import Support

/// Prints result sets in one format: the front of the Output module. It picks the
/// format, applies `OutputOptions` (the column selection; `raw`, which drops units), and
/// passes the rows on. Every format but table and box writes each row as it comes, in
/// constant memory; table and box hold at most `TableFormat.sampleSize` rows to size
/// their columns, then stream.
///
/// NULL and the empty string stay distinct in every format for programs: CSV writes
/// NULL as nothing and "" as `""`, TSV NULL as `\N`, JSON `null`; markdown shows
/// `NULL`; table, box and line show `OutputOptions.nullText` (empty by default).
/// Integers print as integers and reals without exponents, so money is never printed
/// as `1.5e+09`.
///
/// One printer prints one result set at a time: `begin(columns:)`, `write` per row,
/// `end()`; it may then begin the next.
public final class RowPrinter {
    public let format: OutputFormat
    public let options: OutputOptions
    private let output: OutputStream
    private var current: (any RowFormat)?
    /// Printed column `i` is result column `selection[i]`.
    private var selection: [Int] = []

    public init(format: OutputFormat, output: OutputStream, options: OutputOptions = OutputOptions()) {
        self.format = format
        self.output = output
        self.options = options
    }

    /// Starts a result set with these columns; throws `OutputError` when
    /// `options.columns` names a column the result does not have.
    public func begin(columns: [OutputColumn]) throws {
        selection = try Self.selection(options.columns, from: columns.map(\.name))
        let printed = selection.map { index in
            OutputColumn(name: columns[index].name, unit: options.raw ? nil : columns[index].unit)
        }
        let format = makeFormat()
        format.begin(columns: printed)
        current = format
    }

    /// Starts a result set of columns without units.
    public func begin(columns: [String]) throws {
        try begin(columns: columns.map { OutputColumn(name: $0) })
    }

    /// Throws what `begin(columns:)` would throw for these columns, printing nothing: for
    /// a command that knows its columns before it does its work, and should fail before.
    public func check(columns: [String]) throws {
        _ = try Self.selection(options.columns, from: columns)
    }

    /// Writes a statement's current row, read in place.
    public func write(_ row: Row) {
        current?.write(OutputRow(row, selection: selection))
    }

    /// Writes one row of values, one per column given to `begin`.
    public func write(_ values: [Value]) {
        current?.write(OutputRow(values, selection: selection))
    }

    /// Ends the result set (closes the JSON array, prints a held table and its footer)
    /// and flushes the output.
    public func end() {
        current?.end()
        current = nil
        output.flush()
    }

    private func makeFormat() -> any RowFormat {
        switch format {
        case .csv: CSVFormat(output: output)
        case .tsv: TSVFormat(output: output)
        case .json: JSONFormat(output: output)
        case .jsonl: JSONLinesFormat(output: output)
        case .markdown: MarkdownFormat(output: output)
        case .line: LineFormat(output: output, nullText: options.nullText)
        case .table: TableFormat(output: output, frame: .plain, options: options)
        case .box: TableFormat(output: output, frame: .box, options: options)
        }
    }

    /// The result columns to print, in order: all of them, or those `wanted` names
    /// (exactly, else ignoring case; the first of equal names).
    static func selection(_ wanted: [String]?, from names: [String]) throws -> [Int] {
        guard let wanted else { return Array(names.indices) }
        return try wanted.map { name in
            if let index = names.firstIndex(of: name) { return index }
            let lowered = name.lowercased()
            if let index = names.firstIndex(where: { $0.lowercased() == lowered }) { return index }
            let hint = Suggestions.hint(for: name, among: names)
            throw OutputError(
                "--columns: the result has no column \"\(name)\""
                    + (hint.isEmpty ? "; its columns are \(names.joined(separator: ", "))" : hint))
        }
    }
}
