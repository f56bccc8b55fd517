import CSQLite
import Support

/// Quoting for the rare places where names must be spliced into SQL text
/// (identifiers cannot be bound). Values are always bound, never quoted.
public enum SQL {
    /// `expression` lowercased for a case-insensitive match with `text`: SQLite's lower()
    /// when `text` is ASCII (exact: a case of an ASCII letter is ASCII, and faster), else
    /// the connection's unicode_lower, which folds every letter.
    public static func lower(_ expression: String, toMatch text: String) -> String {
        (text.utf8.allSatisfy { $0 < 0x80 } ? "lower(" : "unicode_lower(") + expression + ")"
    }

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
