import SQLite
import Support

/// What `aikb undo RUN` did.
public struct UndoReport: Sendable {
    /// The run that did the undo.
    public let run: Int64
    /// Rows the undone run had created, removed.
    public let removed: Int
    /// Rows it had changed or deleted, put back as they were.
    public let restored: Int
}

/// Reverts one run's changes in one transaction: removes the rows it created and
/// puts back the rows it changed or deleted, from the history. Refuses, naming the
/// later runs, when later runs changed the same rows or refer to rows it created:
/// undoing it would change their work too.
public enum Undo {
    public static func undo(run target: Int64, in db: Database) throws -> UndoReport {
        do {
            return try revert(target, in: db)
        } catch let error as SQLiteError where error.code == .SQLITE_CONSTRAINT_FOREIGNKEY {
            // The deferred foreign keys failed the commit: rows outside the run refer to rows it made.
            throw KnowledgeBaseError(
                .invalidInput,
                "cannot undo run \(target): rows outside it refer to rows it created (\(error.message)); nothing was changed")
        }
    }

    private static func revert(_ target: Int64, in db: Database) throws -> UndoReport {
        var report: UndoReport?
        try db.inTransaction(.immediate) {
            try check(target, in: db)
            let tables = try TrackedTable.all(in: db)
            try refuseConflicts(of: target, tables: tables, in: db)
            let run = try Runs.open(db, command: "undo", detail: "run \(target)")
            try db.execute("UPDATE runs SET undoes = :target WHERE id = :run", binding: ["target": .integer(target), "run": .integer(run)])
            // The rows go back one by one; the foreign keys hold again at the end.
            try db.execute("PRAGMA defer_foreign_keys = ON")
            // The import log keeps the run's files and hashes, but no longer a source that goes.
            try db.execute(
                """
                UPDATE import_log SET source_id = NULL
                WHERE run_id = :target AND source_id IN (SELECT id FROM sources WHERE created_run = :target)
                """, binding: ["target": .integer(target)])
            var removed = 0
            for table in TrackedTable.childrenFirst(tables) {
                try db.execute(
                    "DELETE FROM \(SQL.identifier(table.name)) WHERE created_run = :target", binding: ["target": .integer(target)])
                removed += db.changes
            }
            let restored = try restore(target, tables: tables, in: db)
            try db.execute("UPDATE runs SET undone_by = :run WHERE id = :target", binding: ["run": .integer(run), "target": .integer(target)])
            try Runs.close(db, run)
            report = UndoReport(run: run, removed: removed, restored: restored)
            return .commit
        }
        return report!
    }

    /// The run exists, wrote something undo can revert, and is not undone yet.
    private static func check(_ target: Int64, in db: Database) throws {
        let row = try db.prepare("SELECT command, undone_by, undoes, is_open FROM runs WHERE id = :id").firstRow(
            binding: ["id": .integer(target)]
        ) { ($0.string(at: 0), $0.optionalInt64(at: 1), $0.optionalInt64(at: 2)) }
        guard let (command, undoneBy, undoes) = row else {
            let last = try db.firstValue("SELECT max(id) FROM runs")
            throw KnowledgeBaseError(
                .invalidInput, "there is no run \(target)" + (last.map { $0 == .null ? " (no run yet)" : " (the latest is \($0.integerText))" } ?? ""))
        }
        if let undoneBy { throw KnowledgeBaseError(.invalidInput, "run \(target) is undone already (by run \(undoneBy))") }
        if let undoes {
            throw KnowledgeBaseError(
                .invalidInput, "run \(target) is itself an undo (of run \(undoes)); to redo that run, run its command again")
        }
        if command.hasPrefix("migrate") {
            throw KnowledgeBaseError(.invalidInput, "run \(target) is a migration: a schema change is not undone")
        }
        if command == "import --table" {
            throw KnowledgeBaseError(
                .invalidInput, "run \(target) loaded a table of your own (import --table): drop or re-import that table instead")
        }
    }

    /// Later runs whose work an undo of `target` would change: they changed rows the
    /// run created or changed, or rows of theirs refer to rows it created. Runs that
    /// are undone, and undo runs, are left out: their changes are reverted already.
    private static func refuseConflicts(of target: Int64, tables: [TrackedTable], in db: Database) throws {
        let live = "NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = h.run_id AND (r.undone_by IS NOT NULL OR r.undoes IS NOT NULL))"
        var later = Set<Int64>()
        // Rows the run changed, changed again later.
        try db.prepare(
            """
            SELECT DISTINCT h.run_id FROM history h
            WHERE h.run_id > :target AND \(live)
              AND EXISTS (SELECT 1 FROM history mine
                          WHERE mine.run_id = :target AND mine.table_name = h.table_name AND mine.row_key = h.row_key)
            """
        ).forEachRow(binding: ["target": .integer(target)]) { later.insert($0.int64(at: 0)) }
        for table in tables {
            // Rows the run created, changed later.
            try db.prepare(
                """
                SELECT DISTINCT h.run_id FROM history h
                WHERE h.table_name = \(SQL.literal(table.name)) AND h.run_id > :target AND \(live)
                  AND h.row_key IN (SELECT \(table.rowKeySQL) FROM \(SQL.identifier(table.name)) WHERE created_run = :target)
                """
            ).forEachRow(binding: ["target": .integer(target)]) { later.insert($0.int64(at: 0)) }
            // Rows made by others that refer to rows the run created, read from the run's
            // rows: CROSS JOIN keeps that order. ANALYZE's average of rows per created_run
            // is large after one big import (500,000 at a million companies), so SQLite
            // chose to read every deal and company instead (0.3 s of a one-company undo).
            for reference in table.references where tables.contains(where: { $0.name == reference.table }) {
                try db.prepare(
                    """
                    SELECT DISTINCT coalesce(child.created_run, 0) FROM \(SQL.identifier(reference.table)) parent
                    CROSS JOIN \(SQL.identifier(table.name)) child
                      ON parent.\(SQL.identifier(reference.referencedColumn)) = child.\(SQL.identifier(reference.column))
                    WHERE parent.created_run = :target AND child.created_run IS NOT :target
                    """
                ).forEachRow(binding: ["target": .integer(target)]) { later.insert($0.int64(at: 0)) }
            }
        }
        later.remove(target)
        guard !later.isEmpty else { return }
        let names = later.sorted().map { $0 == 0 ? "changes made before runs were recorded" : "run \($0)" }
        throw KnowledgeBaseError(
            .invalidInput,
            "cannot undo run \(target): later work builds on it (\(names.joined(separator: ", "))); undo "
                + (later.count == 1 ? "that run" : "those runs") + " first, newest first; nothing was changed")
    }

    /// Puts back, newest first, every row the run changed or deleted.
    private static func restore(_ target: Int64, tables: [TrackedTable], in db: Database) throws -> Int {
        let byName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [(table: String, operation: String, old: String, new: String?)] = []
        try db.prepare(
            "SELECT table_name, operation, old_values, new_values FROM history WHERE run_id = :target ORDER BY id DESC"
        ).forEachRow(binding: ["target": .integer(target)]) { row in
            entries.append((row.string(at: 0), row.string(at: 1), row.string(at: 2), row.optionalString(at: 3)))
        }
        var statements: [String: Statement] = [:]
        func statement(_ sql: String) throws -> Statement {
            if let cached = statements[sql] { return cached }
            let prepared = try db.prepare(sql)
            statements[sql] = prepared
            return prepared
        }
        // A deleted row goes back under its old rowid and run, which no highest id shows
        // and history does not record: what is made of its table is computed again.
        let reinserted = Set(entries.filter { $0.operation != "update" && byName[$0.table] != nil }.map(\.table))
        if !reinserted.isEmpty { try MoneyWeb.recomputeAtClose(db, madeOf: reinserted) }
        for entry in entries {
            guard let table = byName[entry.table] else { continue }
            let quoted = SQL.identifier(table.name)
            switch entry.operation {
            case "update":
                // The row is where the update left it (its key as in new_values).
                let set = table.columns.map { "\(SQL.identifier($0.name)) = \(table.value(of: $0, from: "old"))" }
                let key = table.keyColumns.compactMap { name in table.columns.first { $0.name == name } }
                    .map { "\(SQL.identifier($0.name)) = \(table.value(of: $0, from: "new"))" }
                try statement("UPDATE \(quoted) SET \(set.joined(separator: ", ")) WHERE \(key.joined(separator: " AND "))")
                    .execute(binding: ["old": .text(entry.old), "new": .text(entry.new ?? entry.old)])
            default:
                var names = table.columns.map { SQL.identifier($0.name) }
                var values = table.columns.map { table.value(of: $0, from: "old") }
                if table.keepsRowid {
                    names.insert("rowid", at: 0)
                    values.insert("json_extract(:old, '$._rowid')", at: 0)
                }
                try statement("INSERT INTO \(quoted) (\(names.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))")
                    .execute(binding: ["old": .text(entry.old)])
            }
        }
        return entries.count
    }
}

extension Value {
    /// An integer's digits, for messages.
    var integerText: String {
        if case .integer(let value) = self { return String(value) }
        return "?"
    }
}
