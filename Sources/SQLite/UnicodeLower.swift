/// `unicode_lower(text)`: text lowercased as Swift does it, every letter (`Öl` → `öl`).
///
/// SQLite's lower() folds ASCII letters only (without ICU, which the system library
/// lacks), so a case-insensitive search for text with other letters needs this one.
/// Registered on every connection; other clients (sqlite3, Datasette) do not have it,
/// so no view or trigger may call it.
enum UnicodeLower {
    static func register(on db: Database) throws {
        try db.createFunction("unicode_lower", arity: 1, flags: [.deterministic, .innocuous]) { arguments in
            switch arguments[0] {
            case .text(let text): .text(text.lowercased())
            case .null: .null
            case let other: other
            }
        }
    }
}
