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
}
