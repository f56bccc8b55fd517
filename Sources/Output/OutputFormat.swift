/// The formats every command that prints rows shares.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal, fitted to its width; wide cells cut with an ellipsis.
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
    /// One field per line, `name = value`, like `sqlite3 .mode line`; values never cut.
    case line
    /// Like `table`, drawn with box-drawing characters.
    case box

    /// `table` when standard output is a terminal, `csv` otherwise.
    public static func defaultFor(terminal: Bool) -> OutputFormat { terminal ? .table : .csv }

    /// Formats meant for people: they show units (`$1.5B`), NULL as `OutputOptions.nullText`
    /// (markdown keeps `NULL`), and read best with a blank line between two result sets.
    /// The others are for programs and print every value exactly.
    public var isForPeople: Bool {
        switch self {
        case .table, .box, .line, .markdown: true
        case .csv, .tsv, .json, .jsonl: false
        }
    }
}
