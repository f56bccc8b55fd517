/// How a `RowPrinter` prints, beyond the format: the defaults print every column,
/// with no width limit, NULL as an empty cell and units for people.
public struct OutputOptions: Sendable, Equatable {
    /// A cell of table or box output is cut at this width even when the line has room:
    /// one long description should not push every other column out of sight.
    public static let defaultMaximumCellWidth = 60

    /// table and box: no line is wider than this (the terminal's width); nil for no limit.
    /// See `TableLayout` for how the columns are fitted.
    public var width: Int?
    /// table, box and line: how NULL shows. csv, tsv, json, jsonl and markdown keep
    /// their own exact spellings (nothing, `\N`, `null`, `NULL`).
    public var nullText: String
    /// true: no units in any format, every number printed as it is stored.
    public var raw: Bool
    /// The columns to print, in this order, by result column name; nil for all.
    public var columns: [String]?
    /// table and box: the widest a cell may be.
    public var maximumCellWidth: Int

    public init(
        width: Int? = nil, nullText: String = "", raw: Bool = false, columns: [String]? = nil,
        maximumCellWidth: Int = OutputOptions.defaultMaximumCellWidth
    ) {
        self.width = width
        self.nullText = nullText
        self.raw = raw
        self.columns = columns
        self.maximumCellWidth = maximumCellWidth
    }
}
