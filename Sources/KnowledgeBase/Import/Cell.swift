import CSV
import SQLite

/// A value ready to bind: the common cases need no allocation (`field` binds the
/// reader's bytes in place).
enum Cell {
    case null
    case integer(Int64)
    case real(Double)
    /// The bytes of a CSV field, bound without copying.
    case field(Int)
    case text(String)
}

extension Statement {
    /// Binds a cell; `.field` binds the reader's bytes in place, which stay valid
    /// until the next record (after this statement has run).
    func bind(_ cell: Cell, to parameter: Parameter, reader: CSVReader) throws {
        switch cell {
        case .null: try bindNull(to: parameter)
        case .integer(let value): try bind(value, to: parameter)
        case .real(let value): try bind(value, to: parameter)
        case .text(let value): try bind(value, to: parameter)
        case .field(let field): try bindNoCopy(utf8: reader.field(field), to: parameter)
        }
    }
}
