import CSQLite
import Support

/// Quoting for the rare places where names must be spliced into SQL text
/// (identifiers cannot be bound). Values are always bound, never quoted.
public enum SQL {
    /// `name` as a quoted identifier: `"my ""odd"" table"`.
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// True when `text` ends with a complete SQL statement (`sqlite3_complete`):
    /// a semicolon outside strings, comments and trigger bodies.
    public static func isComplete(_ text: String) -> Bool { sqlite3_complete(text) != 0 }

    /// `text` as a string literal: `'it''s'`. For generated DDL only (view
    /// definitions, comments), where binding is impossible.
    public static func literal(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "''") + "'"
    }
}
