import CSV
import SQLite
import Support

/// The current record of a file, read through its header: typed accessors that
/// parse and validate a column's value, and report what is wrong with the
/// value's position (`FILE:LINE:COLUMN: column: message`).
final class RowReader {
    let reader: CSVReader
    let header: Header
    let file: String
    private let sink: ProblemSink
    /// True once a problem was reported for the current record.
    private(set) var rejected = false

    init(reader: CSVReader, header: Header, sink: ProblemSink) {
        self.reader = reader
        self.header = header
        self.file = reader.name
        self.sink = sink
    }

    func startRecord() { rejected = false }

    // MARK: Problems

    /// Reports a problem with a column's value (or the whole record when `column` is nil).
    func problem(_ column: String?, _ message: String) {
        rejected = true
        if let column, let index = header.index(of: column), index < reader.fieldCount {
            let (line, characterColumn) = reader.position(ofField: index)
            sink.add(ImportProblem(file: file, line: line, column: characterColumn, message: "\(column): \(message)"))
        } else {
            sink.add(ImportProblem(file: file, line: reader.recordLine, column: 1, message: message))
        }
    }

    /// Where a column's field of the current record starts, for problems reported
    /// after the record (at the end of the file).
    func position(of column: String) -> (line: Int, column: Int) {
        if let index = header.index(of: column), index < reader.fieldCount { return reader.position(ofField: index) }
        return (reader.recordLine, 1)
    }

    /// Reports a problem found after its record, at a position kept from it.
    func problem(at position: (line: Int, column: Int), column: String, _ message: String) {
        sink.add(ImportProblem(file: file, line: position.line, column: position.column, message: "\(column): \(message)"))
    }

    // MARK: Raw access

    func has(_ column: String) -> Bool { header.has(column) }

    /// The field's bytes with surrounding spaces removed, or nil when the column is
    /// absent. Valid until the next record.
    func bytes(_ column: String) -> UnsafeBufferPointer<UInt8>? {
        guard let index = header.index(of: column) else { return nil }
        return trimmed(reader.field(index))
    }

    private func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// True when the column is absent or its field holds nothing but spaces.
    func isBlank(_ column: String) -> Bool { bytes(column)?.isEmpty ?? true }

    /// The trimmed field as a String, nil when absent or blank.
    func string(_ column: String) -> String? {
        guard let bytes = bytes(column), !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Typed values

    /// Free text kept exactly as written (not trimmed). An unquoted empty field is
    /// NULL, a quoted empty field "" (so CSV exports re-import identically).
    func text(_ column: String) -> Cell {
        guard let index = header.index(of: column) else { return .null }
        if reader.field(index).isEmpty && !reader.isQuoted(index) { return .null }
        return .field(index)
    }

    /// `text` as a value, for an importer that compares a row's values before it writes.
    func textValue(_ column: String) -> Value {
        guard let index = header.index(of: column) else { return .null }
        let field = reader.field(index)
        if field.isEmpty && !reader.isQuoted(index) { return .null }
        return .text(String(decoding: field, as: UTF8.self))
    }

    /// The one wording for a required column left blank.
    static let missingValue = "missing value (this column is required)"

    /// Reports `column` as required and blank.
    func missing(_ column: String) { problem(column, Self.missingValue) }

    /// A required name or id: trimmed, not blank.
    func requiredString(_ column: String) -> String? {
        guard let value = string(column) else {
            missing(column)
            return nil
        }
        return value
    }

    /// A required id kept as the field's bytes (a Crunchbase uuid): trimmed, not blank.
    func requiredBytes(_ column: String) -> UnsafeBufferPointer<UInt8>? {
        guard let bytes = bytes(column), !bytes.isEmpty else {
            missing(column)
            return nil
        }
        return bytes
    }

    /// An ISO 3166 alpha-3 country code, upper-cased; nil when blank or wrong (reported).
    func countryCode(_ column: String) -> String? {
        guard let code = string(column) else { return nil }
        let upper = code.uppercased()
        guard upper.utf8.count == 3, upper.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            problem(column, "\"\(code)\" is not an ISO 3166 alpha-3 country code (expected e.g. USA, GBR, FRA)")
            return nil
        }
        return upper
    }

    /// An ISO 4217 currency code, upper-cased; nil when blank or wrong (reported).
    func currencyCode(_ column: String) -> String? {
        guard let code = string(column) else { return nil }
        let upper = code.uppercased()
        guard upper.utf8.count == 3, upper.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            problem(column, "\"\(upper)\" is not a currency code (expected ISO 4217, e.g. USD, EUR, GBP)")
            return nil
        }
        return upper
    }

    /// An ISO date of day, month or year precision, or NULL when blank.
    func date(_ column: String) -> Cell {
        guard let bytes = bytes(column), !bytes.isEmpty else { return .null }
        guard ValueParsing.isoDate(bytes) else {
            problem(
                column,
                "\"\(String(decoding: bytes, as: UTF8.self))\" is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date)")
            return .null
        }
        return .text(String(decoding: bytes, as: UTF8.self))
    }

    /// An amount; nil when blank or wrong (then reported).
    func amount(_ column: String) -> ParsedAmount? {
        guard let bytes = bytes(column), !bytes.isEmpty else { return nil }
        if let plain = ValueParsing.plainInteger(bytes) { return ParsedAmount(value: plain) }
        switch ValueParsing.amount(String(decoding: bytes, as: UTF8.self)) {
        case .success(let amount): return amount
        case .failure(let error):
            problem(column, error.message)
            return nil
        }
    }

    /// An amount that must be in US dollars (`*_usd` columns).
    func dollars(_ column: String) -> ParsedAmount? {
        guard let amount = amount(column) else { return nil }
        if let currency = amount.currency, currency != "USD" {
            problem(column, "\"\(string(column) ?? "")\" is in \(currency), but this column holds US dollars")
            return nil
        }
        return amount
    }

    /// A whole number of at least `minimum` as people write it (`10,000`, `10 000`) and as
    /// spreadsheets re-save it (`10000.0`, `1E+4`); null when blank or wrong (reported).
    /// `10.000` is refused: a thousands separator or a decimal point, the file cannot say
    /// (`1.000.000` can only be thousands, `0.500` only a decimal).
    func integer(_ column: String, minimum: Int64 = 0) -> Cell {
        guard let text = string(column) else { return .null }
        var digits = text.filter { $0 != "," && $0 != "_" && $0 != " " }
        let groups = digits.split(separator: ".", omittingEmptySubsequences: false)
        let grouped = groups.count > 1 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy({ $0.count == 3 })
            && groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        if grouped && groups.count > 2 {
            digits = groups.joined()  // 1.000.000: two dots cannot start decimals
        } else if grouped && groups[0].first != "0" {
            problem(column, "\"\(text)\" is ambiguous: \".\" as a thousands separator or a decimal point (write \(groups.joined()) or \(groups[0]))")
            return .null
        }
        return wholeNumber(column, text: digits, shown: text, minimum: minimum).map { .integer($0) } ?? .null
    }

    /// A decimal number above `lower` and at most `upper`; `suffixes` maps unit
    /// words to factors (`%` for shares, `GW` for power).
    func real(_ column: String, above lower: Double, atMost upper: Double, suffixes: [String: Double] = [:]) -> Cell {
        guard let text = string(column) else { return .null }
        var body = Substring(text)
        var factor = 1.0
        for (suffix, value) in suffixes where body.lowercased().hasSuffix(suffix.lowercased()) {
            body = body.dropLast(suffix.count)
            factor = value
            break
        }
        guard let number = Double(body.trimmingSpaces()), number.isFinite, number * factor > lower,
            number * factor <= upper
        else {
            let units = suffixes.isEmpty ? "" : " (units: \(suffixes.keys.sorted().joined(separator: ", ")))"
            problem(column, "\"\(text)\" is not a number above \(lower.formatted) and at most \(upper.formatted)\(units)")
            return .null
        }
        return .real(number * factor)
    }

    /// A decimal number as programs and spreadsheets write it (`1.5`, `9.90E+22`,
    /// `2E+11`) of at least `minimum`; nil when blank or wrong (reported).
    func number(_ column: String, minimum: Double = 0) -> Double? {
        guard let text = string(column) else { return nil }
        guard let value = ValueParsing.decimal(Substring(text)), value >= minimum else {
            problem(column, "\"\(text)\" is not a number of at least \(minimum.formatted) (expected e.g. 1500, 1.5, 9.9E+22)")
            return nil
        }
        return value
    }

    /// A count: a whole number of at least `minimum`, also when a program wrote it as
    /// a float (`10000000000.0`, `1E+4`, `30000.000000000004`); nil when blank or wrong (reported).
    func count(_ column: String, minimum: Int64 = 0) -> Int64? {
        guard let text = string(column) else { return nil }
        return wholeNumber(column, text: text, shown: text, minimum: minimum)
    }

    /// The one reading of a whole number that integer and count share.
    private func wholeNumber(_ column: String, text: String, shown: String, minimum: Int64) -> Int64? {
        guard let value = ValueParsing.wholeNumber(Substring(text)), value >= minimum else {
            problem(column, "\"\(shown)\" is not a whole number of at least \(minimum)")
            return nil
        }
        return value
    }

    /// Whole US dollars from a plain number in units of `scale` dollars (Epoch AI's
    /// "2025 USD billions": scale 1e9), rounded to the dollar; nil when blank or wrong (reported).
    func dollars(_ column: String, scale: Double) -> Int64? {
        guard let value = number(column) else { return nil }
        let dollars = (value * scale).rounded()
        guard dollars < 9.2e18 else {
            problem(column, "\"\(string(column) ?? "")\" is too large an amount")
            return nil
        }
        return Int64(dollars)
    }

    /// A checkbox as spreadsheets export it: TRUE, True, yes, 1 are set; FALSE, no, 0
    /// and a blank cell are not. nil when the column is absent or the value is neither (reported).
    func flag(_ column: String) -> Bool? {
        guard has(column) else { return nil }
        guard let text = string(column) else { return false }
        switch ValueParsing.boolean(text) {
        case .yes: return true
        case .no: return false
        default:
            problem(column, "\"\(text)\" is not a checkbox value (expected TRUE, FALSE or nothing)")
            return nil
        }
    }

    /// Vocabularies up to this size are listed in full in an error; larger ones name their table.
    static let vocabularyListedInFull = 12

    /// A word of a closed vocabulary, normalised ("Series A" → series_a); nil when blank.
    func word(_ column: String, in allowed: Set<String>, what: String, table: String? = nil) -> String? {
        guard let text = string(column) else { return nil }
        let word = ValueParsing.vocabularyWord(text)
        guard allowed.contains(word) else {
            let hint = Suggestions.hint(for: word, among: Array(allowed))
            let expected =
                allowed.count <= Self.vocabularyListedInFull
                ? " (expected one of: \(allowed.sorted().joined(separator: ", ")))"
                : table.map { " (see the \($0) table)" } ?? ""
            problem(column, "unknown \(what) \"\(text)\"\(expected)\(hint)")
            return nil
        }
        return word
    }

    /// A required word of a closed vocabulary: blank is reported as missing.
    func requiredWord(_ column: String, in allowed: Set<String>, what: String, table: String? = nil) -> String? {
        guard string(column) != nil else {
            missing(column)
            return nil
        }
        return word(column, in: allowed, what: what, table: table)
    }

    /// yes/no/true/false/1/0 (and "disputed" where `allowDisputed`); nil when blank.
    func boolean(_ column: String, allowDisputed: Bool = false) -> ValueParsing.Boolean? {
        guard let text = string(column) else { return nil }
        guard let value = ValueParsing.boolean(text), allowDisputed || value != .disputed else {
            problem(column, "\"\(text)\" is not yes or no (expected yes, no, true, false, 1, 0\(allowDisputed ? " or disputed" : ""))")
            return nil
        }
        return value
    }
}

extension Double {
    /// 100.0 as "100", 0.5 as "0.5".
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
