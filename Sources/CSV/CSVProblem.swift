/// Something wrong in the structure or encoding of a CSV file, with its position.
public struct CSVProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based physical line.
    public let line: Int
    /// 1-based column in characters (UTF-8 code points) within that line.
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
