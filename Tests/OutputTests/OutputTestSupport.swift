import Foundation
import Output
import SQLite

/// What a printer wrote, read back from the temporary file its real `OutputStream` wrote to.
func printed(
    _ format: OutputFormat, _ columns: [OutputColumn], _ rows: [[Value]], options: OutputOptions = OutputOptions()
) throws -> String {
    try capture { stream in
        let printer = RowPrinter(format: format, output: stream, options: options)
        try printer.begin(columns: columns)
        for row in rows { printer.write(row) }
        printer.end()
    }
}

/// The same for columns without units.
func printed(
    _ format: OutputFormat, columns: [String], _ rows: [[Value]], options: OutputOptions = OutputOptions()
) throws -> String {
    try printed(format, columns.map { OutputColumn(name: $0) }, rows, options: options)
}

/// A statement's rows printed the streaming way: each row read in place from SQLite.
func printed(_ format: OutputFormat, sql: String, options: OutputOptions = OutputOptions()) throws -> String {
    let db = try Database(path: ":memory:")
    let statement = try db.prepare(sql)
    return try capture { stream in
        let printer = RowPrinter(format: format, output: stream, options: options)
        try printer.begin(columns: statement.columnNames)
        try statement.forEachRow { printer.write($0) }
        printer.end()
    }
}

/// Runs `body` with an `OutputStream` on a fresh temporary file and returns the file's text.
func capture(_ body: (Output.OutputStream) throws -> Void) throws -> String {
    let path = NSTemporaryDirectory() + "aikb-output-" + UUID().uuidString
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(descriptor >= 0, "cannot create \(path)")
    defer {
        close(descriptor)
        unlink(path)
    }
    try body(Output.OutputStream(descriptor: descriptor))
    return try String(contentsOfFile: path, encoding: .utf8)
}

/// The display width of every line (box-drawing characters are one cell, CJK two).
func lineWidths(_ text: String) -> [Int] {
    text.split(separator: "\n").map { line in
        line.reduce(0) { width, character in
            let value = character.unicodeScalars.first!.value
            return width + ((0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xFF00...0xFF60).contains(value) ? 2 : 1)
        }
    }
}
