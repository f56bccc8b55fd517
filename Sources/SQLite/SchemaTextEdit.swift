import CSQLite

/// SQLite's procedure for a schema change that leaves every stored row valid (a CHECK
/// rewritten in an equivalent form, a default changed): the CREATE statement's text in
/// `sqlite_schema` is edited in place instead of the table being rebuilt
/// (lang_altertable.html, "making other kinds of table schema changes").
extension Database {
    /// Runs `body` with `sqlite_schema` writable, inside the caller's transaction, then
    /// makes every connection read the new text, and runs `quick_check` on each table
    /// whose text changed: a row the new text refuses (or any damage) fails here, before
    /// the caller commits. Defensive mode, which forbids writing `sqlite_schema`, is off
    /// for `body` only.
    public func editingSchemaText<R>(_ body: () throws -> R) throws -> R {
        guard isInTransaction else {
            throw SQLiteError(code: .SQLITE_MISUSE, message: "a schema text edit must run inside a transaction")
        }
        let before = try tableTexts()
        do {
            // writable_schema goes off again with the reload (RESET); until then, and if
            // the reload fails, defensive mode (back on, checked) makes it inert.
            let result: R = try withDefensiveModeOff {
                try execute("PRAGMA writable_schema = ON")
                return try body()
            }
            try reloadSchema()
            for (table, text) in try tableTexts() where before[table] != text {
                try quickCheck(editedTable: table)
            }
            return result
        } catch {
            // A new version also makes the caller's rollback drop the edited schema this
            // connection has read, as it does after any rolled-back CREATE or DROP. The
            // error to report is the first one; the rollback undoes the version either way.
            try? reloadSchema()
            throw error
        }
    }

    /// Makes this connection read the schema again (it does not notice edits to
    /// sqlite_schema's text), and other connections too, by a new schema version
    /// (RESET also turns writable_schema off).
    private func reloadSchema() throws {
        guard case .integer(let version) = try firstValue("PRAGMA schema_version") else {
            throw SQLiteError(code: .SQLITE_ERROR, message: "PRAGMA schema_version has no value")
        }
        try execute("PRAGMA writable_schema = RESET")
        try execute("PRAGMA schema_version = \(version + 1)")
    }

    private func quickCheck(editedTable table: String) throws {
        let problems = try allRows("PRAGMA quick_check(\(SQL.literal(table)))")
            .compactMap { row -> String? in if case .text(let text) = row.first { text } else { nil } }
        guard problems == ["ok"] else {
            throw SQLiteError(
                code: .SQLITE_CONSTRAINT_CHECK,
                message: "the edited table \(table) fails quick_check (\(problems.count) problem(s), first: \(problems.first ?? "none"))")
        }
    }

    private func tableTexts() throws -> [String: String] {
        var texts: [String: String] = [:]
        for row in try allRows("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL") {
            if case .text(let name) = row[0], case .text(let sql) = row[1] { texts[name] = sql }
        }
        return texts
    }

    /// Runs `body` with defensive mode (on from `Database.init`) off, and puts it back
    /// on after, also when `body` throws.
    private func withDefensiveModeOff<R>(_ body: () throws -> R) throws -> R {
        try setDefensiveMode(false)
        let result: R
        do {
            result = try body()
        } catch {
            try setDefensiveMode(true)
            throw error
        }
        try setDefensiveMode(true)
        return result
    }

    private func setDefensiveMode(_ on: Bool) throws {
        guard csqlite_db_config_flag(handle, SQLITE_DBCONFIG_DEFENSIVE, on ? 1 : 0) == SQLITE_OK else {
            throw SQLiteError.last(from: handle, code: SQLITE_ERROR).with(message: "cannot set defensive mode \(on ? "on" : "off")")
        }
    }
}
