/// What importing one row did.
enum RowOutcome {
    case inserted, updated, unchanged, rejected
    /// Checked, and written by `finish`, which says what it did (`settledOutcomes`):
    /// rows that can only be matched to stored ones once the whole file is read.
    case deferred
}

/// Imports one record of a kind.
protocol RowImporter: AnyObject {
    func importRow(_ row: RowReader) throws -> RowOutcome
    /// After the file's last row: settles what rows could only name ahead of time
    /// (a parent or an overlapped deal further down the file), reporting what is
    /// still unknown.
    func finish(_ row: RowReader) throws
    /// After `finish`: what happened to each row `importRow` deferred.
    var settledOutcomes: [RowOutcome] { get }
}

extension RowImporter {
    func finish(_ row: RowReader) throws {}
    var settledOutcomes: [RowOutcome] { [] }
}

/// A reference a row makes to something later rows may define, with where it was
/// written, so that it can be settled (or reported) at the end of the file.
struct PendingReference {
    /// The row that makes the reference (its id in the table being written).
    let row: Int64
    /// What it names (a company name, a deal id).
    let target: String
    let line: Int
    let column: Int
    let columnName: String
}
