/// Numbers as text without exponents: what every format writes, and the pieces the
/// units for people (`HumanUnits`) are built from.
public enum NumberText {
    /// A real without an exponent: 1500000000.0, 0.5, 0.0000001. The digits are
    /// Swift's shortest round-trip representation, only moved around the point, so the
    /// text reads back as the same double. Whole numbers keep a `.0` (a real stays
    /// recognisably a real).
    public static func formatReal(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        let text = String(value)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let exponent = Int(text[text.index(after: e)...])!
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let point = mantissa.firstIndex(of: ".")
        let integerDigits = point.map { String(mantissa[..<$0]) } ?? mantissa
        let fractionDigits = point.map { String(mantissa[mantissa.index(after: $0)...]) } ?? ""
        var digits = integerDigits + fractionDigits
        // "1.0e-05" has the digits "10": the zero after the point is not significant.
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        let pointPosition = integerDigits.count + exponent
        let result: String
        if pointPosition <= 0 {
            result = "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            result = digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        } else {
            let index = digits.index(digits.startIndex, offsetBy: pointPosition)
            result = String(digits[..<index]) + "." + String(digits[index...])
        }
        return (negative ? "-" : "") + result
    }

    /// The most digits an Int64 has, with its sign: the scratch space `appendInteger` needs.
    private static let maximumIntegerDigits = 20

    /// Decimal digits straight into a line: no String per number (a million-row export
    /// formats millions of them).
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumIntegerDigits) { digits in
            var count = 0
            while magnitude > 0 {
                digits[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            if value < 0 { out.append(UInt8(ascii: "-")) }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(digits[index]) }
        }
    }

    /// `formatReal` into a line.
    static func appendReal(_ value: Double, to out: inout [UInt8]) {
        out.append(contentsOf: formatReal(value).utf8)
    }

    /// With thousands separators: 1,234,567 and -1,234.
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// Rounded to at most `maximumDecimals` places (half away from zero), trailing zeros
    /// and a bare point dropped, the integer part grouped: 1234.5 → 1,234.5; 3.0 → 3.
    /// Never `-0`.
    static func decimal(_ value: Double, maximumDecimals: Int) -> String {
        guard value.isFinite else { return formatReal(value) }
        let scale = power(10, maximumDecimals)
        let scaled = (value.magnitude * Double(scale)).rounded()
        // Beyond Int64 there is nothing after the point to show anyway.
        guard scaled < 9.0e18 else { return formatReal(value) }
        let units = Int64(scaled)
        let whole = units / scale
        var fraction = units % scale
        var text = grouped(whole)
        if fraction != 0 {
            var places = maximumDecimals
            while fraction % 10 == 0 {
                fraction /= 10
                places -= 1
            }
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: places - digits.count) + digits
        }
        return value < 0 && units != 0 ? "-" + text : text
    }

    /// The places to round to for three significant digits, but never fewer than one
    /// (so 130.1, not 130): 2 below 10, 1 from 10 on.
    static func significantPlaces(_ magnitude: Double) -> Int {
        magnitude < 10 ? 2 : 1
    }

    /// `value` rounded as `decimal` rounds it.
    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = Double(power(10, places))
        return (value.magnitude * scale).rounded() / scale
    }

    private static func power(_ base: Int64, _ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<exponent { result *= base }
        return result
    }
}
