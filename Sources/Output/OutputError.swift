/// A request the printer cannot carry out, such as `--columns` naming a column the
/// result does not have. The message is one line, fit for stderr.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
