/// A column of a table or view as `aikb schema` shows it: what SQLite says of it
/// and what the catalog documents.
public struct SchemaColumn: Sendable {
    public let name: String
    public let type: String
    public let notNull: Bool
    public let primaryKey: Bool
    /// A generated column (computed from others, never imported).
    public let generated: Bool
    /// The table (and column) a foreign key points to: `companies(id)`.
    public let references: String?
    /// From the catalog: `table_columns` for tables, `report_columns` for reports.
    public let description: String?
    /// What its numbers are (usd, percent, share, count, date, mw, h100e, ratio, text), where documented.
    public let unit: String?
}
