import CSV
import SQLite

/// The formats every command that prints rows shares.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal; wide cells cut with an ellipsis.
    case table
    /// RFC 4180; what aikb writes, aikb imports back unchanged.
    case csv
    /// Tab-separated; tab, newline and backslash escaped, NULL as \N.
    case tsv
    /// One array of objects, like `sqlite3 -json`.
    case json
    /// One object per line.
    case jsonl
    /// A GitHub table.
    case markdown

    /// `table` when standard output is a terminal, `csv` otherwise.
    public static func defaultFor(terminal: Bool) -> OutputFormat { terminal ? .table : .csv }
}

/// Prints result rows in one format, streaming: every format but `table` writes
/// each row as it comes, in constant memory. `table` holds the first rows to size
/// its columns, then streams the rest at those widths.
///
/// NULL and the empty string stay distinct everywhere: CSV writes NULL as nothing
/// and "" as `""`, TSV NULL as `\N`, JSON `null`, table and markdown `NULL`.
/// Integers print as integers and reals without exponents, so money is never
/// printed as `1.5e+09`.
public final class RowPrinter {
    public let format: OutputFormat
    private let output: OutputStream
    private var columns: [String] = []
    private var rowsWritten = 0
    private var line: [UInt8] = []

    // table: rows held to size the columns, and the widths once fixed.
    private var pending: [[Cell]] = []
    private var widths: [Int]?
    private var rightAligned: [Bool] = []
    private let sampleSize = 500
    private let maxCellWidth: Int

    public init(format: OutputFormat, output: OutputStream, maxCellWidth: Int = 60) {
        self.format = format
        self.output = output
        self.maxCellWidth = max(maxCellWidth, 4)
    }

    /// A printed value, before formatting.
    enum Cell {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])

        var isNumber: Bool {
            switch self {
            case .integer, .real: true
            default: false
            }
        }
    }

    public func begin(columns: [String]) {
        self.columns = columns
        rowsWritten = 0
        pending = []
        widths = nil
        rightAligned = Array(repeating: true, count: columns.count)
        switch format {
        case .csv:
            line.removeAll(keepingCapacity: true)
            for (index, name) in columns.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                CSVWriter.appendField(name, to: &line)
            }
            line.append(0x0A)
            output.write(line)
        case .tsv:
            output.write(columns.map(Self.tsvEscaped).joined(separator: "\t") + "\n")
        case .json:
            output.write("[")
        case .markdown:
            output.write("| " + columns.map(Self.markdownEscaped).joined(separator: " | ") + " |\n")
            output.write("|" + columns.map { _ in " --- |" }.joined() + "\n")
        case .jsonl, .table:
            break
        }
    }

    /// Writes the current row of a statement, reading each column by its type.
    public func write(_ row: Row) {
        switch format {
        case .csv:
            line.removeAll(keepingCapacity: true)
            for index in 0..<columns.count {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                switch row.storageClass(at: index) {
                case .null: break
                case .integer: appendInteger(row.int64(at: index), to: &line)
                case .real: line.append(contentsOf: Self.formatReal(row.double(at: index)).utf8)
                case .text: row.withUTF8(at: index) { CSVWriter.appendField($0, to: &line) }
                case .blob: CSVWriter.appendField(Self.hex(row.bytes(at: index)), to: &line)
                }
            }
            line.append(0x0A)
            output.write(line)
            rowsWritten += 1
        default:
            write(cells: (0..<columns.count).map { index in
                switch row.storageClass(at: index) {
                case .null: .null
                case .integer: .integer(row.int64(at: index))
                case .real: .real(row.double(at: index))
                case .text: .text(row.string(at: index))
                case .blob: .blob(row.bytes(at: index))
                }
            })
        }
    }

    /// Writes one row of values.
    public func write(_ values: [Value]) {
        write(cells: values.map { value in
            switch value {
            case .null: .null
            case .integer(let integer): .integer(integer)
            case .real(let real): .real(real)
            case .text(let text): .text(text)
            case .blob(let bytes): .blob(bytes)
            }
        })
    }

    func write(cells: [Cell]) {
        switch format {
        case .csv:
            line.removeAll(keepingCapacity: true)
            for (index, cell) in cells.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                switch cell {
                case .null: break
                case .integer(let value): appendInteger(value, to: &line)
                case .real(let value): line.append(contentsOf: Self.formatReal(value).utf8)
                case .text(let text): CSVWriter.appendField(text, to: &line)
                case .blob(let bytes): CSVWriter.appendField(Self.hex(bytes), to: &line)
                }
            }
            line.append(0x0A)
            output.write(line)
        case .tsv:
            output.write(cells.map(tsvText).joined(separator: "\t") + "\n")
        case .json:
            output.write((rowsWritten == 0 ? "\n" : ",\n") + jsonObject(cells))
        case .jsonl:
            output.write(jsonObject(cells) + "\n")
        case .markdown:
            output.write("| " + cells.map { Self.markdownEscaped(displayText($0)) }.joined(separator: " | ") + " |\n")
        case .table:
            if widths == nil {
                pending.append(cells)
                if pending.count >= sampleSize { flushPending() }
            } else {
                writeTableRow(cells)
            }
        }
        rowsWritten += 1
    }

    /// Ends the result set (closes the JSON array, prints a held table).
    public func end() {
        switch format {
        case .json:
            output.write(rowsWritten == 0 ? "]\n" : "\n]\n")
        case .table:
            if widths == nil { flushPending() }
        default:
            break
        }
        output.flush()
    }

    // MARK: Table

    private func flushPending() {
        var widths = columns.map { TextWidth.of($0) }
        for (index, _) in columns.enumerated() {
            rightAligned[index] = !pending.isEmpty && pending.allSatisfy { $0[index].isNumber || { if case .null = $0[index] { true } else { false } }($0) }
                && pending.contains { $0[index].isNumber }
        }
        for cells in pending {
            for (index, cell) in cells.enumerated() {
                widths[index] = max(widths[index], min(TextWidth.of(tableText(cell)), maxCellWidth))
            }
        }
        self.widths = widths
        let header = columns.enumerated().map { pad(clip($0.element, widths[$0.offset]), widths[$0.offset], right: false) }
        output.write(header.joined(separator: "  ").trailingSpacesRemoved + "\n")
        output.write(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n")
        for cells in pending { writeTableRow(cells) }
        pending = []
    }

    private func writeTableRow(_ cells: [Cell]) {
        guard let widths else { return }
        let parts = cells.enumerated().map { index, cell in
            pad(clip(tableText(cell), widths[index]), widths[index], right: rightAligned[index])
        }
        output.write(parts.joined(separator: "  ").trailingSpacesRemoved + "\n")
    }

    private func tableText(_ cell: Cell) -> String {
        var text = displayText(cell)
        if text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
            text = String(text.map { $0 == "\n" || $0 == "\r\n" ? "↵" : ($0 == "\t" || $0 == "\r" ? " " : $0) })
        }
        return text
    }

    private func clip(_ text: String, _ width: Int) -> String {
        guard TextWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = TextWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    private func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - TextWidth.of(text)))
        return right ? fill + text : text + fill
    }

    // MARK: Cells as text

    private func displayText(_ cell: Cell) -> String {
        switch cell {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): Self.formatReal(value)
        case .text(let text): text
        case .blob(let bytes): Self.hex(bytes)
        }
    }

    private func tsvText(_ cell: Cell) -> String {
        switch cell {
        case .null: "\\N"
        case .text(let text): Self.tsvEscaped(text)
        default: displayText(cell)
        }
    }

    static func tsvEscaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" || $0 == "\r\n" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func markdownEscaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "|" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }

    private func jsonObject(_ cells: [Cell]) -> String {
        var out = "{"
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += "," }
            out += JSON.string(columns[index]) + ":"
            switch cell {
            case .null: out += "null"
            case .integer(let value): out += String(value)
            case .real(let value): out += value.isFinite ? Self.formatReal(value) : "null"
            case .text(let text): out += JSON.string(text)
            case .blob(let bytes): out += JSON.string(Self.hex(bytes))
            }
        }
        return out + "}"
    }

    /// Decimal digits straight into the line: no String per number (a million-row
    /// export formats millions of them).
    private func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            while magnitude > 0 {
                digits[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            if value < 0 { out.append(UInt8(ascii: "-")) }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(digits[index]) }
        }
    }

    /// A blob as SQL's hex literal, X'0A1B'.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF")
        var out = "X'"
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return out + "'"
    }

    /// A real without an exponent: 1500000000.0, 0.5, 0.0000001. The digits are
    /// Swift's shortest round-trip representation, only moved around the point.
    public static func formatReal(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        let text = String(value)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let exponent = Int(text[text.index(after: e)...])!
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let point = mantissa.firstIndex(of: ".")
        let integerDigits = point.map { String(mantissa[..<$0]) } ?? mantissa
        let fractionDigits = point.map { String(mantissa[mantissa.index(after: $0)...]) } ?? ""
        let digits = integerDigits + fractionDigits
        let pointPosition = integerDigits.count + exponent
        var result: String
        if pointPosition <= 0 {
            result = "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            result = digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        } else {
            let index = digits.index(digits.startIndex, offsetBy: pointPosition)
            result = String(digits[..<index]) + "." + String(digits[index...])
        }
        while result.count > 3 && result.hasSuffix("0") && !result.hasSuffix(".0") && result.contains(".") {
            result.removeLast()
        }
        return (negative ? "-" : "") + result
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// JSON text for strings (RFC 8259 escaping).
public enum JSON {
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Terminal display width: wide East Asian characters take two cells, combining marks none.
enum TextWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x1100 { return 1 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }
}
