/// One SQLite value, for the generic case: results of ad-hoc SQL, filter
/// arguments, printing. Typed reads (`Statement.int64(at:)`, ...) avoid it
/// where the caller knows the type.
public enum Value: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The storage class name SQLite's `typeof()` would return.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }
}

// Not ExpressibleByNilLiteral on purpose: `nil` must stay "no value" for `Value?`,
// never silently become SQL NULL.
extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}
