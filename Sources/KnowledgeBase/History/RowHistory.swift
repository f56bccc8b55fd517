import SQLite
import Support

/// One version of a row: how it came to be, and its values then.
public struct RowVersion: Sendable {
    public let version: Int
    /// The run that made this version; nil for changes made outside aikb or before runs.
    public let run: Int64?
    public let command: String?
    public let at: String?
    /// created, updated, deleted, or restored (a deletion undone).
    public let change: String
    /// For an update: the columns it changed, `column: old → new`.
    public let changes: String?
    /// The row's values in this version (JSON); for a deletion, the values it had.
    public let values: String
}

/// `aikb history TABLE KEY`: every version of one row, from the run that created it
/// through each change to now (or to its deletion).
public enum RowHistory {
    public static func versions(of tableName: String, key: String, in db: Database) throws -> (rowKey: String, versions: [RowVersion]) {
        let tables = try TrackedTable.all(in: db)
        guard let table = tables.first(where: { $0.name == tableName }) else {
            throw KnowledgeBaseError(
                .invalidInput,
                "\(tableName) has no history (the tables with history: \(tables.map(\.name).joined(separator: ", ")))"
                    + Suggestions.hint(for: tableName, among: tables.map(\.name)))
        }
        let rowKey = try HistoryKey.rowKey(of: key, in: table, tables: tables, db: db)
        var entries: [(run: Int64?, at: String, operation: String, old: String, new: String?)] = []
        try db.prepare(
            """
            SELECT run_id, changed_at, operation, old_values, new_values FROM history
            WHERE table_name = :table AND row_key = :key ORDER BY id
            """
        ).forEachRow(binding: ["table": .text(table.name), "key": .text(rowKey)]) { row in
            entries.append((row.optionalInt64(at: 0), row.string(at: 1), row.string(at: 2), row.string(at: 3), row.optionalString(at: 4)))
        }
        let current = try currentValues(of: table, rowKey: rowKey, in: db)
        guard current != nil || !entries.isEmpty else {
            throw KnowledgeBaseError(.invalidInput, "\(table.name) has no row \"\(key)\", now or in its history")
        }
        let runs = try runInfo(in: db)
        var versions: [RowVersion] = []
        // Version 1: as its creating run left it (the oldest recorded old values, or now).
        let first = entries.first?.old ?? current!
        let created = try db.firstValue("SELECT json_extract(:json, '$.created_run')", binding: ["json": .text(first)])
        let createdRun: Int64? = if case .integer(let id)? = created { id } else { nil }
        versions.append(
            RowVersion(
                version: 1, run: createdRun, command: createdRun.flatMap { runs[$0]?.command },
                at: createdRun.flatMap { runs[$0]?.at }, change: "created", changes: nil, values: first))
        for entry in entries {
            let changes = entry.operation == "update" ? try difference(entry.old, entry.new ?? entry.old, in: db) : nil
            versions.append(
                RowVersion(
                    version: versions.count + 1, run: entry.run, command: entry.run.flatMap { runs[$0]?.command },
                    at: entry.at, change: entry.operation == "update" ? "updated" : "deleted", changes: changes,
                    values: entry.operation == "update" ? (entry.new ?? entry.old) : entry.old))
            // An undo puts a deleted row back as it was, an INSERT no trigger records:
            // the run that undid the deletion says when.
            if entry.operation == "delete", let run = entry.run, let undo = runs[run]?.undoneBy {
                versions.append(
                    RowVersion(
                        version: versions.count + 1, run: undo, command: runs[undo]?.command, at: runs[undo]?.at,
                        change: "restored", changes: "undo of run \(run)", values: entry.old))
            }
        }
        return (rowKey, versions)
    }

    /// The row as it is now, as a JSON object like the history's, or nil when it is gone.
    static func currentValues(of table: TrackedTable, rowKey: String, in db: Database) throws -> String? {
        // aikb's json_object writes reals exactly, as the history triggers do.
        let pairs = table.columns.map { "\(SQL.literal($0.name)), \(SQL.identifier($0.name))" }
        let rowid = table.keepsRowid ? "'_rowid', rowid, " : ""
        return try db.prepare(
            "SELECT json_object(\(rowid)\(pairs.joined(separator: ", "))) FROM \(SQL.identifier(table.name)) WHERE \(table.keyCondition)"
        ).firstRow(binding: ["key": .text(rowKey)]) { $0.string(at: 0) }
    }

    /// `column: old → new; ...` for the columns two versions differ in.
    static func difference(_ old: String, _ new: String, in db: Database) throws -> String {
        var parts: [String] = []
        try db.prepare(
            """
            SELECT o.key, o.value, n.value FROM json_each(:old) o JOIN json_each(:new) n ON n.key = o.key
            WHERE o.key NOT IN ('_rowid', 'created_run') AND (o.value IS NOT n.value OR o.type IS NOT n.type)
            """
        ).forEachRow(binding: ["old": .text(old), "new": .text(new)]) { row in
            func text(_ index: Int) -> String { row.isNull(at: index) ? "NULL" : row.string(at: index) }
            parts.append("\(row.string(at: 0)): \(text(1)) → \(text(2))")
        }
        return parts.joined(separator: "; ")
    }

    static func runInfo(in db: Database) throws -> [Int64: (command: String, at: String, undoneBy: Int64?)] {
        var runs: [Int64: (command: String, at: String, undoneBy: Int64?)] = [:]
        try db.prepare("SELECT id, command, started_at, undone_by FROM runs").forEachRow { row in
            runs[row.int64(at: 0)] = (row.string(at: 1), row.string(at: 2), row.optionalInt64(at: 3))
        }
        return runs
    }
}

/// Finds a row's history key from what a user calls it: the id an import file gives
/// it (a deal_id, round_id, source_id, claim_id), a company's name, `ROUND/INVESTOR`
/// for a participation, or the row key itself (its rowid).
enum HistoryKey {
    static func rowKey(of key: String, in table: TrackedTable, tables: [TrackedTable], db: Database) throws -> String {
        let quoted = SQL.identifier(table.name)
        let names = Set(table.columns.map(\.name))
        var found: [String] = []
        func add(_ sql: String, _ bindings: [String: Value]) throws {
            for value in try db.strings(sql, binding: bindings) where !found.contains(value) { found.append(value) }
        }
        try add("SELECT \(table.rowKeySQL) FROM \(quoted) WHERE \(table.keyCondition)", ["key": .text(key)])
        if found.isEmpty && names.contains("external_id") {
            try add("SELECT \(table.rowKeySQL) FROM \(quoted) WHERE external_id = :key", ["key": .text(key)])
        }
        if found.isEmpty && table.name == "companies" {
            try add(
                """
                SELECT CAST(id AS TEXT) FROM companies WHERE name = :key
                UNION SELECT CAST(company_id AS TEXT) FROM company_aliases WHERE alias = :key
                """, ["key": .text(key)])
        }
        if found.isEmpty, table.keyColumns.count == 2, let slash = key.lastIndex(of: "/") {
            // ROUND/INVESTOR, ROUND/SOURCE: each part as its table knows it.
            let parts = [String(key[..<slash]), String(key[key.index(after: slash)...])]
            let ids = try zip(table.keyColumns, parts).map { column, part -> String? in
                guard let reference = table.references.first(where: { $0.column == column }),
                    let target = tables.first(where: { $0.name == reference.table })
                else { return part }
                return try rowKey(of: part, in: target, tables: tables, db: db)
            }
            if ids.allSatisfy({ $0 != nil }) { found.append(ids.compactMap { $0 }.joined(separator: "/")) }
        }
        if found.isEmpty {
            // A row that is gone: its key, or its file id or name, in the history.
            try add(
                """
                SELECT DISTINCT row_key FROM history WHERE table_name = :table
                  AND (row_key = :key OR json_extract(old_values, '$.external_id') = :key
                       OR json_extract(old_values, '$.name') = :key)
                """, ["table": .text(table.name), "key": .text(key)])
        }
        switch found.count {
        case 0:
            throw KnowledgeBaseError(.invalidInput, "\(table.name) has no row \"\(key)\", now or in its history")
        case 1:
            return found[0]
        default:
            throw KnowledgeBaseError(
                .invalidInput,
                "\"\(key)\" names \(found.count) rows of \(table.name) (keys \(found.joined(separator: ", "))); give one of those keys")
        }
    }
}
