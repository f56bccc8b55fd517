import Support
/// Parsers for the values people write in CSV files: amounts, dates, booleans and
/// vocabulary words. Each returns a typed value or a message saying what was expected.

/// An amount as written: "$1.5B", "€1.7bn", "up to $100B", "1,500,000", "1.5-2B".
public struct ParsedAmount: Sendable, Equatable {
    public enum Qualifier: Sendable, Equatable {
        case exact
        /// "up to $100B": the value is a ceiling.
        case upTo
        /// "~$2B", "about", "roughly", "nearly": an estimate.
        case approximately
        /// "over $1B", "more than", "at least": the value is a floor.
        case atLeast
    }

    /// Whole units of the currency; nil for a range.
    public var value: Int64?
    public var minimum: Int64?
    public var maximum: Int64?
    /// ISO 4217 code from a symbol or code in the text ("$" is USD), or nil.
    public var currency: String?
    public var qualifier: Qualifier = .exact

    public init(
        value: Int64? = nil, minimum: Int64? = nil, maximum: Int64? = nil, currency: String? = nil,
        qualifier: Qualifier = .exact
    ) {
        self.value = value
        self.minimum = minimum
        self.maximum = maximum
        self.currency = currency
        self.qualifier = qualifier
    }

    /// The amount status the schema records: up_to, estimated, or nil for exact.
    public var status: String? {
        if value == nil && (minimum != nil || maximum != nil) { return "estimated" }
        switch qualifier {
        case .exact: return nil
        case .upTo: return "up_to"
        case .approximately, .atLeast: return "estimated"
        }
    }
}

public enum ValueParsing {
    public static let amountExamples = "e.g. 1500000000, 1.5e9, $1.5B, 1.5 billion, 675M, €1.7bn, up to $100B"

    /// Parses an amount; the error says what is wrong.
    public static func amount(_ text: String) -> Result<ParsedAmount, ValueError> {
        var scanner = AmountScanner(text)
        return scanner.parse()
    }

    /// Fast path for plain digits (Crunchbase's raised_amount_usd): no String needed.
    @inline(__always)
    public static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    /// A decimal number as programs and spreadsheets write it: `-12`, `1.5`, `.5`,
    /// `10000000000.0`, `9.90E+22`, `2E+11`; nil for anything else (no thousands
    /// separators, no hexadecimal, no inf or nan).
    public static func decimal(_ text: Substring) -> Double? {
        var index = text.startIndex
        func digits() -> Int {
            var count = 0
            while index < text.endIndex, let ascii = text[index].asciiValue, ascii >= 0x30 && ascii <= 0x39 {
                count += 1
                index = text.index(after: index)
            }
            return count
        }
        if index < text.endIndex && (text[index] == "-" || text[index] == "+") { index = text.index(after: index) }
        var mantissa = digits()
        if index < text.endIndex && text[index] == "." {
            index = text.index(after: index)
            mantissa += digits()
        }
        guard mantissa > 0 else { return nil }
        if index < text.endIndex && (text[index] == "e" || text[index] == "E") {
            index = text.index(after: index)
            if index < text.endIndex && (text[index] == "-" || text[index] == "+") { index = text.index(after: index) }
            guard digits() > 0 else { return nil }
        }
        guard index == text.endIndex, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A whole number, however it is written: `30000`, `30000.0`, `3E+4`, and the
    /// float noise of a computed count (`30000.000000000004`, within a billionth);
    /// nil otherwise (`12.0000001`, `1000000.5`).
    public static func wholeNumber(_ text: Substring) -> Int64? {
        if let plain = Int64(text) { return plain }
        guard let value = decimal(text) else { return nil }
        let rounded = value.rounded()
        // Float noise only (a computed 30000.000000000004), never a real fraction: a
        // tolerance of a millionth let 1000000.5 pass as 1000001.
        guard abs(value - rounded) <= 1e-9 * max(1, abs(rounded)), abs(rounded) < 9.2e18 else { return nil }
        return Int64(rounded)
    }

    /// An ISO 8601 date of day, month or year precision: 2024-10-02, 2024-10, 2024.
    public static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        switch bytes.count {
        case 4:
            return digits(0..<4) != nil
        case 7:
            guard digits(0..<4) != nil, bytes[4] == dash, let month = digits(5..<7) else { return false }
            return (1...12).contains(month)
        case 10:
            guard let year = digits(0..<4), bytes[4] == dash, let month = digits(5..<7), bytes[7] == dash,
                let day = digits(8..<10), (1...12).contains(month)
            else { return false }
            return (1...days(inMonth: month, of: year)).contains(day)
        default:
            return false
        }
    }

    /// `isoDate` of a value held as a String (a filter's, an option's).
    public static func isoDate(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isoDate($0) }
    }

    /// The days of month 1...12 of a Gregorian year.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    public enum Boolean: Sendable { case yes, no, disputed }

    /// yes/no, true/false, y/n, t/f, 1/0, and "disputed".
    public static func boolean(_ text: String) -> Boolean? {
        switch text.lowercased() {
        case "yes", "y", "true", "t", "1": .yes
        case "no", "n", "false", "f", "0": .no
        case "disputed": .disputed
        default: nil
        }
    }

    /// A vocabulary word as stored: lower case, spaces and hyphens as underscores
    /// ("Series A" is series_a).
    public static func vocabularyWord(_ text: String) -> String {
        var word = ""
        for character in text.lowercased() {
            word.append(character == " " || character == "-" ? "_" : character)
        }
        return word
    }
}

/// What is wrong with a value, to be placed after "column: ".
public struct ValueError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Scans an amount. Grammar (case-insensitive, spaces allowed between parts):
/// [up to | ~ | about | over | at least ...] [currency] number [scale] [currency]
/// [(- | – | to) [currency] number [scale] [currency]]
private struct AmountScanner {
    let original: String
    let characters: [Character]
    var index = 0

    init(_ text: String) {
        original = text
        characters = Array(text.trimmingSpaces())
    }

    mutating func parse() -> Result<ParsedAmount, ValueError> {
        var amount = ParsedAmount()
        amount.qualifier = qualifier()
        guard let first = side(&amount.currency) else { return failure() }
        skipSpaces()
        if index < characters.count {
            // A range: "1.5-2B", "$1.5B–$2B", "1.5 to 2 billion".
            guard consumeRangeSeparator(), amount.qualifier == .exact else { return failure() }
            guard let second = side(&amount.currency) else { return failure() }
            skipSpaces()
            guard index == characters.count else { return failure() }
            let scale = first.scale ?? second.scale ?? 0
            guard let low = first.number.scaled(by: scale), let high = second.number.scaled(by: second.scale ?? 0)
            else { return .failure(ValueError("\"\(original)\" is too large")) }
            guard low <= high else {
                return .failure(ValueError("\"\(original)\": the range's lower end is above its upper end"))
            }
            amount.minimum = low
            amount.maximum = high
            return .success(amount)
        }
        guard let value = first.number.scaled(by: first.scale ?? 0) else {
            return .failure(ValueError("\"\(original)\" is too large"))
        }
        amount.value = value
        switch amount.qualifier {
        case .upTo: amount.maximum = value
        case .atLeast: amount.minimum = value
        default: break
        }
        return .success(amount)
    }

    func failure() -> Result<ParsedAmount, ValueError> {
        .failure(ValueError("cannot read \"\(original)\" as an amount (expected \(ValueParsing.amountExamples))"))
    }

    mutating func skipSpaces() {
        while index < characters.count && (characters[index] == " " || characters[index] == "\u{00A0}") { index += 1 }
    }

    mutating func consume(_ word: String) -> Bool {
        let letters = Array(word)
        guard index + letters.count <= characters.count else { return false }
        for (offset, letter) in letters.enumerated()
        where characters[index + offset].lowercased() != String(letter) {
            return false
        }
        // A word must end at a word boundary.
        let end = index + letters.count
        if letters.last!.isLetter, end < characters.count, characters[end].isLetter { return false }
        index = end
        return true
    }

    mutating func qualifier() -> ParsedAmount.Qualifier {
        skipSpaces()
        if consume("up to") { return .upTo }
        for word in ["~", "≈", "about", "approximately", "approx.", "approx", "around", "roughly", "nearly", "almost", "circa", "ca."]
        where consume(word) {
            return .approximately
        }
        for word in ["at least", "more than", "over", "above", "exceeding", ">"] where consume(word) {
            return .atLeast
        }
        return .exact
    }

    mutating func consumeRangeSeparator() -> Bool {
        if index < characters.count && ["-", "–", "—"].contains(characters[index]) {
            index += 1
            return true
        }
        return consume("to")
    }

    /// One "[currency] number [scale] [currency]".
    mutating func side(_ currency: inout String?) -> (number: Decimal, scale: Int?)? {
        skipSpaces()
        if let symbol = currencyPrefix() {
            guard currency == nil || currency == symbol else { return nil }
            currency = symbol
        }
        skipSpaces()
        guard let number = number() else { return nil }
        skipSpaces()
        let scale = self.scale()
        skipSpaces()
        if let code = currencyCode() {
            guard currency == nil || currency == code else { return nil }
            currency = code
        }
        return (number, scale)
    }

    mutating func currencyPrefix() -> String? {
        guard index < characters.count else { return nil }
        switch characters[index] {
        case "$": index += 1; return "USD"
        case "€": index += 1; return "EUR"
        case "£": index += 1; return "GBP"
        case "¥": index += 1; return "JPY"
        case "₹": index += 1; return "INR"
        default: break
        }
        if consume("us$") { return "USD" }
        return currencyCode()
    }

    /// Three upper- or lower-case letters followed by a non-letter: USD, eur.
    mutating func currencyCode() -> String? {
        guard index + 3 <= characters.count else { return nil }
        let letters = characters[index..<index + 3]
        guard letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if index + 3 < characters.count && characters[index + 3].isLetter { return nil }
        let code = String(letters).uppercased()
        // Scale words of three letters are not currencies.
        guard !["BLN", "MLN", "MIO"].contains(code) else { return nil }
        index += 3
        return code
    }

    /// Digits with optional thousands separators, a decimal point and an exponent.
    mutating func number() -> Decimal? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var exponent = 0
        var sawPoint = false
        var groupDigits = -1  // digits since the last thousands separator, -1 when none yet
        let start = index
        while index < characters.count {
            let character = characters[index]
            if let digit = character.wholeNumberValue, character.isASCII {
                if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(digit)
                    digits += mantissa == 0 ? 0 : 1
                    if sawPoint { fractionDigits += 1 }
                } else if !sawPoint {
                    exponent += 1  // beyond 19 significant digits: keep the magnitude
                }
                if groupDigits >= 0 && !sawPoint { groupDigits += 1 }
                index += 1
            } else if character == "," && !sawPoint {
                // A thousands separator must follow 1-3 digits and precede exactly 3.
                guard index > start, groupDigits == -1 || groupDigits == 3 else { return nil }
                groupDigits = 0
                index += 1
            } else if character == "." && !sawPoint {
                guard groupDigits == -1 || groupDigits == 3 else { return nil }
                sawPoint = true
                index += 1
            } else {
                break
            }
        }
        guard index > start, groupDigits == -1 || groupDigits == 3 || sawPoint else { return nil }
        guard characters[start..<index].contains(where: { $0.isASCII && $0.isNumber }) else { return nil }
        // An exponent: e9, E+9, e-3 (but not the start of a word such as "euros").
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var probe = index + 1
            var sign = 1
            if probe < characters.count, characters[probe] == "+" || characters[probe] == "-" {
                sign = characters[probe] == "-" ? -1 : 1
                probe += 1
            }
            var value = 0
            var exponentDigits = 0
            while probe < characters.count, let digit = characters[probe].wholeNumberValue, characters[probe].isASCII {
                value = min(value * 10 + digit, 1000)
                exponentDigits += 1
                probe += 1
            }
            if exponentDigits > 0 && !(probe < characters.count && characters[probe].isLetter) {
                exponent += sign * value
                index = probe
            }
        }
        return Decimal(mantissa: mantissa, exponent: exponent - fractionDigits)
    }

    /// k, m, mn, mln, million, b, bn, bln, billion, t, tn, trillion (and plurals).
    mutating func scale() -> Int? {
        let words: [(String, Int)] = [
            ("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12),
            ("mln", 6), ("bln", 9), ("mio", 6), ("mn", 6), ("bn", 9), ("tn", 12),
            ("k", 3), ("m", 6), ("b", 9), ("t", 12),
        ]
        for (word, power) in words {
            let saved = index
            if consume(word) {
                if word.count > 3 { _ = consume("s") }  // "millions", "billions"
                if index < characters.count && characters[index].isLetter {
                    index = saved
                    continue
                }
                return power
            }
        }
        return nil
    }
}

/// mantissa × 10^exponent, exactly, without Foundation.
private struct Decimal {
    let mantissa: UInt64
    let exponent: Int

    /// Whole units after scaling by 10^power, rounded half up; nil on overflow.
    func scaled(by power: Int) -> Int64? {
        var value = mantissa
        var shift = exponent + power
        if value == 0 { return 0 }
        while shift > 0 {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = product
            shift -= 1
        }
        if shift < 0 {
            var divisor: UInt64 = 1
            for _ in 0..<min(-shift, 19) { divisor *= 10 }
            if -shift > 19 { return 0 }
            value = (value + divisor / 2) / divisor
        }
        guard value <= UInt64(Int64.max) else { return nil }
        return Int64(value)
    }
}
