/// Help text as the source writes it, in lines of about 95 columns, turned into what
/// ArgumentParser expects: one line per paragraph, which it wraps at the terminal's
/// width. Passed through as written, each source line ended where the source broke it,
/// so at 80 columns every other line held one or two words.
enum HelpText {
    /// Joins each paragraph's lines with spaces. A blank line ends a paragraph; an
    /// indented line (an example command) keeps its own line, and so does a list item
    /// ("- "), which the lines after it continue.
    static func reflowed(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let startsALine = line.isEmpty || line.first == " " || line.hasPrefix("- ")
            if !startsALine, let last = lines.last, !last.isEmpty, last.first != " " {
                lines[lines.count - 1] = last + " " + line
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }
}
