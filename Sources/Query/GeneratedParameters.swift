import SQLite

/// Values for SQL built from parts (filters, facets, graph conditions), each under a
/// name of its own (`:v1`, `:v2`, ...), so that generated SQL binds by name like
/// every other statement and no value is ever spliced into the text.
struct GeneratedParameters {
    private(set) var values: [String: Value] = [:]

    /// The placeholder for `value`, to write into the SQL.
    mutating func placeholder(for value: Value) -> String {
        let name = "v\(values.count + 1)"
        values[name] = value
        return ":" + name
    }
}
