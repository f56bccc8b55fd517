import SQLite
import Testing

struct Boom: Error {}

@Suite struct TransactionTests {
    let db: Database
    init() throws {
        db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (v INTEGER)")
    }

    func count() throws -> Value? { try db.firstValue("SELECT count(*) FROM t") }

    @Test func commitsWhenTheBodyReturns() throws {
        try db.transaction { try db.execute("INSERT INTO t VALUES (1)") }
        #expect(try count() == .integer(1))
        #expect(!db.isInTransaction)
    }

    @Test func rollsBackWhenTheBodyThrows() throws {
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try count() == .integer(0))
        #expect(!db.isInTransaction)
    }

    @Test func nestedTransactionIsRefused() throws {
        try db.transaction {
            #expect(throws: SQLiteError.self) { try db.transaction {} }
        }
    }

    @Test func nestedSavepointsUndoOnlyTheirOwnWork() throws {
        try db.transaction {
            try db.execute("INSERT INTO t VALUES (1)")
            try db.savepoint("outer") {
                try db.execute("INSERT INTO t VALUES (2)")
                #expect(throws: Boom.self) {
                    try db.savepoint("inner") {
                        try db.execute("INSERT INTO t VALUES (3)")
                        throw Boom()
                    }
                }
                try db.savepoint("inner again") { try db.execute("INSERT INTO t VALUES (4)") }
            }
        }
        #expect(try db.allRows("SELECT v FROM t ORDER BY v") == [[.integer(1)], [.integer(2)], [.integer(4)]])
    }

    @Test func savepointOutsideATransactionCommits() throws {
        try db.savepoint { try db.execute("INSERT INTO t VALUES (7)") }
        #expect(!db.isInTransaction)
        #expect(try count() == .integer(1))
    }

    @Test func changesAndLastInsertRowID() throws {
        try db.execute("INSERT INTO t VALUES (1), (2), (3)")
        #expect(db.changes == 3)
        #expect(db.lastInsertRowID == 3)
        try db.execute("UPDATE t SET v = v + 1 WHERE v > 1")
        #expect(db.changes == 2)
    }

    /// `inTransaction` rolls back without an error when the body says so (a dry run).
    @Test func bodyCanChooseToRollBack() throws {
        try db.inTransaction {
            try db.execute("INSERT INTO t VALUES (1)")
            return .rollback
        }
        #expect(try count() == .integer(0))
        try db.inTransaction {
            try db.execute("INSERT INTO t VALUES (1)")
            return .commit
        }
        #expect(try count() == .integer(1))
        #expect(!db.isInTransaction)
    }

    /// A PRAGMA changed for a body goes back to the value it had, not to a default.
    @Test func pragmasAreRestoredToTheirPreviousValue() throws {
        try db.execute("PRAGMA cache_size = -3000")
        let inside = try db.withPragma("cache_size", "-24576") { try db.firstValue("PRAGMA cache_size") }
        #expect(inside == .integer(-24576))
        #expect(try db.firstValue("PRAGMA cache_size") == .integer(-3000))
        #expect(throws: Boom.self) { try db.withPragma("foreign_keys", "OFF") { throw Boom() } }
        #expect(try db.firstValue("PRAGMA foreign_keys") == .integer(1))
    }

    /// Restoring foreign_keys inside a transaction is a no-op in SQLite: the helper
    /// says so instead of leaving the connection unchecked.
    @Test func aRestoreThatDoesNotTakeIsAnError() throws {
        let error = #expect(throws: SQLiteError.self) {
            try db.withPragma("foreign_keys", "OFF") {
                try db.execute("BEGIN")  // left open: the restore cannot take inside it
            }
        }
        #expect(error?.message.contains("could not restore PRAGMA \"foreign_keys\" to 1") == true)
        try db.execute("ROLLBACK")
    }
}
