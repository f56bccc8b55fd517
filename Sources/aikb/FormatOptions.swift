import ArgumentParser
import Output

extension OutputFormat: ExpressibleByArgument {}

/// `--format FMT`, shared by every command that prints rows.
struct FormatOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: table, csv, tsv, json, jsonl or markdown (default: table on a terminal, csv otherwise).",
            valueName: "format"))
    var format: OutputFormat?

    var resolved: OutputFormat { format ?? .defaultFor(terminal: Terminal.stdoutIsTerminal) }

    /// A printer on standard output in the chosen format.
    func printer() -> RowPrinter {
        RowPrinter(format: resolved, output: .standardOutput, maxCellWidth: Terminal.stdoutIsTerminal ? 48 : 60)
    }
}
