import SQLite

/// A value as the formats for people show it (table, box, line, markdown): NULL as the
/// chosen text, numbers in their column's unit, reals without exponents, blobs as
/// `X'..'`. With `--raw` the printer hands the formats no units at all.
struct DisplayText {
    let nullText: String

    func text(_ value: Value, unit: ColumnUnit?) -> String {
        switch value {
        case .null:
            return nullText
        case .integer(let integer):
            if let unit, let text = HumanUnits.text(integer, unit: unit) { return text }
            return String(integer)
        case .real(let real):
            if let unit, let text = HumanUnits.text(real, unit: unit) { return text }
            return NumberText.formatReal(real)
        case .text(let text):
            return text
        case .blob(let bytes):
            return BlobText.text(bytes)
        }
    }
}
