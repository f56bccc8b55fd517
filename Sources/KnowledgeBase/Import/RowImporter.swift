/// What importing one row did.
enum RowOutcome { case inserted, updated, unchanged, rejected }

/// Imports one record of a kind.
protocol RowImporter: AnyObject {
    func importRow(_ row: RowReader) throws -> RowOutcome
}
