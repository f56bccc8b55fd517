/// A table or view of the knowledge base, with its documentation, for `aikb schema`,
/// the shell and Datasette's metadata.
public struct SchemaObject: Sendable {
    public enum Kind: String, Sendable { case table, view, report }

    public let name: String
    public let kind: Kind
    public let sql: String
    public let columns: [SchemaColumn]
    /// From the catalog: `reports` for reports, `table_docs` for tables and the other views.
    public let title: String?
    public let description: String?
}
