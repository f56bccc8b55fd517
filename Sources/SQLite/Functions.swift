import CSQLite

/// SQL functions written in Swift. SQLite calls the body with the arguments' values;
/// what it returns (or throws) becomes the function's result (or error).
extension Database {
    /// How SQLite may treat a function.
    public struct FunctionFlags: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// The same arguments always give the same result (it may be used in indexes).
        public static let deterministic = FunctionFlags(rawValue: SQLITE_DETERMINISTIC)
        /// No side effects and no information leaks: safe in views and triggers of a
        /// schema SQLite does not trust (`PRAGMA trusted_schema = OFF`).
        public static let innocuous = FunctionFlags(rawValue: SQLITE_INNOCUOUS)
    }

    /// An error a function body throws: SQLite reports it as the statement's error.
    public struct FunctionError: Error, Sendable {
        public let message: String
        public init(_ message: String) { self.message = message }
    }

    /// Registers (or replaces, for this connection, a built-in of the same name) a
    /// scalar function taking `arity` arguments (-1: any number).
    public func createFunction(
        _ name: String, arity: Int32, flags: FunctionFlags, _ body: @escaping ([Value]) throws -> Value
    ) throws {
        let box = Unmanaged.passRetained(FunctionBox(body)).toOpaque()
        let rc = sqlite3_create_function_v2(
            handle, name, arity, SQLITE_UTF8 | flags.rawValue, box,
            { context, count, arguments in
                let box = Unmanaged<FunctionBox>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
                var values: [Value] = []
                values.reserveCapacity(Int(count))
                for index in 0..<Int(count) { values.append(Value(sqlite: arguments![index]!)) }
                do {
                    switch try box.body(values) {
                    case .null: sqlite3_result_null(context)
                    case .integer(let integer): sqlite3_result_int64(context, integer)
                    case .real(let real): sqlite3_result_double(context, real)
                    case .text(var text):
                        text.withUTF8 { utf8 in
                            sqlite3_result_text64(
                                context, UnsafeRawPointer(utf8.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                                    .assumingMemoryBound(to: CChar.self), UInt64(utf8.count), csqlite_transient(),
                                UInt8(SQLITE_UTF8))
                        }
                    case .blob(let bytes):
                        bytes.withUnsafeBytes { raw in
                            sqlite3_result_blob64(context, raw.baseAddress, UInt64(raw.count), csqlite_transient())
                        }
                    }
                } catch let error as FunctionError {
                    sqlite3_result_error(context, error.message, -1)
                } catch {
                    sqlite3_result_error(context, "\(error)", -1)
                }
            }, nil, nil,
            { box in Unmanaged<FunctionBox>.fromOpaque(box!).release() })
        guard rc == SQLITE_OK else { throw SQLiteError.last(from: handle, code: rc) }
    }
}

/// Holds a function's Swift body for SQLite's C callback.
final class FunctionBox {
    let body: ([Value]) throws -> Value
    init(_ body: @escaping ([Value]) throws -> Value) { self.body = body }
}

extension Value {
    /// A function argument's value.
    init(sqlite value: OpaquePointer) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: self = .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: self = .real(sqlite3_value_double(value))
        case SQLITE_TEXT:
            let count = Int(sqlite3_value_bytes(value))
            let text = sqlite3_value_text(value)
            self = .text(String(decoding: UnsafeBufferPointer(start: text, count: text == nil ? 0 : count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            let blob = sqlite3_value_blob(value)
            self = .blob(blob.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? [])
        default: self = .null
        }
    }
}
