import CSQLite

/// A view of a statement's current row: typed reads straight from SQLite's
/// `sqlite3_column_*` calls. Column indexes are 0-based, like SQLite's.
///
/// A row exists only inside the closure of `forEachRow` or `firstRow`: it reads
/// the statement's current step and means nothing after it.
public struct Row {
    @usableFromInline let handle: OpaquePointer

    @usableFromInline
    init(handle: OpaquePointer) { self.handle = handle }

    public var count: Int { Int(sqlite3_data_count(handle)) }

    /// The storage class of a column's value in this row.
    public enum StorageClass: Sendable { case integer, real, text, blob, null }

    @inlinable
    public func storageClass(at index: Int) -> StorageClass {
        switch sqlite3_column_type(handle, Int32(truncatingIfNeeded: index)) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    @inlinable
    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(truncatingIfNeeded: index)) == SQLITE_NULL
    }

    /// 0 for NULL; other storage classes converted the way SQLite does.
    @inlinable
    public func int64(at index: Int) -> Int64 {
        sqlite3_column_int64(handle, Int32(truncatingIfNeeded: index))
    }

    /// 0.0 for NULL.
    @inlinable
    public func double(at index: Int) -> Double {
        sqlite3_column_double(handle, Int32(truncatingIfNeeded: index))
    }

    /// "" for NULL; use `optionalString(at:)` to tell the two apart.
    /// Invalid UTF-8 is repaired with U+FFFD.
    @inlinable
    public func string(at index: Int) -> String {
        withUTF8(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    public func optionalString(at index: Int) -> String? {
        isNull(at: index) ? nil : string(at: index)
    }

    public func optionalInt64(at index: Int) -> Int64? {
        isNull(at: index) ? nil : int64(at: index)
    }

    /// The column's text as UTF-8 bytes, read in place: no copy, no allocation.
    /// The buffer is valid only inside `body`.
    @inlinable
    public func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let column = Int32(truncatingIfNeeded: index)
        let text = sqlite3_column_text(handle, column)  // before _bytes, as SQLite's docs require
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : count))
    }

    /// The column as bytes (a blob, or text's UTF-8); empty for NULL.
    public func bytes(at index: Int) -> [UInt8] {
        let column = Int32(truncatingIfNeeded: index)
        let blob = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let blob, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: blob, count: count))
    }

    /// The column with its own storage class.
    public func value(at index: Int) -> Value {
        switch sqlite3_column_type(handle, Int32(truncatingIfNeeded: index)) {
        case SQLITE_INTEGER: .integer(int64(at: index))
        case SQLITE_FLOAT: .real(double(at: index))
        case SQLITE_TEXT: .text(string(at: index))
        case SQLITE_BLOB: .blob(bytes(at: index))
        default: .null
        }
    }

    /// Every column of the row, as values.
    public var values: [Value] {
        (0..<count).map { value(at: $0) }
    }
}
