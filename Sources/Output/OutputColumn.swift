/// One column of a result to print: its name and, where known, its unit.
public struct OutputColumn: Sendable, Equatable {
    public var name: String
    public var unit: ColumnUnit?

    public init(name: String, unit: ColumnUnit? = nil) {
        self.name = name
        self.unit = unit
    }
}
