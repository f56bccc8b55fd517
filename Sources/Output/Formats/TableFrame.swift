/// How a table is drawn around and between its cells: `plain` for the table format
/// (two spaces between columns, a rule under the header), `box` for the box format
/// (box-drawing characters all round). The fitting (`TableLayout`) is the same for both;
/// only the frame's widths differ.
struct TableFrame: Sendable {
    /// A horizontal line: `left`, then `fill` across each column (and its padding)
    /// joined by `join`, then `right`.
    struct Rule: Sendable {
        let left: String
        let fill: String
        let join: String
        let right: String
    }

    /// Around and between the cells of a row.
    let rowLeft: String
    let rowJoin: String
    let rowRight: String
    /// Cells of padding inside each cell that the rules cover too (box: one space each side).
    let cellPadding: Int
    let top: Rule?
    let underHeader: Rule
    let bottom: Rule?
    /// plain rows end where their text ends; box rows keep their right border.
    let trimsTrailingSpaces: Bool

    static let plain = TableFrame(
        rowLeft: "", rowJoin: "  ", rowRight: "", cellPadding: 0,
        top: nil, underHeader: Rule(left: "", fill: "─", join: "  ", right: ""), bottom: nil,
        trimsTrailingSpaces: true)

    static let box = TableFrame(
        rowLeft: "│ ", rowJoin: " │ ", rowRight: " │", cellPadding: 2,
        top: Rule(left: "┌", fill: "─", join: "┬", right: "┐"),
        underHeader: Rule(left: "├", fill: "─", join: "┼", right: "┤"),
        bottom: Rule(left: "└", fill: "─", join: "┴", right: "┘"),
        trimsTrailingSpaces: false)

    /// The width of a line whose columns are `widths` wide (every line of a table has it).
    func lineWidth(_ widths: [Int]) -> Int {
        guard !widths.isEmpty else { return 0 }
        return TextWidth.of(rowLeft) + TextWidth.of(rowRight) + TextWidth.of(rowJoin) * (widths.count - 1) + widths.reduce(0, +)
    }

    /// One row of already fitted cells.
    func row(_ cells: [String]) -> String {
        let line = rowLeft + cells.joined(separator: rowJoin) + rowRight
        guard trimsTrailingSpaces else { return line }
        var trimmed = Substring(line)
        while trimmed.last == " " { trimmed.removeLast() }
        return String(trimmed)
    }

    func line(_ rule: Rule, widths: [Int]) -> String {
        rule.left + widths.map { String(repeating: rule.fill, count: $0 + cellPadding) }.joined(separator: rule.join) + rule.right
    }
}
