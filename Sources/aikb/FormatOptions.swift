import ArgumentParser
import Output
import Support

#if canImport(Glibc)
import Glibc
#endif

extension OutputFormat: ExpressibleByArgument {}

/// `--format FMT` and the options of how rows print, shared by every command that prints rows.
struct FormatOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: table, box, line, csv, tsv, json, jsonl or markdown (default: table on a terminal, csv otherwise).",
            valueName: "format"))
    var format: OutputFormat?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Print only these columns, in this order (comma-separated result column names).", valueName: "a,b,c"))
    var columns: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "The widest line table and box print (default: the terminal's width; no limit when not a terminal; 0: no limit).",
            valueName: "n"))
    var width: Int?

    @Option(
        name: .customLong("null"),
        help: ArgumentHelp("How NULL shows in table, box and line (default: an empty cell).", valueName: "text"))
    var nullText: String = ""

    @Flag(help: "No units ($1.5B, 40%): every number as it is stored, in every format.")
    var raw = false

    /// The width used when standard output is a terminal whose size cannot be read.
    private static let fallbackTerminalWidth = 80

    func validate() throws {
        if let width, width < 0 { throw ValidationError("--width must be 0 (no limit) or more") }
        if let columns = selectedColumns, columns.isEmpty || columns.contains(where: \.isEmpty) {
            throw ValidationError("--columns: expected column names separated by commas, such as name,amount_usd")
        }
    }

    var resolved: OutputFormat { format ?? .defaultFor(terminal: Terminal.stdoutIsTerminal) }

    var selectedColumns: [String]? {
        columns.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0.trimmingSpaces()) } }
    }

    /// `--width`; else the terminal's width when standard output is one (its size, else
    /// `$COLUMNS`, else 80); else no limit.
    var lineWidth: Int? {
        if let width { return width == 0 ? nil : width }
        guard Terminal.stdoutIsTerminal else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = Environment.value("COLUMNS").flatMap({ Int($0) }), columns > 0 { return columns }
        return Self.fallbackTerminalWidth
    }

    var options: OutputOptions {
        OutputOptions(width: lineWidth, nullText: nullText, raw: raw, columns: selectedColumns)
    }

    /// A printer on standard output in the chosen format.
    func printer() -> RowPrinter {
        RowPrinter(format: resolved, output: .standardOutput, options: options)
    }
}
