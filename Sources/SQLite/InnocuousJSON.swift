import Support

/// `json_object`, exact and innocuous.
///
/// A connection starts with `trusted_schema = OFF`, under which a trigger may only
/// call functions marked innocuous; SQLite 3.40's JSON functions are not marked so,
/// although building a JSON text has no side effect. The history triggers build
/// their JSON with json_object, so each connection gets this one, which is: pure
/// Swift, marked innocuous and deterministic, and exact (a REAL is written with the
/// shortest digits that read back as the same double, where SQLite's own keeps 15,
/// which undo needs to restore a value bit for bit).
/// Other clients (the sqlite3 shell, Datasette) use SQLite's.
enum InnocuousJSON {
    static func register(on db: Database) throws {
        try db.createFunction("json_object", arity: -1, flags: [.deterministic, .innocuous]) { arguments in
            guard arguments.count % 2 == 0 else {
                throw Database.FunctionError("json_object() requires an even number of arguments")
            }
            var out = "{"
            for pair in stride(from: 0, to: arguments.count, by: 2) {
                guard case .text(let key) = arguments[pair] else {
                    throw Database.FunctionError("json_object() labels must be TEXT")
                }
                if pair > 0 { out += "," }
                out += JSON.string(key) + ":"
                switch arguments[pair + 1] {
                case .null: out += "null"
                case .integer(let integer): out += String(integer)
                case .real(let real): out += real.isFinite ? String(real) : "null"
                case .text(let text): out += JSON.string(text)
                case .blob: throw Database.FunctionError("JSON cannot hold BLOB values")
                }
            }
            return .text(out + "}")
        }
    }
}
