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
            let day = String(parts[0])
            let time = parts.count == 2 ? (day.count == 10 ? stamped(parts[1]) : nil) : ""
            guard ValueParsing.isoDate(day), let time else {
                throw KnowledgeBaseError(
                    .invalidInput, "--since \(text): expected a run id or a real ISO date or time (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ)")
            }
            return .date(time.isEmpty ? day : day + "T" + time)
        }

        /// A time (HH:MM, HH:MM:SS or HH:MM:SS.fff, then Z or nothing: times are UTC) as
        /// runs record theirs, so that text comparison orders it: `05:45` is
        /// `05:45:00.000Z`, `05:45:03.2Z` is `05:45:03.200Z`; nil when it is no time.
        static func stamped(_ time: Substring) -> String? {
            let body = time.hasSuffix("Z") ? time.dropLast() : time
            let fields = body.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(fields.count), fields[0].count == 2, fields[1].count == 2,
                let hour = Int(fields[0]), let minute = Int(fields[1]), (0...23).contains(hour), (0...59).contains(minute)
            else { return nil }
            let seconds = fields.count == 3 ? fields[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false) : ["00"]
            guard seconds[0].count == 2, let second = Int(seconds[0]), (0...59).contains(second) else { return nil }
            let fraction = seconds.count == 2 ? seconds[1] : "000"
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            let milliseconds = String(fraction.prefix(3))
            return fields[0] + ":" + fields[1] + ":" + seconds[0] + "." + milliseconds
                + String(repeating: "0", count: 3 - milliseconds.count) + "Z"
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
