import SQLite
import Support

/// One run and what it changed, table by table.
public struct RunChanges: Sendable {
    public let run: Int64
    public let command: String
    public let detail: String?
    public let startedAt: String
    public let finishedAt: String?
    public let undoes: Int64?
    public let undoneBy: Int64?
    /// Per table: rows the run created (still there), updated and deleted.
    public var tables: [(table: String, inserted: Int, updated: Int, deleted: Int)]
}

/// `aikb changes [--since RUN|DATE]`: the runs and what each changed.
public enum ChangeLog {
    public enum Since: Sendable, Equatable {
        case run(Int64)
        /// An ISO date or time: runs started on or after it.
        case date(String)

        /// A run id (1 or more), or an ISO date (YYYY-MM-DD, YYYY-MM) or time
        /// (YYYY-MM-DDTHH:MM[:SS[.fff]][Z]) that exists; four digits alone are a run id.
        public static func parse(_ text: String) throws -> Since {
            if let run = Int64(text) {
                guard run >= 1 else { throw KnowledgeBaseError(.invalidInput, "--since \(text): a run id is 1 or more") }
                return .run(run)
            }
            let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
            var day = Array(parts[0].utf8)
            let isDate = day.withUnsafeMutableBufferPointer { ValueParsing.isoDate(UnsafeBufferPointer($0)) }
            guard isDate, parts.count == 1 || (day.count == 10 && isTime(parts[1])) else {
                throw KnowledgeBaseError(
                    .invalidInput, "--since \(text): expected a run id or a real ISO date or time (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ)")
            }
            return .date(parts.count == 1 ? text : parts[0] + "T" + stamped(parts[1]))
        }

        /// A time as runs record theirs (`05:45:03.196Z`), so that text comparison orders
        /// it: `05:45` is `05:45:00.000Z`, `05:45:03.2Z` is `05:45:03.200Z`.
        static func stamped(_ time: Substring) -> String {
            let body = time.hasSuffix("Z") ? time.dropLast() : time
            let fields = body.split(separator: ":", omittingEmptySubsequences: false)
            let seconds = fields.count == 3 ? fields[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false) : ["00"]
            let fraction = seconds.count == 2 ? String(seconds[1].prefix(3)) : ""
            return fields[0] + ":" + fields[1] + ":" + seconds[0] + "." + fraction + String(repeating: "0", count: 3 - fraction.count) + "Z"
        }

        /// HH:MM, HH:MM:SS or HH:MM:SS.fff, then Z or nothing (times are UTC).
        static func isTime(_ text: Substring) -> Bool {
            let body = text.hasSuffix("Z") ? text.dropLast() : text
            let fields = body.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(fields.count), let hour = Int(fields[0]), let minute = Int(fields[1]),
                fields[0].count == 2, fields[1].count == 2, (0...23).contains(hour), (0...59).contains(minute)
            else { return false }
            guard fields.count == 3 else { return true }
            let seconds = fields[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard seconds[0].count == 2, let second = Int(seconds[0]), (0...59).contains(second) else { return false }
            return seconds.count == 1 || (!seconds[1].isEmpty && seconds[1].allSatisfy { $0.isASCII && $0.isNumber })
        }
    }

    public static func runs(since: Since?, in db: Database) throws -> [RunChanges] {
        var condition = "1"
        var bindings: [String: Value] = [:]
        switch since {
        case .run(let id)?:
            condition = "id >= :since"
            bindings["since"] = .integer(id)
        case .date(let date)?:
            condition = "started_at >= :since"
            bindings["since"] = .text(date)
        case nil:
            break
        }
        var runs: [RunChanges] = []
        try db.prepare(
            "SELECT id, command, detail, started_at, finished_at, undoes, undone_by FROM runs WHERE \(condition) ORDER BY id"
        ).forEachRow(binding: bindings) { row in
            runs.append(
                RunChanges(
                    run: row.int64(at: 0), command: row.string(at: 1), detail: row.optionalString(at: 2),
                    startedAt: row.string(at: 3), finishedAt: row.optionalString(at: 4), undoes: row.optionalInt64(at: 5),
                    undoneBy: row.optionalInt64(at: 6), tables: []))
        }
        guard let first = runs.first?.run else { return [] }
        var counts: [Int64: [String: (inserted: Int, updated: Int, deleted: Int)]] = [:]
        for table in try TrackedTable.all(in: db) {
            // By the created_run index: a run's new rows, counted without reading them.
            try db.prepare(
                """
                SELECT created_run, count(*) FROM \(SQL.identifier(table.name))
                WHERE created_run >= :first GROUP BY created_run
                """
            ).forEachRow(binding: ["first": .integer(first)]) { row in
                counts[row.int64(at: 0), default: [:]][table.name, default: (0, 0, 0)].inserted = Int(row.int64(at: 1))
            }
        }
        try db.prepare(
            """
            SELECT run_id, table_name, sum(operation = 'update'), sum(operation = 'delete') FROM history
            WHERE run_id >= :first GROUP BY run_id, table_name
            """
        ).forEachRow(binding: ["first": .integer(first)]) { row in
            var entry = counts[row.int64(at: 0), default: [:]][row.string(at: 1), default: (0, 0, 0)]
            entry.updated = Int(row.int64(at: 2))
            entry.deleted = Int(row.int64(at: 3))
            counts[row.int64(at: 0), default: [:]][row.string(at: 1)] = entry
        }
        // An undo's inserts are the rows it put back, which keep the created_run they had:
        // the deletions of the run it undid.
        let putBack = try db.prepare(
            "SELECT table_name, count(*) FROM history WHERE run_id = :undone AND operation = 'delete' GROUP BY table_name")
        for run in runs {
            guard let undone = run.undoes else { continue }
            try putBack.forEachRow(binding: ["undone": .integer(undone)]) { row in
                counts[run.run, default: [:]][row.string(at: 0), default: (0, 0, 0)].inserted += Int(row.int64(at: 1))
            }
        }
        for index in runs.indices {
            runs[index].tables = (counts[runs[index].run] ?? [:]).sorted { $0.key < $1.key }.map {
                (table: $0.key, inserted: $0.value.inserted, updated: $0.value.updated, deleted: $0.value.deleted)
            }
        }
        return runs
    }
}
