import SQLite

/// One column of an Epoch AI file and the table column it fills, with how its
/// values are read (through RowReader, so a wrong value is a problem at its cell).
struct EpochField {
    enum Reading {
        /// Text as written (surrounding spaces dropped); blank is NULL.
        case text
        /// A decimal number (`9.90E+22`), at least 0.
        case number
        /// A whole number, also written as a float (`10000000000.0`), at least `minimum`.
        case count(minimum: Int64)
        /// Whole US dollars from a number in units of `scale` dollars.
        case dollars(scale: Double)
        /// An ISO date.
        case date
        /// A checkbox (TRUE, True or blank): 1 or 0.
        case flag
        /// A closed vocabulary: Epoch's word (lower-cased) → the stored one.
        case word([String: String])
    }

    let header: String
    let column: String
    let reading: Reading

    init(_ header: String, _ column: String, _ reading: Reading = .text) {
        self.header = header
        self.column = column
        self.reading = reading
    }

    /// The value of the current record; NULL when blank or wrong (then reported).
    func read(_ row: RowReader) -> Value {
        switch reading {
        case .text:
            return row.string(header).map { .text($0) } ?? .null
        case .number:
            return row.number(header).map { .real($0) } ?? .null
        case .count(let minimum):
            return row.count(header, minimum: minimum).map { .integer($0) } ?? .null
        case .dollars(let scale):
            return row.dollars(header, scale: scale).map { .integer($0) } ?? .null
        case .date:
            if case .text(let date) = row.date(header) { return .text(date) }
            return .null
        case .flag:
            return .integer((row.flag(header) ?? false) ? 1 : 0)
        case .word(let words):
            guard let text = row.string(header) else { return .null }
            guard let word = words[text.lowercased()] else {
                let expected = Set(words.values).sorted().joined(separator: ", ")
                row.problem(header, "unknown value \"\(text)\" (expected one of: \(expected))")
                return .null
            }
            return .text(word)
        }
    }
}
