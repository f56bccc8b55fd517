/// Which columns a table or box shows, and how wide, so that no line is wider than the
/// width it is given (the terminal's):
///
/// 1. Each column wants its natural width: the widest of its header and its sampled
///    cells, a cell counted at most `OutputOptions.maximumCellWidth`.
/// 2. If the lines are too wide, text columns are cut (with `…`), the widest first, one
///    cell at a time, but none below `minimumTextWidth`. Number columns are never cut.
/// 3. If that is not enough, the first column and as many of the following ones as fit
///    (in order, at their narrowest) are shown; the rest are not, and a footer names
///    them. The shown columns then share the whole width by rule 2.
/// 4. If fewer than two columns would be shown, the result is printed in `line` format
///    instead, where nothing is cut.
/// 5. A result of one column is cut to the width, whatever it holds.
///
/// Without a width (not a terminal, no `--width`) every column has its natural width.
struct TableLayout: Equatable, Sendable {
    /// Text columns are cut no narrower than this when fitting the width: room for a
    /// short word and the ellipsis, so that a cut cell still says what it is.
    static let minimumTextWidth = 8

    /// The columns shown, as indexes into the result's columns, in order.
    let shown: [Int]
    /// The width of each shown column.
    let widths: [Int]
    /// The columns not shown, in order.
    let hidden: [Int]

    enum Fit: Equatable, Sendable {
        case grid(TableLayout)
        /// Fewer than two columns fit: print the result in line format.
        case lines
    }

    static func fit(naturalWidths natural: [Int], numeric: [Bool], within width: Int?, frame: TableFrame) -> Fit {
        let all = Array(natural.indices)
        guard let width else { return .grid(TableLayout(shown: all, widths: natural, hidden: [])) }
        // The first column and the following ones, as long as they fit at their narrowest.
        var shown: [Int] = []
        for index in all {
            let narrowest = (shown + [index]).map { numeric[$0] ? natural[$0] : min(natural[$0], minimumTextWidth) }
            guard frame.lineWidth(narrowest) <= width else { break }
            shown.append(index)
        }
        if shown.isEmpty && all.count == 1 {
            let room = max(1, width - frame.lineWidth([0]))
            return .grid(TableLayout(shown: all, widths: [room], hidden: []))
        }
        guard shown.count == all.count || shown.count >= 2 else { return .lines }
        // They fit at their narrowest, so cutting text columns makes them fit.
        let widths = shrink(shown, natural: natural, numeric: numeric, within: width, frame: frame)
        return .grid(TableLayout(shown: shown, widths: widths, hidden: Array(all[shown.count...])))
    }

    /// The natural widths of `columns`, text columns cut widest first until the line fits
    /// (or, if it cannot, as narrow as they may be).
    private static func shrink(_ columns: [Int], natural: [Int], numeric: [Bool], within width: Int, frame: TableFrame) -> [Int] {
        var widths = columns.map { natural[$0] }
        var excess = frame.lineWidth(widths) - width
        while excess > 0 {
            // The widest text column that may still lose a cell; the last of equals, so
            // that the columns on the left, read first, keep their text longest.
            var widest: Int?
            for (position, column) in columns.enumerated()
            where !numeric[column] && widths[position] > min(natural[column], minimumTextWidth)
                && widths[position] >= (widest.map { widths[$0] } ?? 0)
            {
                widest = position
            }
            guard let widest else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
    }
}
