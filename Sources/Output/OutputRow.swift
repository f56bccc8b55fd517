import SQLite

/// One row on its way to a format: a statement's current row, read in place (the
/// streaming path: no `Value`, no String per number), or an array of values. Either way
/// seen through the printer's column selection: index `i` is the `i`-th printed column.
struct OutputRow {
    private enum Source {
        case statement(Row)
        case values([Value])
    }

    private let source: Source
    /// Printed column `i` is source column `selection[i]`.
    private let selection: [Int]

    init(_ row: Row, selection: [Int]) {
        source = .statement(row)
        self.selection = selection
    }

    init(_ values: [Value], selection: [Int]) {
        source = .values(values)
        self.selection = selection
    }

    /// A row of text values, one per column: a header.
    init(texts: [String]) {
        source = .values(texts.map { .text($0) })
        selection = Array(texts.indices)
    }

    var count: Int { selection.count }

    func storageClass(at index: Int) -> Row.StorageClass {
        switch source {
        case .statement(let row): return row.storageClass(at: selection[index])
        case .values(let values):
            switch values.element(selection[index]) {
            case .null: return .null
            case .integer: return .integer
            case .real: return .real
            case .text: return .text
            case .blob: return .blob
            }
        }
    }

    func int64(at index: Int) -> Int64 {
        switch source {
        case .statement(let row): return row.int64(at: selection[index])
        case .values(let values):
            if case .integer(let value) = values.element(selection[index]) { return value }
            return 0
        }
    }

    func double(at index: Int) -> Double {
        switch source {
        case .statement(let row): return row.double(at: selection[index])
        case .values(let values):
            if case .real(let value) = values.element(selection[index]) { return value }
            return 0
        }
    }

    /// A text column's UTF-8, valid only inside `body`.
    func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch source {
        case .statement(let row): return try row.withUTF8(at: selection[index], body)
        case .values(let values):
            guard case .text(var text) = values.element(selection[index]) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try text.withUTF8(body)
        }
    }

    /// A blob column's bytes.
    func bytes(at index: Int) -> [UInt8] {
        switch source {
        case .statement(let row): return row.bytes(at: selection[index])
        case .values(let values):
            if case .blob(let bytes) = values.element(selection[index]) { return bytes }
            return []
        }
    }

    func value(at index: Int) -> Value {
        switch source {
        case .statement(let row): return row.value(at: selection[index])
        case .values(let values): return values.element(selection[index])
        }
    }

    /// Every printed column as a value (the formats for people, and rows held for sizing).
    var values: [Value] { (0..<count).map(value(at:)) }
}

extension Array where Element == Value {
    /// NULL past the end: a caller that passes fewer values than columns prints NULLs.
    fileprivate func element(_ index: Int) -> Value { index < count ? self[index] : .null }
}
